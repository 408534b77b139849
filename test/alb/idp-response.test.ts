import { generateKeyPairSync } from 'node:crypto';
import { Answer, Browser, SignInRig, startRig } from './alb-fixture';

describe('GET /oauth2/idpresponse refuses what it cannot verify, and signs no one in', () => {
  let rig: SignInRig;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(() => rig.close());
  afterEach(() => {
    rig.idp.authorizeError = undefined;
    rig.idp.editIdToken = undefined;
    rig.idp.signingKey = undefined;
    rig.idp.userInfo = undefined;
    rig.idp.down.clear();
  });

  /** Starts a sign-in in the browser and lets the IdP answer; returns the callback URL, not yet visited. */
  const callbackOf = async (browser: Browser): Promise<URL> => {
    const start = await browser.request(`${rig.alb.url}/app/profile`);
    const authorize = await browser.request(start.headers.location!);
    expect(authorize.status).toBe(302);
    return new URL(authorize.headers.location!);
  };
  const signsNoOneIn = (res: Answer) => {
    expect((res.headers['set-cookie'] ?? []).filter((c) => c.startsWith('AWSELBAuthSessionCookie'))).toEqual([]);
    expect(res.headers['set-cookie']).toContain('AWSALBAuthNonce=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; Secure; HttpOnly; SameSite=Lax');
  };

  test('561 for an error= from the IdP', async () => {
    rig.idp.authorizeError = 'access_denied';
    const browser = new Browser();
    const res = await browser.request((await callbackOf(browser)).toString());
    expect(res.status).toBe(561);
    signsNoOneIn(res);
  });

  describe('401', () => {
    const edit = (url: URL, name: string, value: string | undefined) => {
      if (value === undefined) url.searchParams.delete(name);
      else url.searchParams.set(name, value);
      return url.toString();
    };

    test.each([
      ['no state', 'invalid state', (u: URL) => edit(u, 'state', undefined)],
      ['an edited state', 'invalid state', (u: URL) => { const s = u.searchParams.get('state')!; return edit(u, 'state', `${s.slice(0, 20)}${s[20] === 'A' ? 'B' : 'A'}${s.slice(21)}`); }],
      ['a state made up by the caller', 'invalid state', (u: URL) => edit(u, 'state', Buffer.from('{"u":"//evil.example"}').toString('base64url'))],
      ['no code', 'missing code', (u: URL) => edit(u, 'code', undefined)],
      ['an empty code', 'missing code', (u: URL) => edit(u, 'code', '')],
      ['a code the IdP never issued', '400 invalid_grant', (u: URL) => edit(u, 'code', 'a'.repeat(32))],
    ])('for %s', async (_name, reason, change) => {
      const browser = new Browser();
      const res = await browser.request(change(await callbackOf(browser)));
      expect(res.status).toBe(401);
      expect(rig.log.at(-1)).toContain(reason);
      signsNoOneIn(res);
    });

    test('without the nonce cookie', async () => {
      const url = await callbackOf(new Browser());
      const res = await new Browser().request(url.toString());
      expect(res.status).toBe(401);
      expect(rig.log.at(-1)).toContain('missing or repeated AWSALBAuthNonce');
    });

    test('with the nonce cookie of another sign-in', async () => {
      const victim = await callbackOf(new Browser());
      const attacker = new Browser();
      await callbackOf(attacker);
      const res = await attacker.request(victim.toString());
      expect(res.status).toBe(401);
      expect(rig.log.at(-1)).toContain('invalid AWSALBAuthNonce');
    });

    test('for a replayed callback: the IdP refuses the used code (400) and the ALB answers 401', async () => {
      const browser = new Browser();
      const url = await callbackOf(browser);
      const nonce = new Map(browser.jar.get(`localhost:${rig.alb.port}`));
      expect((await browser.request(url.toString())).status).toBe(302);
      const replay = new Browser();
      replay.jar.set(`localhost:${rig.alb.port}`, nonce);
      const res = await replay.request(url.toString());
      expect(res.status).toBe(401);
      expect(rig.log.at(-1)).toContain('token endpoint answered 400 invalid_grant');
    });

    const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    test.each<[string, string, () => void]>([
      ['another audience', 'ID token aud', () => { rig.idp.editIdToken = (c) => ({ ...c, aud: 'someotherclient' }); }],
      ['another issuer', 'ID token iss', () => { rig.idp.editIdToken = (c) => ({ ...c, iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other' }); }],
      ['an expired one', 'ID token exp', () => { rig.idp.editIdToken = (c) => ({ ...c, exp: Math.floor(Date.now() / 1000) - 5 }); }],
      ['an access token instead', 'ID token token_use', () => { rig.idp.editIdToken = (c) => ({ ...c, token_use: 'access' }); }],
      ['another nonce', 'ID token nonce', () => { rig.idp.editIdToken = (c) => ({ ...c, nonce: 'x'.repeat(43) }); }],
      ['no nonce', 'ID token nonce', () => { rig.idp.editIdToken = ({ nonce: _n, ...c }) => c; }],
      ['a signature by another key', 'signature does not verify', () => { rig.idp.signingKey = otherKey; }],
      ['a userInfo sub that differs', 'userInfo sub differs', () => { rig.idp.userInfo = (c) => ({ ...c, sub: 'someone-else' }); }],
      ['a userInfo sub with a line break', 'userInfo endpoint answered without a sub', () => { rig.idp.userInfo = (c) => ({ ...c, sub: 'a\r\nx-amzn-oidc-identity: admin' }); }],
      ['a userInfo answer without sub', 'userInfo endpoint answered without a sub', () => { rig.idp.userInfo = ({ sub: _s, ...c }) => c; }],
      ['the token endpoint unreachable', 'token endpoint unreachable', () => { rig.idp.down.add('token'); }],
      ['the userInfo endpoint unreachable', 'userInfo endpoint unreachable', () => { rig.idp.down.add('userInfo'); }],
    ])('for an ID token or user with %s', async (_name, reason, misbehave) => {
      misbehave();
      const browser = new Browser();
      const res = await browser.request((await callbackOf(browser)).toString());
      expect(res.status).toBe(401);
      expect(rig.log.at(-1)).toContain(reason);
      signsNoOneIn(res);
    });
  });

  test('a good callback still signs in after all that', async () => {
    const hops = await new Browser().follow(`${rig.alb.url}/app/profile`);
    expect(hops.map((h) => h.status)).toEqual([302, 302, 302, 200]);
  });
});
