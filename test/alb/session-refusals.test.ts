import { Browser, echoOf, SignInRig, startRig } from './alb-fixture';
import { SessionSealer } from '../../src/alb/session-sealer';

const WEB = 'demo/demo-api-web';

/** A session sealed with the repository's own key, as the ALB would have written it. */
function sealedSession(rig: SignInRig, fields: Record<string, unknown>): string {
  return SessionSealer.forRepository(rig.dir).seal('session', {
    sid: 'not-issued-by-this-alb',
    ingress: WEB,
    claims: { sub: 'u-1' },
    accessToken: 'a.b.c',
    accessTokenExp: Math.floor(Date.now() / 1000) + 600,
    exp: Math.floor(Date.now() / 1000) + 600,
    ...fields,
  });
}

const BAD_COOKIES: ReadonlyArray<[string, (rig: SignInRig, good: Map<string, string>) => Record<string, string>]> = [
  ['a forged value', () => ({ 'AWSELBAuthSessionCookie-0': 'A'.repeat(400) })],
  ['an edited shard', (_rig, good) => {
    const value = good.get('AWSELBAuthSessionCookie-0')!;
    return { 'AWSELBAuthSessionCookie-0': `${value.slice(0, 60)}${value[60] === 'x' ? 'y' : 'x'}${value.slice(61)}` };
  }],
  ['a truncated value', (_rig, good) => ({ 'AWSELBAuthSessionCookie-0': good.get('AWSELBAuthSessionCookie-0')!.slice(0, -2) })],
  ['an expired session', (rig) => ({ 'AWSELBAuthSessionCookie-0': sealedSession(rig, { exp: Math.floor(Date.now() / 1000) - 1 }) })],
  ['a session this ALB never issued (or issued before a restart)', (rig) => ({ 'AWSELBAuthSessionCookie-0': sealedSession(rig, {}) })],
  ['a session of another Ingress', (rig) => ({ 'AWSELBAuthSessionCookie-0': sealedSession(rig, { ingress: 'demo/demo-api' }) })],
  ['a sign-in state in place of a session', (rig) => ({ 'AWSELBAuthSessionCookie-0': SessionSealer.forRepository(rig.dir).seal('state', { sid: 'x' }) })],
  ['only a second shard', (_rig, good) => ({ 'AWSELBAuthSessionCookie-1': good.get('AWSELBAuthSessionCookie-0')! })],
  ['seven shards (oversized)', (_rig, good) => Object.fromEntries([0, 1, 2, 3, 4, 5, 6].map((i) => [`AWSELBAuthSessionCookie-${i}`, i === 0 ? good.get('AWSELBAuthSessionCookie-0')! : 'A'.repeat(3900)]))],
];

function cookieHeader(cookies: Record<string, string>): string {
  return Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join('; ');
}

describe('session cookies the local ALB did not issue, or no longer honours', () => {
  let rig: SignInRig;
  let good: Map<string, string>;
  beforeAll(async () => {
    rig = await startRig();
    const browser = new Browser();
    await browser.follow(`${rig.alb.url}/app/profile`);
    good = browser.jar.get(`localhost:${rig.alb.port}`)!;
  });
  afterAll(() => rig.close());

  test('the good cookie is honoured', async () => {
    const res = await new Browser().request(`${rig.alb.url}/app/profile`, { headers: { cookie: cookieHeader(Object.fromEntries(good)) } });
    expect(res.status).toBe(200);
  });

  test.each(BAD_COOKIES)('%s is treated as no session: 302 to sign in', async (_name, make) => {
    const res = await new Browser().request(`${rig.alb.url}/app/profile`, { headers: { cookie: cookieHeader(make(rig, good)) } });
    expect(res.status).toBe(302);
    expect(res.headers.location).toMatch(new RegExp(`^${rig.idp.url}/oauth2/authorize\\?`));
  });

  test('the same cookie sent twice is not trusted', async () => {
    const value = good.get('AWSELBAuthSessionCookie-0')!;
    const res = await new Browser().request(`${rig.alb.url}/app/profile`, { headers: { cookie: `AWSELBAuthSessionCookie-0=${value}; AWSELBAuthSessionCookie-0=${value}` } });
    expect(res.status).toBe(302);
  });

  test('a 40 KB cookie header is no session, not an error', async () => {
    const res = await new Browser().request(`${rig.alb.url}/app/profile`, { headers: { cookie: `AWSELBAuthSessionCookie-0=${'A'.repeat(40_000)}` } });
    expect(res.status).toBe(302);
  });
});

describe('auth-on-unauthenticated-request: deny', () => {
  let rig: SignInRig;
  beforeAll(async () => {
    rig = await startRig({}, (ingress) => {
      ingress.metadata.annotations['alb.ingress.kubernetes.io/auth-on-unauthenticated-request'] = 'deny';
    });
  });
  afterAll(() => rig.close());

  test('401 without a session, and for a forged one', async () => {
    expect((await new Browser().request(`${rig.alb.url}/app/profile`)).status).toBe(401);
    const forged = await new Browser().request(`${rig.alb.url}/app/profile`, { headers: { cookie: `AWSELBAuthSessionCookie-0=${'A'.repeat(200)}` } });
    expect(forged.status).toBe(401);
  });

  test('an expired session is still sent to sign in again, as the ALB does', async () => {
    const res = await new Browser().request(`${rig.alb.url}/app/profile`, { headers: { cookie: `AWSELBAuthSessionCookie-0=${sealedSession(rig, { exp: 1 })}` } });
    expect(res.status).toBe(302);
    expect(res.headers.location).toMatch(new RegExp(`^${rig.idp.url}/oauth2/authorize\\?`));
  });
});

describe('auth-on-unauthenticated-request: allow', () => {
  let rig: SignInRig;
  beforeAll(async () => {
    rig = await startRig({}, (ingress) => {
      ingress.metadata.annotations['alb.ingress.kubernetes.io/auth-on-unauthenticated-request'] = 'allow';
    });
  });
  afterAll(() => rig.close());

  test('forwards an unauthenticated request without claim headers, forged ones dropped', async () => {
    const res = await new Browser().request(`${rig.alb.url}/app/profile`, { headers: { 'x-amzn-oidc-identity': 'admin' } });
    expect(res.status).toBe(200);
    expect(Object.keys(echoOf(res).headers).filter((h) => h.startsWith('x-amzn-oidc-'))).toEqual([]);
  });
});

describe('auth-session-cookie and auth-scope from the manifest', () => {
  let rig: SignInRig;
  beforeAll(async () => {
    rig = await startRig({}, (ingress) => {
      ingress.metadata.annotations['alb.ingress.kubernetes.io/auth-session-cookie'] = 'DemoSession';
      ingress.metadata.annotations['alb.ingress.kubernetes.io/auth-scope'] = 'openid email';
    });
  });
  afterAll(() => rig.close());

  test('the authorize request asks for the scope, and the session lives in <name>-0', async () => {
    const browser = new Browser();
    const hops = await browser.follow(`${rig.alb.url}/app/profile`);
    expect(hops.map((h) => h.status)).toEqual([302, 302, 302, 200]);
    expect(rig.idp.authorizeQueries.at(-1)!.get('scope')).toBe('openid email');
    expect([...browser.jar.get(`localhost:${rig.alb.port}`)!.keys()]).toEqual(['DemoSession-0']);
  });
});
