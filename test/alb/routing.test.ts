import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, createSignInRepo, echoOf, SignInRig, startEchoBackend, startRig } from './alb-fixture';
import { AlbConfigError, startLocalAlb } from '../../src/alb';
import { safeLocalPath } from '../../src/alb/sign-in-flow';
import { LOCAL_CREDENTIALS_DIR } from '../../src/local';
import { synthToDisk, tempDir } from '../util';

describe('routing by the Ingress rules', () => {
  let rig: SignInRig;
  beforeAll(async () => {
    rig = await startRig({}, (ingress) => {
      // A catch-all sign-in path, so any original URI reaches the sign-in flow.
      ingress.spec.rules[0].http.paths.push({ path: '/', pathType: 'Prefix', backend: ingress.spec.rules[0].http.paths[0].backend });
    });
  });
  afterAll(() => rig.close());

  test('the API Ingress forwards its paths without sign-in, Prefix and Exact as the controller builds them', async () => {
    for (const path of ['/api/demo/protectedRole', '/api/demo/protectedRole/ana?x=1', '/status']) {
      const res = await new Browser().request(`${rig.alb.url}${path}`);
      expect([path, res.status, echoOf(res).url]).toEqual([path, 200, path]);
    }
  });

  test('Ingress hosts stand in for localhost too, other host names get 404', async () => {
    const viaHost = await new Browser().request(`http://gateway.example.com:${rig.alb.port}/status`);
    expect(viaHost.status).toBe(200);
    const other = await new Browser().request(`http://evil.example:${rig.alb.port}/status`);
    expect(other.status).toBe(404);
  });

  test('400 for dot segments, raw or encoded, so no path is routed one way and resolved another', async () => {
    for (const path of ['/status/../app/profile', '/app/%2e%2e/api/demo/protectedUpload', '/api/demo/protectedRole/./x']) {
      expect([path, (await new Browser().request(`${rig.alb.url}${path}`)).status]).toEqual([path, 400]);
    }
  });

  describe('no open redirect through the original URI', () => {
    test.each(['//evil.example/steal', '/\\evil.example/steal'])('%s comes back as /', async (path) => {
      const hops = await new Browser().follow(`${rig.alb.url}${path}`);
      expect(hops.map((h) => h.status)).toEqual([302, 302, 302, 200]);
      expect(hops[2].headers.location).toBe('/');
    });

    test('a request under another host name is sent to localhost with the same safe path', async () => {
      const res = await new Browser().request(`http://127.0.0.1:${rig.alb.port}//evil.example/`);
      expect(res.headers.location).toBe(`${rig.alb.url}/`);
    });

    test.each([
      ['/app/profile?tab=a&b=%2F%2F', '/app/profile?tab=a&b=%2F%2F'],
      ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
      ['//evil.example', '/'],
      ['/\\evil.example', '/'],
      ['https://evil.example/', '/'],
      ['/a\tb', '/'],
      ['', '/'],
    ])('safeLocalPath(%j) is %j', (target, expected) => {
      expect(safeLocalPath(target)).toBe(expected);
    });
  });
});

describe('paths no Ingress rule matches', () => {
  let rig: SignInRig;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(() => rig.close());

  test.each(['/', '/app', '/app/profile/more', '/api/demo/protectedUpload/1', '/oauth2/authorize'])('%s: 404 at the ALB', async (path) => {
    const res = await new Browser().request(`${rig.alb.url}${path}`);
    expect(res.status).toBe(404);
    expect(res.body).toBe('404 Not Found\n');
  });
});

describe('startLocalAlb', () => {
  test('502 when the service is not running', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const { dir } = createSignInRepo();
    const alb = await startLocalAlb({ dir, port: 0, backendUrl: `http://127.0.0.1:${port}`, issuerUrl: 'http://127.0.0.1:9' });
    try {
      const res = await new Browser().request(`${alb.url}/status`);
      expect([res.status, res.body]).toEqual([502, '502 Bad Gateway\n']);
    } finally {
      await alb.close();
    }
  });

  test.each([
    ['backendUrl', 'http://10.0.0.1:8080'],
    ['backendUrl', 'https://127.0.0.1:8080'],
    ['issuerUrl', 'http://example.com'],
    ['issuerUrl', 'http://127.0.0.1:9400/prefix'],
  ])('refuses a %s that leaves this machine or has a path (%s)', async (option, value) => {
    await expect(startLocalAlb({ dir: createSignInRepo().dir, port: 0, [option]: value })).rejects.toThrow(AlbConfigError);
  });

  test('in a repository without user sign-in, routes and strips x-amzn-oidc-* without touching the dev credentials', async () => {
    const dir = tempDir();
    synthToDisk(dir);
    const backend = await startEchoBackend();
    const alb = await startLocalAlb({ dir, port: 0, backendUrl: backend.url });
    try {
      expect(alb.signInUrl).toBeUndefined();
      const res = await new Browser().request(`${alb.url}/api/demo/protectedRole/ana`, { headers: { 'x-amzn-oidc-identity': 'admin' } });
      expect(res.status).toBe(200);
      expect(echoOf(res).headers['x-amzn-oidc-identity']).toBeUndefined();
      expect(existsSync(join(dir, LOCAL_CREDENTIALS_DIR))).toBe(false);
    } finally {
      await alb.close();
      await backend.close();
    }
  });

  test('refuses a cognito Ingress in a repository without userAuth', async () => {
    const { dir } = createSignInRepo();
    const { writeFileSync, readFileSync } = await import('node:fs');
    const path = `${dir}/.eks-cognito-kit/issuer.json`;
    const { userAuth: _u, ...spec } = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(path, JSON.stringify(spec));
    await expect(startLocalAlb({ dir, port: 0 })).rejects.toThrow(/auth-type cognito but demo-api's issuer.json has no userAuth/);
  });
});
