import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { basicCredentials, createIssuerRepo, decodePart, postToken, redirectingFetcher } from './issuer-fixture';
import { RunningIssuer, startIssuer } from '../../src/local';

const READ = 'https://gateway.example.com/demo.read';
const WRITE = 'https://gateway.example.com/demo.write';

describe('local issuer server', () => {
  let issuer: RunningIssuer;
  let tokenUrl: string;
  const logs: string[] = [];
  const creds = (name: string) => issuer.credentials.clients.get(name)!;
  const basic = (name: string) => ({ Authorization: `Basic ${basicCredentials(creds(name).clientId, creds(name).clientSecret)}` });

  beforeAll(async () => {
    const { dir } = createIssuerRepo();
    issuer = await startIssuer({ dir, port: 0, log: (line) => logs.push(line) });
    tokenUrl = `${issuer.url}/oauth2/token`;
  });
  afterAll(() => issuer.close());

  function verifier() {
    return CognitoJwtVerifier.create(
      { userPoolId: issuer.spec.userPoolId, tokenUse: 'access', clientId: [...issuer.credentials.clients.values()].map((c) => c.clientId) },
      { jwksCache: new SimpleJwksCache({ fetcher: redirectingFetcher(issuer.url) }) },
    );
  }

  describe('POST /oauth2/token', () => {
    describe('with seed 003\'s request (Basic auth, unencoded scope)', () => {
      test('answers exactly Cognito\'s success body, not cacheable', async () => {
        const res = await postToken(tokenUrl, `grant_type=client_credentials&scope=${READ}`, basic('readClient'));
        expect(res.status).toBe(200);
        expect(Object.keys(res.body)).toEqual(['access_token', 'expires_in', 'token_type']);
        expect(res.body).toMatchObject({ expires_in: 3600, token_type: 'Bearer' });
        expect(res.headers.get('content-type')).toMatch(/^application\/json/);
        expect(res.headers.get('cache-control')).toBe('no-store');
      });

      test('issues a token the Cognito verifier accepts, with the requested scope', async () => {
        const res = await postToken(tokenUrl, `grant_type=client_credentials&scope=${READ}`, basic('readClient'));
        const payload = await verifier().verify(res.body.access_token as string, { scope: READ });
        expect(payload.client_id).toBe(creds('readClient').clientId);
      });

      test('shapes header and claims like a Cognito client-credentials access token', async () => {
        const res = await postToken(tokenUrl, `grant_type=client_credentials&scope=${WRITE}`, basic('writeClient'));
        const token = res.body.access_token as string;
        expect(decodePart(token, 0)).toEqual({ kid: issuer.credentials.signingKey.kid, alg: 'RS256' });
        const claims = decodePart(token, 1);
        const id = creds('writeClient').clientId;
        expect(Object.keys(claims)).toEqual(['sub', 'token_use', 'scope', 'auth_time', 'iss', 'exp', 'iat', 'version', 'jti', 'client_id']);
        expect(claims).toMatchObject({
          sub: id,
          client_id: id,
          token_use: 'access',
          scope: WRITE,
          version: 2,
          iss: `https://cognito-idp.ap-southeast-1.amazonaws.com/${issuer.spec.userPoolId}`,
        });
        expect(claims.exp).toBe((claims.iat as number) + 3600);
        expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
      });
    });

    describe('without a scope', () => {
      test('grants every scope the client is allowed', async () => {
        const res = await postToken(tokenUrl, 'grant_type=client_credentials', basic('readClient'));
        expect(decodePart(res.body.access_token as string, 1).scope).toBe(READ);
      });
    });

    describe('with client_secret_post', () => {
      test('accepts client_id and client_secret in the body', async () => {
        const { clientId, clientSecret } = creds('writeClient');
        const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret! });
        const res = await postToken(tokenUrl, body.toString());
        expect(res.status).toBe(200);
        await expect(verifier().verify(res.body.access_token as string, { scope: WRITE })).resolves.toBeDefined();
      });
    });

    describe('on the short /token path seed 003 uses', () => {
      test('issues tokens too', async () => {
        const res = await postToken(`${issuer.url}/token`, 'grant_type=client_credentials', basic('readClient'));
        expect(res.status).toBe(200);
      });
    });

    describe('when refused', () => {
      const cases: Array<[string, string, () => [string, Record<string, string>?]]> = [
        ['a scope the client is not allowed', 'invalid_scope', () => [`grant_type=client_credentials&scope=${WRITE}`, basic('readClient')]],
        ['a wrong secret', 'invalid_client', () => [`grant_type=client_credentials&scope=${READ}`,
          { Authorization: `Basic ${basicCredentials(creds('readClient').clientId, 'not-the-secret')}` }]],
        ['an unknown client', 'invalid_client', () => ['grant_type=client_credentials', { Authorization: `Basic ${basicCredentials('unknownclient', 'x')}` }]],
        ['the secretless microService client', 'invalid_client', () => [`grant_type=client_credentials&client_id=${creds('microService').clientId}`]],
        ['no client authentication', 'invalid_client', () => ['grant_type=client_credentials']],
        ['a non-Basic Authorization header', 'invalid_client', () => ['grant_type=client_credentials', { Authorization: 'Bearer abc' }]],
        ['Basic and client_secret at once', 'invalid_request', () => [`grant_type=client_credentials&client_secret=${creds('readClient').clientSecret}`, basic('readClient')]],
        ['a body client_id differing from Basic', 'invalid_client', () => [`grant_type=client_credentials&client_id=${creds('writeClient').clientId}`, basic('readClient')]],
        ['another grant type', 'unsupported_grant_type', () => ['grant_type=password&username=a&password=b', basic('readClient')]],
        ['no grant_type', 'invalid_request', () => [`scope=${READ}`, basic('readClient')]],
        ['a repeated parameter', 'invalid_request', () => ['grant_type=client_credentials&grant_type=client_credentials', basic('readClient')]],
        ['a JSON body', 'invalid_request', () => ['{"grant_type":"client_credentials"}', { ...basic('readClient'), 'Content-Type': 'application/json' }]],
      ];
      test.each(cases)('%s answers %s', async (_name, error, request) => {
        const [body, headers] = request();
        const res = await postToken(tokenUrl, body, headers);
        // RFC 6749 section 5.2: failed client authentication is a 401 with a challenge.
        expect(res.status).toBe(error === 'invalid_client' ? 401 : 400);
        if (error === 'invalid_client') expect(res.headers.get('www-authenticate')).toMatch(/^Basic realm="/);
        expect(res.body).toEqual({ error });
      });

      test('a secret client without scopes answers unauthorized_client', async () => {
        const { dir } = createIssuerRepo({ cognito: { clients: [{ name: 'bareClient' }] } });
        const bare = await startIssuer({ dir, port: 0 });
        try {
          const { clientId, clientSecret } = bare.credentials.clients.get('bareClient')!;
          const res = await postToken(`${bare.url}/oauth2/token`, 'grant_type=client_credentials',
            { Authorization: `Basic ${basicCredentials(clientId, clientSecret)}` });
          expect(res.body).toEqual({ error: 'unauthorized_client' });
        } finally {
          await bare.close();
        }
      });

      test('an oversized body answers 413', async () => {
        const res = await postToken(tokenUrl, `grant_type=client_credentials&pad=${'x'.repeat(20_000)}`, basic('readClient'));
        expect(res.status).toBe(413);
      });

      test('GET answers 405', async () => {
        const res = await fetch(tokenUrl);
        expect(res.status).toBe(405);
        expect(res.headers.get('allow')).toBe('POST');
      });
    });
  });

  describe('GET /<pool id>/.well-known/jwks.json', () => {
    test('serves the RSA public key with kid, alg, use', async () => {
      const jwks = await (await fetch(`${issuer.url}/${issuer.spec.userPoolId}/.well-known/jwks.json`)).json() as { keys: object[] };
      expect(jwks.keys).toHaveLength(1);
      expect(jwks.keys[0]).toMatchObject({ kid: issuer.credentials.signingKey.kid, alg: 'RS256', kty: 'RSA', use: 'sig', e: 'AQAB' });
      expect(jwks.keys[0]).not.toHaveProperty('d');
    });
  });

  describe('GET /<pool id>/.well-known/openid-configuration', () => {
    test('keeps Cognito\'s issuer and points the endpoints at the local server', async () => {
      const doc = await (await fetch(`${issuer.url}/${issuer.spec.userPoolId}/.well-known/openid-configuration`)).json();
      expect(doc).toMatchObject({
        issuer: `https://cognito-idp.ap-southeast-1.amazonaws.com/${issuer.spec.userPoolId}`,
        jwks_uri: `${issuer.url}/${issuer.spec.userPoolId}/.well-known/jwks.json`,
        token_endpoint: tokenUrl,
        grant_types_supported: ['client_credentials'],
      });
    });
  });

  describe('anything else', () => {
    test('answers 404', async () => {
      expect((await fetch(`${issuer.url}/other-pool/.well-known/jwks.json`)).status).toBe(404);
    });
  });

  describe('the log', () => {
    test('has one line per request and never a secret or a token', async () => {
      const before = logs.length;
      const res = await postToken(tokenUrl, 'grant_type=client_credentials', basic('readClient'));
      expect(logs.slice(before)).toEqual([expect.stringMatching(/^POST \/oauth2\/token 200 client=readClient \d+ms$/)]);
      const all = logs.join('\n');
      expect(all).not.toContain(creds('readClient').clientSecret);
      expect(all).not.toContain(res.body.access_token);
    });
  });
});
