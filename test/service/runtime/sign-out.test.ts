import type { RequestHandler } from 'express';
import request from 'supertest';
import { LocalKeyServer } from './local-key-server';
import { expiresSession } from '../../../src/alb/session-cookies';
import { createApp } from '../../../src/service/assets/src/kit/app';
import { startServer } from '../../../src/service/assets/src/kit/server';
import { SESSION_COOKIE, signOut } from '../../../src/service/assets/src/kit/sign-out';
import { userSignIn } from '../../../src/service/assets/src/kit/user-sign-in';
import { TestTokens } from '../../../src/service/assets/test/support/test-tokens';

const HOSTED_UI = 'https://my-api-123.auth.eu-west-1.amazoncognito.com';
const handler = signOut({ hostedUiUrl: HOSTED_UI, clientId: 'webclient123', redirectUri: 'https://app.example.com/' });
const ok: RequestHandler = (_req, res) => {
  res.json({ ok: true });
};

describe('GET /logout (the managed sign-out route)', () => {
  const app = createApp({ realm: 'demo', routes: [{ method: 'GET', path: '/open', auth: 'none', scopes: [], handler: ok }], signOut: { path: '/logout', handler }, log: () => undefined });
  const expected = `${HOSTED_UI}/logout?client_id=webclient123&logout_uri=${encodeURIComponent('https://app.example.com/')}`;

  test('302 to the hosted UI\'s /logout with client_id and logout_uri, without any user or token', async () => {
    const res = await request(app).get('/logout').expect(302);
    expect(res.headers.location).toBe(expected);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  test('nothing from the request steers the redirect (no open redirect)', async () => {
    const res = await request(app)
      .get('/logout?logout_uri=https://evil.example.com/&redirect_uri=https://evil.example.com/')
      .set('Host', 'evil.example.com')
      .set('Referer', 'https://evil.example.com/')
      .expect(302);
    expect(res.headers.location).toBe(expected);
  });

  test('expires the four session cookie shards, HttpOnly, Secure, on Path=/', async () => {
    const cookies = (await request(app).get('/logout')).headers['set-cookie'] as unknown as string[];
    expect(cookies).toEqual([0, 1, 2, 3].map((i) =>
      `${SESSION_COOKIE}-${i}=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; Secure; HttpOnly`));
  });

  test('the local ALB reads the answer as a sign-out and revokes its session', async () => {
    const cookies = (await request(app).get('/logout')).headers['set-cookie'] as unknown as string[];
    expect(expiresSession(cookies, SESSION_COOKIE)).toBe(true);
  });

  test('answers GET only', async () => {
    await request(app).post('/logout').expect(404);
  });

  test('comes before the route table: a route of the table on the same path never answers', async () => {
    const shadowed = createApp({ realm: 'demo', routes: [{ method: 'GET', path: '/logout', auth: 'none', scopes: [], handler: ok }], signOut: { path: '/logout', handler } });
    await request(shadowed).get('/logout').expect(302);
  });
});

describe('userSignIn reading the environment', () => {
  const ISSUER = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123';
  const ALB_ARN = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/demo/50dc6c495c0c9188';
  const GOOD = { ALB_ARN, ALB_CLIENT_ID: 'webclient123', COGNITO_HOSTED_UI_URL: `${HOSTED_UI}/`, SIGN_OUT_REDIRECT_URI: 'https://app.example.com/' };
  const load = (env: NodeJS.ProcessEnv) => {
    const problems: string[] = [];
    const added = userSignIn({ signOutPath: '/logout' })((name) => env[name]?.trim() || undefined, problems, ISSUER);
    return { added, problems };
  };

  test('adds the sign-out route from the hosted UI origin, the web client and the sign-out URL', async () => {
    const { added, problems } = load(GOOD);
    expect(problems).toEqual([]);
    const res = await request(createApp({ realm: 'demo', routes: [], ...added })).get('/logout').expect(302);
    expect(res.headers.location).toBe(`${HOSTED_UI}/logout?client_id=webclient123&logout_uri=https%3A%2F%2Fapp.example.com%2F`);
  });

  test('accepts the local issuer and the local ALB over http on loopback', async () => {
    const { added } = load({ ...GOOD, COGNITO_HOSTED_UI_URL: 'http://127.0.0.1:9400', SIGN_OUT_REDIRECT_URI: 'http://localhost:8081/' });
    const res = await request(createApp({ realm: 'demo', routes: [], ...added })).get('/logout').expect(302);
    expect(res.headers.location).toBe('http://127.0.0.1:9400/logout?client_id=webclient123&logout_uri=http%3A%2F%2Flocalhost%3A8081%2F');
  });

  test('adds the check of alb-user routes with ALB_ARN, the same web client and ALB_PUBLIC_KEYS_URI', async () => {
    const tokens = TestTokens.create({ region: 'eu-west-1', userPoolId: 'eu-west-1_AbCdEf123' });
    const keys = await LocalKeyServer.start((req, res) => (req.url === `/${tokens.albKid}` ? res.end(tokens.albPublicKeyPem) : res.writeHead(404).end()));
    try {
      const { added, problems } = load({ ...GOOD, ALB_ARN: tokens.albArn, ALB_CLIENT_ID: tokens.albClientId, ALB_PUBLIC_KEYS_URI: keys.url });
      expect(problems).toEqual([]);
      const app = createApp({ realm: 'demo', routes: [{ method: 'GET', path: '/me', auth: 'alb-user', scopes: [], handler: ok }], ...added });
      await request(app).get('/me').expect(401);
      await request(app).get('/me').set(tokens.albUser()).expect(200);
      await request(app).get('/me').set(tokens.albUser({ header: { client: 'otherclient' } })).expect(401);
    } finally {
      await keys.close();
    }
  });

  test('lists every missing variable with its fix', () => {
    expect(load({}).problems).toEqual([
      expect.stringMatching(/^ALB_CLIENT_ID is not set but the service signs users in at the ALB: set it to/),
      expect.stringMatching(/^ALB_ARN is not set but .*: set it to the load balancer ARN/),
      expect.stringMatching(/^COGNITO_HOSTED_UI_URL is not set but .*: set it to the hosted UI origin/),
      expect.stringMatching(/^SIGN_OUT_REDIRECT_URI is not set but .*: set it to a sign-out URL/),
    ]);
  });

  test.each([
    [{ COGNITO_HOSTED_UI_URL: `${HOSTED_UI}/oauth2` }, `COGNITO_HOSTED_UI_URL="${HOSTED_UI}/oauth2" is not an origin: drop the path`],
    [{ COGNITO_HOSTED_UI_URL: `${HOSTED_UI}/?x=1` }, 'is not an origin'],
    [{ COGNITO_HOSTED_UI_URL: 'http://my-api-123.auth.eu-west-1.amazoncognito.com' }, 'uses http for a non-loopback host'],
    [{ COGNITO_HOSTED_UI_URL: 'https://user:pw@example.com' }, 'must not carry credentials'],
    [{ SIGN_OUT_REDIRECT_URI: 'javascript:alert(1)' }, 'SIGN_OUT_REDIRECT_URI="javascript:alert(1)" uses the unsupported protocol javascript:'],
    [{ SIGN_OUT_REDIRECT_URI: '/home' }, 'SIGN_OUT_REDIRECT_URI="/home" is not an absolute URL'],
    [{ ALB_CLIENT_ID: 'a b' }, 'ALB_CLIENT_ID="a b" is not an app client id'],
    [{ ALB_PUBLIC_KEYS_URI: 'http://10.0.0.1' }, 'ALB_PUBLIC_KEYS_URI="http://10.0.0.1" uses http for a non-loopback host'],
  ])('%o names the variable and the value', (env, message) => {
    const { added, problems } = load({ ...GOOD, ...env });
    expect(added).toBeUndefined();
    expect(problems).toEqual([expect.stringContaining(message)]);
  });

  test('a bad ALB_ARN names the variable and the value', () => {
    expect(load({ ...GOOD, ALB_ARN: 'arn:aws:s3:::bucket' }).problems).toEqual([
      expect.stringContaining('ALB_ARN="arn:aws:s3:::bucket" is not an application load balancer ARN'),
    ]);
  });
});

describe('startServer with userSignIn', () => {
  const env = { PORT: '0', COGNITO_USER_POOL_ID: 'eu-west-1_AbCdEf123', COGNITO_CLIENT_IDS: 'client1' };
  const signIn = userSignIn({ signOutPath: '/logout' });
  afterEach(() => jest.restoreAllMocks());

  test('serves the sign-out route with the configuration of the environment', async () => {
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const signInEnv = { ALB_ARN: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/demo/50dc6c495c0c9188', ALB_CLIENT_ID: 'webclient123', COGNITO_HOSTED_UI_URL: HOSTED_UI, SIGN_OUT_REDIRECT_URI: 'https://app.example.com/' };
    const running = await startServer({ routes: [], serviceName: 'demo-api', env: { ...env, ...signInEnv }, userSignIn: signIn, host: '127.0.0.1' });
    try {
      const res = await fetch(`http://127.0.0.1:${running.port}/logout`, { redirect: 'manual' });
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe(`${HOSTED_UI}/logout?client_id=webclient123&logout_uri=https%3A%2F%2Fapp.example.com%2F`);
      expect(res.headers.getSetCookie()).toHaveLength(4);
    } finally {
      await running.close();
    }
  });

  test('refuses to start without the sign-in variables, listing them with the others', async () => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    jest.spyOn(process, 'exit').mockImplementation(((code: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    await expect(startServer({ routes: [], serviceName: 'demo-api', env: { PORT: 'x' }, userSignIn: signIn })).rejects.toThrow('exit 1');
    const printed = stderr.mock.calls.map(([text]) => String(text)).join('');
    expect(printed).toContain('COGNITO_USER_POOL_ID is not set');
    expect(printed).toContain('PORT="x" is not a TCP port');
    expect(printed).toContain('COGNITO_HOSTED_UI_URL is not set but the service signs users in at the ALB');
  });
});
