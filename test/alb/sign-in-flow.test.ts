import { Browser, echoOf, SignInRig, startRig } from './alb-fixture';
import { albPublicKeyPem, cognitoIssuer, RunningIssuer, startIssuer } from '../../src/local';
import { createAlbUserVerifier } from '../../src/service/assets/src/kit/alb-user-verifier';

describe('local ALB, Ingress with auth-type cognito', () => {
  let rig: SignInRig;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(() => rig.close());

  const webClient = () => rig.credentials.clients.get(rig.spec.userAuth!.webClientName)!;
  const signedIn = async (browser = new Browser()) => {
    const hops = await browser.follow(`${rig.alb.url}/app/profile?tab=orders`);
    expect(hops.map((h) => h.status)).toEqual([302, 302, 302, 200]);
    return { browser, hops };
  };

  describe('an unauthenticated request', () => {
    test('302 to the authorize endpoint with the web client, the local callback, the scope and an opaque state', async () => {
      const res = await new Browser().request(`${rig.alb.url}/app/profile?tab=orders`);
      expect(res.status).toBe(302);
      const location = new URL(res.headers.location!);
      expect(`${location.origin}${location.pathname}`).toBe(`${rig.idp.url}/oauth2/authorize`);
      expect(Object.fromEntries(location.searchParams)).toMatchObject({
        client_id: webClient().clientId,
        redirect_uri: `http://localhost:${rig.alb.port}/oauth2/idpresponse`,
        response_type: 'code',
        scope: 'openid',
      });
      const state = location.searchParams.get('state')!;
      expect(state).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      expect(Buffer.from(state, 'base64url').toString('latin1')).not.toContain('/app/profile');
      expect(res.headers['set-cookie']).toEqual([expect.stringMatching(/^AWSALBAuthNonce=[A-Za-z0-9_-]{43}; Max-Age=900; Path=\/; Secure; HttpOnly; SameSite=Lax$/)]);
    });

    test('that came in as 127.0.0.1 is first sent to localhost, where the cookies live', async () => {
      const res = await new Browser().request(`http://127.0.0.1:${rig.alb.port}/app/profile?tab=1`);
      expect([res.status, res.headers.location, res.headers['set-cookie']]).toEqual([302, `${rig.alb.url}/app/profile?tab=1`, undefined]);
    });
  });

  describe('the sign-in', () => {
    test('code exchange with the client secret by Basic, then back to the original URI with a sharded session cookie', async () => {
      const { hops } = await signedIn();
      const callback = hops[2];
      expect(callback.url).toMatch(new RegExp(`^http://localhost:${rig.alb.port}/oauth2/idpresponse\\?code=`));
      expect(callback.headers.location).toBe('/app/profile?tab=orders');
      const cookies = callback.headers['set-cookie']!;
      expect(cookies[0]).toMatch(/^AWSELBAuthSessionCookie-0=[A-Za-z0-9_-]+; Expires=[^;]+ GMT; Max-Age=3600; Path=\/; Secure; HttpOnly; SameSite=Lax$/);
      expect(cookies).toContain('AWSALBAuthNonce=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; Secure; HttpOnly; SameSite=Lax');
      expect(rig.idp.tokenAuthMethods.at(-1)).toBe('basic');
      const sent = rig.idp.authorizeQueries.at(-1)!;
      expect(sent.get('nonce')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    });

    test('the service receives the three x-amzn-oidc-* headers and the x-forwarded-* ones', async () => {
      const { hops } = await signedIn();
      const echo = echoOf(hops[3]);
      expect(echo.url).toBe('/app/profile?tab=orders');
      expect(echo.headers).toMatchObject({
        'host': `localhost:${rig.alb.port}`,
        'x-amzn-oidc-identity': rig.idp.user.sub,
        'x-forwarded-for': '127.0.0.1',
        'x-forwarded-proto': 'http',
        'x-forwarded-port': String(rig.alb.port),
      });
      const access = JSON.parse(Buffer.from(String(echo.headers['x-amzn-oidc-accesstoken']).split('.')[1], 'base64url').toString());
      expect(access).toMatchObject({ token_use: 'access', sub: rig.idp.user.sub, client_id: webClient().clientId });
      const data = String(echo.headers['x-amzn-oidc-data']);
      data.split('.').forEach((segment) => expect(segment.length % 4).toBe(0));
      const [header, payload] = data.split('.').slice(0, 2).map((s) => JSON.parse(Buffer.from(s, 'base64url').toString()));
      expect(Object.keys(header)).toEqual(['typ', 'kid', 'alg', 'iss', 'client', 'signer', 'exp']);
      expect(payload).toEqual({ sub: rig.idp.user.sub, email_verified: 'true', email: 'ana@example.com', username: 'ana', exp: header.exp, iss: cognitoIssuer(rig.spec) });
    });

    test('x-amzn-oidc-data is accepted by the generated service\'s ALB verifier, with the key the issuer serves', async () => {
      const { hops } = await signedIn();
      const data = String(echoOf(hops[3]).headers['x-amzn-oidc-data']);
      let issuer: RunningIssuer | undefined;
      try {
        issuer = await startIssuer({ dir: rig.dir, port: 0 });
        const verifier = createAlbUserVerifier({
          albArn: rig.spec.userAuth!.albArn,
          clientId: webClient().clientId,
          issuer: cognitoIssuer(rig.spec),
          publicKeysUri: `${issuer.url}/alb-keys`,
        });
        await expect(verifier.verify(data)).resolves.toMatchObject({ sub: rig.idp.user.sub, email: 'ana@example.com' });
        const other = createAlbUserVerifier({
          albArn: rig.spec.userAuth!.albArn,
          clientId: 'someotherclient',
          issuer: cognitoIssuer(rig.spec),
          publicKey: { kid: rig.credentials.albKey!.kid, pem: albPublicKeyPem(rig.credentials)! },
        });
        await expect(other.verify(data)).rejects.toThrow();
      } finally {
        await issuer?.close();
      }
    });

    test('a signed-in browser is forwarded without another sign-in, request bodies streamed', async () => {
      const { browser } = await signedIn();
      const res = await browser.request(`${rig.alb.url}/app/orders/42`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'two apples' });
      expect(res.status).toBe(200);
      expect(echoOf(res)).toMatchObject({ method: 'POST', url: '/app/orders/42', body: 'two apples', headers: { 'x-amzn-oidc-identity': rig.idp.user.sub } });
    });
  });

  describe('x-amzn-oidc-* headers sent by the client', () => {
    const forged = { 'x-amzn-oidc-data': 'forged', 'X-Amzn-Oidc-Identity': 'admin', 'x-amzn-oidc-accesstoken': 'forged', 'x-amzn-oidc-extra': '1' };

    test('are replaced by the ALB\'s own on a signed-in route', async () => {
      const { browser } = await signedIn();
      const echo = echoOf(await browser.request(`${rig.alb.url}/app/profile`, { headers: forged }));
      expect(echo.headers['x-amzn-oidc-identity']).toBe(rig.idp.user.sub);
      expect(echo.headers['x-amzn-oidc-data']).not.toBe('forged');
      expect(echo.headers['x-amzn-oidc-accesstoken']).not.toBe('forged');
      expect(echo.headers['x-amzn-oidc-extra']).toBeUndefined();
    });

    test.each(['/api/demo/protectedRole/ana', '/status'])('never reach the service through the API Ingress (%s)', async (path) => {
      const echo = echoOf(await new Browser().request(`${rig.alb.url}${path}`, { headers: { ...forged, authorization: 'Bearer abc' } }));
      expect(Object.keys(echo.headers).filter((h) => h.startsWith('x-amzn-oidc-'))).toEqual([]);
      expect(echo.headers.authorization).toBe('Bearer abc');
    });
  });

  describe('sign-out by the service', () => {
    test('expiring the session cookie ends the session: a replayed copy of the cookie is sent to sign in again', async () => {
      const { browser } = await signedIn();
      const copy = new Map(browser.jar.get(`localhost:${rig.alb.port}`));
      const out = await browser.request(`${rig.alb.url}/app/logout`);
      expect(out.status).toBe(200);
      expect(browser.jar.get(`localhost:${rig.alb.port}`)!.has('AWSELBAuthSessionCookie-0')).toBe(false);
      const replay = new Browser();
      replay.jar.set(`localhost:${rig.alb.port}`, copy);
      const res = await replay.request(`${rig.alb.url}/app/profile`);
      expect(res.status).toBe(302);
      expect(res.headers.location).toMatch(new RegExp(`^${rig.idp.url}/oauth2/authorize\\?`));
    });
  });

  describe('large claims', () => {
    afterEach(() => {
      rig.idp.userInfo = undefined;
    });

    test('are split into session-cookie shards of under 4 KB each', async () => {
      rig.idp.userInfo = (claims) => ({ ...claims, 'custom:bio': 'b'.repeat(6000) });
      const { browser, hops } = await signedIn();
      const shards = hops[2].headers['set-cookie']!.filter((c) => c.startsWith('AWSELBAuthSessionCookie-'));
      expect(shards.length).toBeGreaterThanOrEqual(3);
      shards.forEach((c) => expect(Buffer.byteLength(c.split(';')[0])).toBeLessThan(4096));
      const data = String(echoOf(await browser.request(`${rig.alb.url}/app/profile`)).headers['x-amzn-oidc-data']);
      expect(JSON.parse(Buffer.from(data.split('.')[1], 'base64url').toString())['custom:bio']).toHaveLength(6000);
    });

    test('over 11K with the access token are refused as the ALB does (500), with no session', async () => {
      rig.idp.userInfo = (claims) => ({ ...claims, 'custom:bio': 'b'.repeat(12000) });
      const hops = await new Browser().follow(`${rig.alb.url}/app/profile`);
      expect(hops.map((h) => h.status)).toEqual([302, 302, 500]);
      expect(hops[2].headers['set-cookie']!.some((c) => c.startsWith('AWSELBAuthSessionCookie'))).toBe(false);
    });
  });

  describe('once the access token has expired', () => {
    afterEach(() => {
      rig.idp.accessTokenSeconds = 3600;
      rig.idp.refuseRefresh = false;
      rig.idp.userInfo = undefined;
    });
    const claimsOf = (data: unknown) => JSON.parse(Buffer.from(String(data).split('.')[1], 'base64url').toString());

    test('the session is refreshed with the refresh token: new claims forwarded, the cookie rewritten', async () => {
      rig.idp.accessTokenSeconds = 0;
      const { browser } = await signedIn();
      rig.idp.userInfo = (claims) => ({ ...claims, 'custom:plan': 'gold' });
      const res = await browser.request(`${rig.alb.url}/app/profile`);
      expect(res.status).toBe(200);
      expect(rig.idp.grantTypes.at(-1)).toBe('refresh_token');
      expect(rig.log.at(-1)).toBe('GET /app/profile 200 user (session refreshed)');
      expect(claimsOf(echoOf(res).headers['x-amzn-oidc-data'])['custom:plan']).toBe('gold');
      expect(res.headers['set-cookie']![0]).toMatch(/^AWSELBAuthSessionCookie-0=[A-Za-z0-9_-]+; Expires=[^;]+; Max-Age=\d+; Path=\/; Secure; HttpOnly; SameSite=Lax$/);
    });

    test('a refused refresh ends the session: sign in again, and the old cookie stays refused', async () => {
      rig.idp.accessTokenSeconds = 0;
      const { browser } = await signedIn();
      const copy = new Map(browser.jar.get(`localhost:${rig.alb.port}`));
      rig.idp.refuseRefresh = true;
      const res = await browser.request(`${rig.alb.url}/app/profile`);
      expect(res.status).toBe(302);
      expect(res.headers.location).toMatch(new RegExp(`^${rig.idp.url}/oauth2/authorize\\?`));
      rig.idp.refuseRefresh = false;
      const replay = new Browser();
      replay.jar.set(`localhost:${rig.alb.port}`, copy);
      expect((await replay.request(`${rig.alb.url}/app/profile`)).status).toBe(302);
    });
  });

  test('logs no code, state, token or secret', () => {
    const secret = webClient().clientSecret!;
    const text = rig.log.join('\n');
    expect(text).toContain('GET /oauth2/idpresponse 302 signed in demo/demo-api-web');
    expect(text).not.toMatch(/code=|state=|eyJ|Bearer|Basic/);
    expect(text).not.toContain(secret);
  });
});
