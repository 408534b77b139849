import { createSignInRepo } from './alb-fixture';
import { AlbConfigError, runAlb } from '../../src/alb';
import { parseAlbArgs } from '../../src/alb/alb-args';
import { main } from '../../src/cli/main';
import { tempDir } from '../util';

function io(signal?: AbortSignal) {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) }, signal } };
}

describe('parseAlbArgs', () => {
  test('defaults: port 8081, backend on PORT or 8080, issuer from issuer.json', () => {
    expect(parseAlbArgs([], '/repo', {})).toEqual({ help: false, dir: '/repo', port: 8081, backendUrl: 'http://127.0.0.1:8080', issuerUrl: undefined });
    expect(parseAlbArgs([], '/repo', { ALB_PORT: '9081', PORT: '3000' })).toMatchObject({ port: 9081, backendUrl: 'http://127.0.0.1:3000' });
  });

  test('flags win over the environment', () => {
    expect(parseAlbArgs(['--port', '0', '--backend', 'http://127.0.0.1:1', '--issuer', 'http://127.0.0.1:2', '--dir', '/x'], '/repo', { ALB_PORT: '9081' }))
      .toEqual({ help: false, dir: '/x', port: 0, backendUrl: 'http://127.0.0.1:1', issuerUrl: 'http://127.0.0.1:2' });
  });

  test.each([
    [['--port', 'http'], {}, /--port http is not a port/],
    [[], { ALB_PORT: '70000' }, /ALB_PORT 70000 is not a port/],
    [[], { PORT: '-1' }, /PORT -1 is not a port/],
    [['--host', 'x'], {}, /Unknown option '--host'.*see --help/],
  ])('refuses %j %j', (argv, env, message) => {
    expect(() => parseAlbArgs(argv, '/repo', env)).toThrow(AlbConfigError);
    expect(() => parseAlbArgs(argv, '/repo', env)).toThrow(message);
  });
});

describe('eks-cognito-kit alb', () => {
  test('--help prints the options with their defaults', async () => {
    const { out, io: streams } = io();
    expect(await runAlb(['--help'], streams, {})).toBe(0);
    expect(out.join('')).toMatch(/--port <n>[^\n]*ALB_PORT or 8081/);
  });

  test('exits 2 naming the fix when the repository has no manifests', async () => {
    const { err, io: streams } = io();
    expect(await runAlb(['--dir', tempDir(), '--port', '0'], streams, {})).toBe(2);
    expect(err.join('')).toMatch(/^eks-cognito-kit alb: .*k8s not found; run `npx projen`/);
  });

  test('serves until stopped, printing its URL and each Ingress', async () => {
    const controller = new AbortController();
    const { out, io: streams } = io(controller.signal);
    const running = runAlb(['--dir', createSignInRepo().dir, '--port', '0'], streams, {});
    await new Promise<void>((resolve) => {
      const wait = () => (out.length > 0 ? resolve() : setTimeout(wait, 20));
      wait();
    });
    const url = /listening on (http:\/\/localhost:\d+)/.exec(out.join(''))![1];
    expect(out.join('')).toContain('Ingress demo/demo-api-web [app.example.com] cognito sign-in, authenticate: /app/profile (Exact), /app/orders (Prefix), /app/logout (Exact)');
    expect(out.join('')).toContain(`\nSign in: ${url}/app/profile\n`);
    const res = await fetch(`${url.replace('localhost', '127.0.0.1')}/nowhere`);
    expect(res.status).toBe(404);
    controller.abort();
    expect(await running).toBe(0);
  });

  test('is a command of the kit\'s CLI', async () => {
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await main(['alb', '--help'])).toBe(0);
      expect(String(write.mock.calls[0][0])).toMatch(/^Usage: eks-cognito-kit alb/);
    } finally {
      write.mockRestore();
    }
  });
});
