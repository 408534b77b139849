import type { RequestHandler } from 'express';
import request from 'supertest';
import { expiresSession } from '../../../src/alb/session-cookies';
import { createApp } from '../../../src/service/assets/src/kit/app';
import { loadConfig, type LoadConfigOptions } from '../../../src/service/assets/src/kit/config';
import { ConfigError } from '../../../src/service/assets/src/kit/errors';
import { startServer } from '../../../src/service/assets/src/kit/server';
import { SESSION_COOKIE } from '../../../src/service/assets/src/kit/sign-out';

const HOSTED_UI = 'https://my-api-123.auth.eu-west-1.amazoncognito.com';
const SIGN_OUT = { path: '/logout', hostedUiUrl: HOSTED_UI, clientId: 'webclient123', redirectUri: 'https://app.example.com/' };
const ok: RequestHandler = (_req, res) => {
  res.json({ ok: true });
};

describe('GET /logout (the managed sign-out route)', () => {
  const app = createApp({ realm: 'demo', routes: [{ method: 'GET', path: '/open', auth: 'none', scopes: [], handler: ok }], signOut: SIGN_OUT, log: () => undefined });
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

  test('a route of the table on the same GET path is refused', () => {
    expect(() => createApp({ realm: 'demo', routes: [{ method: 'GET', path: '/logout', auth: 'none', scopes: [], handler: ok }], signOut: SIGN_OUT }))
      .toThrow(expect.objectContaining({ problems: ['route GET /logout clashes with the sign-out route: choose another path'] }));
  });
});

describe('loadConfig with the sign-out route', () => {
  const BASE = { COGNITO_USER_POOL_ID: 'eu-west-1_AbCdEf123', COGNITO_CLIENT_IDS: 'client1' };
  const GOOD = { ALB_CLIENT_ID: 'webclient123', COGNITO_HOSTED_UI_URL: `${HOSTED_UI}/`, SIGN_OUT_REDIRECT_URI: 'https://app.example.com/' };
  const problemsOf = (env: NodeJS.ProcessEnv, options: LoadConfigOptions = { requireSignOut: true }): readonly string[] => {
    try {
      loadConfig({ ...BASE, ...env }, options);
    } catch (err) {
      return (err as ConfigError).problems;
    }
    throw new Error('expected a ConfigError');
  };

  test('reads the hosted UI origin, the web client and the sign-out URL', () => {
    expect(loadConfig({ ...BASE, ...GOOD }, { requireSignOut: true }).signOut).toEqual({ hostedUiUrl: HOSTED_UI, clientId: 'webclient123', redirectUri: 'https://app.example.com/' });
  });

  test('accepts the local issuer and the local ALB over http on loopback', () => {
    const env = { ...GOOD, COGNITO_HOSTED_UI_URL: 'http://127.0.0.1:9400', SIGN_OUT_REDIRECT_URI: 'http://localhost:8081/' };
    expect(loadConfig({ ...BASE, ...env }, { requireSignOut: true }).signOut).toMatchObject({ hostedUiUrl: 'http://127.0.0.1:9400', redirectUri: 'http://localhost:8081/' });
  });

  test('is not read without the route', () => {
    expect(loadConfig(BASE).signOut).toBeUndefined();
  });

  test('lists every missing variable, ALB_CLIENT_ID once even with alb-user routes', () => {
    expect(problemsOf({})).toEqual([
      expect.stringMatching(/^ALB_CLIENT_ID is not set but the service has the sign-out route: set it to/),
      expect.stringMatching(/^COGNITO_HOSTED_UI_URL is not set but the service has the sign-out route: set it to the hosted UI origin/),
      expect.stringMatching(/^SIGN_OUT_REDIRECT_URI is not set but the service has the sign-out route: set it to a sign-out URL/),
    ]);
    expect(problemsOf({}, { requireSignOut: true, requireAlbUser: true }).filter((p) => p.startsWith('ALB_CLIENT_ID'))).toHaveLength(1);
  });

  test.each([
    [{ COGNITO_HOSTED_UI_URL: `${HOSTED_UI}/oauth2` }, `COGNITO_HOSTED_UI_URL="${HOSTED_UI}/oauth2" is not an origin: drop the path`],
    [{ COGNITO_HOSTED_UI_URL: `${HOSTED_UI}/?x=1` }, 'is not an origin'],
    [{ COGNITO_HOSTED_UI_URL: 'http://my-api-123.auth.eu-west-1.amazoncognito.com' }, 'uses http for a non-loopback host'],
    [{ COGNITO_HOSTED_UI_URL: 'https://user:pw@example.com' }, 'must not carry credentials'],
    [{ SIGN_OUT_REDIRECT_URI: 'javascript:alert(1)' }, 'SIGN_OUT_REDIRECT_URI="javascript:alert(1)" uses the unsupported protocol javascript:'],
    [{ SIGN_OUT_REDIRECT_URI: '/home' }, 'SIGN_OUT_REDIRECT_URI="/home" is not an absolute URL'],
    [{ ALB_CLIENT_ID: 'a b' }, 'ALB_CLIENT_ID="a b" is not an app client id'],
  ])('%o names the variable and the value', (env, message) => {
    expect(problemsOf({ ...GOOD, ...env })).toEqual([expect.stringContaining(message)]);
  });
});

describe('startServer with signOutPath', () => {
  afterEach(() => jest.restoreAllMocks());

  test('serves the route with the configuration of the environment', async () => {
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const env = {
      PORT: '0',
      COGNITO_USER_POOL_ID: 'eu-west-1_AbCdEf123',
      COGNITO_CLIENT_IDS: 'client1',
      ALB_CLIENT_ID: 'webclient123',
      COGNITO_HOSTED_UI_URL: HOSTED_UI,
      SIGN_OUT_REDIRECT_URI: 'https://app.example.com/',
    };
    const running = await startServer({ routes: [], serviceName: 'demo-api', env, signOutPath: '/logout', host: '127.0.0.1' });
    try {
      const res = await fetch(`http://127.0.0.1:${running.port}/logout`, { redirect: 'manual' });
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe(`${HOSTED_UI}/logout?client_id=webclient123&logout_uri=https%3A%2F%2Fapp.example.com%2F`);
      expect(res.headers.getSetCookie()).toHaveLength(4);
    } finally {
      await running.close();
    }
  });

  test('refuses to start without the sign-out variables', async () => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    jest.spyOn(process, 'exit').mockImplementation(((code: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    const env = { COGNITO_USER_POOL_ID: 'eu-west-1_AbCdEf123', COGNITO_CLIENT_IDS: 'client1' };
    await expect(startServer({ routes: [], serviceName: 'demo-api', env, signOutPath: '/logout' })).rejects.toThrow('exit 1');
    expect(stderr.mock.calls.map(([text]) => String(text)).join('')).toContain('COGNITO_HOSTED_UI_URL is not set but the service has the sign-out route');
  });
});
