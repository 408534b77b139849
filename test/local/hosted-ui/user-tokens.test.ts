import { decodePart, postToken } from '../issuer-fixture';
import { authorizeQuery, Browser, CALLBACK, codeOf, HostedUiIssuer, pkcePair, signIn, startHostedUi, verifiers } from './hosted-ui-fixture';

describe('user tokens', () => {
  let ctx: HostedUiIssuer;
  let tokenUrl: string;
  let sub: string;
  const basic = () => ({ Authorization: `Basic ${Buffer.from(`${ctx.clientId}:${ctx.clientSecret}`).toString('base64')}` });
  const exchange = (code: string, extra: Record<string, string> = {}, headers: Record<string, string> = basic()) =>
    postToken(tokenUrl, new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: CALLBACK, ...extra }).toString(), headers);
  async function freshCode(extra: Record<string, string> = {}): Promise<string> {
    return codeOf((await signIn(new Browser(ctx.issuer.url), authorizeQuery(ctx.clientId, extra), 'ana@example.com')).location);
  }

  beforeAll(async () => {
    ctx = await startHostedUi();
    tokenUrl = `${ctx.issuer.url}/oauth2/token`;
    sub = await ctx.addUser('Ana@example.com');
  });
  afterAll(() => ctx.close());

  describe('POST /oauth2/token grant_type=authorization_code', () => {
    test('answers id, access and refresh tokens, not cacheable', async () => {
      const res = await exchange(await freshCode());
      expect(res.status).toBe(200);
      expect(Object.keys(res.body)).toEqual(['id_token', 'access_token', 'refresh_token', 'expires_in', 'token_type']);
      expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
      expect(res.headers.get('cache-control')).toBe('no-store');
    });

    test('issues an ID token the Cognito verifier accepts for the web client, shaped like Cognito\'s', async () => {
      const res = await exchange(await freshCode({ scope: 'openid email', nonce: 'n-0S6_WzA2Mj' }));
      const claims = await verifiers(ctx).id.verify(res.body.id_token as string);
      expect(claims).toMatchObject({
        sub,
        'aud': ctx.clientId,
        'token_use': 'id',
        'cognito:username': sub,
        'email': 'Ana@example.com',
        'email_verified': true,
        'nonce': 'n-0S6_WzA2Mj',
        'iss': `https://cognito-idp.ap-southeast-1.amazonaws.com/${ctx.issuer.spec.userPoolId}`,
      });
      expect(decodePart(res.body.id_token as string, 0)).toEqual({ kid: ctx.issuer.credentials.signingKey.kid, alg: 'RS256' });
      expect(claims.origin_jti).toBe(decodePart(res.body.access_token as string, 1).origin_jti);
      expect(typeof claims.at_hash).toBe('string');
    });

    test('issues an access token the Cognito verifier accepts, with the granted scopes and no aud', async () => {
      const res = await exchange(await freshCode({ scope: 'openid email profile' }));
      const claims = await verifiers(ctx).access.verify(res.body.access_token as string);
      expect(claims).toMatchObject({ sub, client_id: ctx.clientId, token_use: 'access', scope: 'openid email', username: sub, version: 2 });
      expect(claims).not.toHaveProperty('aud');
    });

    test('gives no ID token without openid', async () => {
      const res = await exchange(await freshCode({ scope: 'email' }));
      expect(res.status).toBe(200);
      expect(res.body).not.toHaveProperty('id_token');
    });

    test('accepts client_secret_post', async () => {
      const res = await exchange(await freshCode(), { client_id: ctx.clientId, client_secret: ctx.clientSecret }, {});
      expect(res.status).toBe(200);
    });

    test('checks the PKCE verifier', async () => {
      const { verifier, challenge } = pkcePair();
      const extra = { code_challenge: challenge, code_challenge_method: 'S256' };
      expect((await exchange(await freshCode(extra), { code_verifier: verifier })).status).toBe(200);
      expect((await exchange(await freshCode(extra), { code_verifier: pkcePair().verifier })).body).toEqual({ error: 'invalid_grant' });
      expect((await exchange(await freshCode(extra))).body).toEqual({ error: 'invalid_grant' });
      expect((await exchange(await freshCode(), { code_verifier: verifier })).body).toEqual({ error: 'invalid_grant' });
    });

    describe('refuses', () => {
      test('a replayed code with 400 invalid_grant, and revokes the refresh token it gave', async () => {
        const code = await freshCode();
        const first = await exchange(code);
        const replay = await exchange(code);
        expect(replay).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
        const refresh = await postToken(tokenUrl, `grant_type=refresh_token&refresh_token=${first.body.refresh_token}`, basic());
        expect(refresh).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
      });

      test('a code older than 5 minutes', async () => {
        const code = await freshCode();
        ctx.advance(5 * 60 * 1000 + 1000);
        expect(await exchange(code)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
      });

      test('another redirect_uri than the authorization request\'s, burning the code', async () => {
        const code = await freshCode();
        expect((await exchange(code, { redirect_uri: 'https://app.example.com/oauth2/idpresponse' })).body).toEqual({ error: 'invalid_grant' });
        expect((await exchange(code)).body).toEqual({ error: 'invalid_grant' });
      });

      test('a missing redirect_uri or code with invalid_request', async () => {
        const code = await freshCode();
        expect((await postToken(tokenUrl, `grant_type=authorization_code&code=${code}`, basic())).body).toEqual({ error: 'invalid_request' });
        expect((await postToken(tokenUrl, `grant_type=authorization_code&redirect_uri=${CALLBACK}`, basic())).body).toEqual({ error: 'invalid_request' });
      });

      test('a wrong client secret with 401 invalid_client, leaving the code usable', async () => {
        const code = await freshCode();
        const wrong = await exchange(code, {}, { Authorization: `Basic ${Buffer.from(`${ctx.clientId}:not-the-secret`).toString('base64')}` });
        expect(wrong).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
        expect(wrong.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
        expect((await exchange(code)).status).toBe(200);
      });

      test('a code for the web client redeemed by another client: unauthorized_client', async () => {
        const read = ctx.issuer.credentials.clients.get('readClient')!;
        const res = await exchange(await freshCode(), {}, { Authorization: `Basic ${Buffer.from(`${read.clientId}:${read.clientSecret}`).toString('base64')}` });
        expect(res).toMatchObject({ status: 400, body: { error: 'unauthorized_client' } });
      });

      test('a made-up code', async () => {
        expect((await exchange('00000000-0000-4000-8000-000000000000')).body).toEqual({ error: 'invalid_grant' });
      });
    });
  });

  describe('POST /oauth2/token grant_type=refresh_token', () => {
    test('answers new ID and access tokens and no new refresh token', async () => {
      const first = await exchange(await freshCode());
      const res = await postToken(tokenUrl, new URLSearchParams({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token as string }).toString(), basic());
      expect(res.status).toBe(200);
      expect(Object.keys(res.body)).toEqual(['id_token', 'access_token', 'expires_in', 'token_type']);
      await expect(verifiers(ctx).id.verify(res.body.id_token as string)).resolves.toMatchObject({ sub });
      expect(decodePart(res.body.access_token as string, 1).origin_jti).toBe(decodePart(first.body.access_token as string, 1).origin_jti);
    });

    test('refuses an unknown refresh token with invalid_grant', async () => {
      const res = await postToken(tokenUrl, 'grant_type=refresh_token&refresh_token=abc', basic());
      expect(res).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    });
  });

  describe('GET /oauth2/userInfo', () => {
    const userInfo = (authorization?: string) => fetch(`${ctx.issuer.url}/oauth2/userInfo`, { headers: authorization ? { Authorization: authorization } : {} });

    test('answers the user\'s claims, email_verified as a string', async () => {
      const { body } = await exchange(await freshCode({ scope: 'openid email' }));
      const res = await userInfo(`Bearer ${body.access_token}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ sub, email_verified: 'true', email: 'Ana@example.com', username: sub });
    });

    test.each([
      ['an access token without openid', async () => (await exchange(await freshCode({ scope: 'email' }))).body.access_token as string],
      ['an ID token', async () => (await exchange(await freshCode())).body.id_token as string],
      ['a tampered token', async () => `${(await exchange(await freshCode())).body.access_token}x`],
      ['a client-credentials token', async () => {
        const read = ctx.issuer.credentials.clients.get('readClient')!;
        return (await postToken(tokenUrl, 'grant_type=client_credentials', { Authorization: `Basic ${Buffer.from(`${read.clientId}:${read.clientSecret}`).toString('base64')}` })).body.access_token as string;
      }],
    ])('refuses %s with 401 invalid_token', async (_name, token) => {
      const res = await userInfo(`Bearer ${await token()}`);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    });

    test('refuses an expired access token', async () => {
      const { body } = await exchange(await freshCode());
      ctx.advance(3601 * 1000);
      expect((await userInfo(`Bearer ${body.access_token}`)).status).toBe(401);
    });

    test('challenges a request without a token, without an error code (RFC 6750 section 3.1)', async () => {
      const res = await userInfo();
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    });
  });
});
