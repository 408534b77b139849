import type { Express, RequestHandler } from 'express';
import request from 'supertest';
import { LocalKeyServer } from './local-key-server';
import { albUserAuth, createAlbUserVerifier } from '../../../src/service/assets/src/kit/alb-user-verifier';
import { createApp } from '../../../src/service/assets/src/kit/app';
import { TestTokens } from '../../../src/service/assets/test/support/test-tokens';

const tokens = TestTokens.create();
const whoAmI: RequestHandler = (_req, res) => {
  res.json(res.locals.auth);
};

function appWith(options: { publicKeysUri?: string; preload?: boolean }): Express {
  const albUser = createAlbUserVerifier({
    albArn: tokens.albArn,
    clientId: tokens.albClientId,
    issuer: tokens.issuer,
    ...(options.publicKeysUri ? { publicKeysUri: options.publicKeysUri } : {}),
    ...(options.preload ? { publicKey: { kid: tokens.albKid, pem: tokens.albPublicKeyPem } } : {}),
  });
  const routes = [{ method: 'GET', path: '/me', auth: 'alb-user', scopes: [], handler: whoAmI }] as const;
  return createApp({ routes, realm: 'demo', albUser: albUserAuth(albUser), log: () => undefined });
}

describe('GET /me (alb-user)', () => {
  const app = appWith({ preload: true });

  describe('with the headers the ALB adds', () => {
    test('200 and the handler sees the user', async () => {
      const headers = tokens.albUser({ sub: 'user-1' });
      const res = await request(app).get('/me').set(headers);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ kind: 'alb-user', sub: 'user-1', claims: { sub: 'user-1', iss: tokens.issuer } });
    });
  });

  describe('with unacceptable headers', () => {
    test.each([
      ['no headers', () => ({})],
      ['only the identity', () => ({ 'x-amzn-oidc-identity': 'user-1' })],
      ['an identity that differs from the claims', () => tokens.albUser({ sub: 'user-1', identity: 'user-2' })],
      ['another signer', () => tokens.albUser({ signer: tokens.albArn.replace(/[0-9a-f]{16}$/, '0123456789abcdef') })],
      ['expired claims', () => tokens.albUser({ expiresInSeconds: -60 })],
      ['claims without exp', () => tokens.albUser({ claims: { exp: undefined } })],
      ['another issuer', () => tokens.albUser({ claims: { iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other' } })],
      ['claims signed by another key', () => TestTokens.create().albUser({ header: { kid: tokens.albKid, signer: tokens.albArn, client: tokens.albClientId } })],
      ['another client', () => tokens.albUser({ header: { client: 'otherclient' } })],
      ['a kid that is not a UUID', () => tokens.albUser({ header: { kid: 'not-a-uuid' } })],
      ['a critical extension in the header', () => tokens.albUser({ header: { crit: ['exp'], exp: 1 } })],
      ['a bearer token instead', () => ({ 'x-amzn-oidc-data': tokens.accessToken(), 'x-amzn-oidc-identity': tokens.clientId })],
    ])('401 for %s, without a Bearer challenge', async (_name, headers) => {
      const res = await request(app).get('/me').set(headers());
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBeUndefined();
      expect(res.body.error).toBe('unauthorized');
    });
  });
});

describe('GET /me with public keys fetched from ALB_PUBLIC_KEYS_URI', () => {
  let keyServer: LocalKeyServer;
  beforeAll(async () => {
    keyServer = await LocalKeyServer.start((req, res) => {
      if (req.url === `/${tokens.albKid}`) res.end(tokens.albPublicKeyPem);
      else res.writeHead(404).end();
    });
  });
  afterAll(() => keyServer.close());

  test('fetches the PEM by kid once, then verifies from the cache', async () => {
    const app = appWith({ publicKeysUri: `${keyServer.url}/` });
    for (let i = 0; i < 2; i++) expect((await request(app).get('/me').set(tokens.albUser())).status).toBe(200);
    expect(keyServer.requests).toEqual([`/${tokens.albKid}`]);
  });

  test('503 when the key cannot be fetched', async () => {
    const app = appWith({ publicKeysUri: keyServer.url });
    const res = await request(app).get('/me').set(TestTokens.create().albUser());
    expect(res.status).toBe(503);
  });

  test('a 200 answer that is not a PEM key is a 503, fetched once per cool-down, not once per request', async () => {
    const garbage = await LocalKeyServer.start((_req, res) => res.end('<html>not a key</html>'));
    try {
      const app = appWith({ publicKeysUri: garbage.url });
      for (let i = 0; i < 10; i++) expect((await request(app).get('/me').set(tokens.albUser())).status).toBe(503);
      // 10 before the cool-down applied to unusable bodies; a second fetch only on a very slow machine.
      expect(garbage.requests.length).toBeLessThanOrEqual(2);
    } finally {
      await garbage.close();
    }
  });

  test('refuses a plain-http key URL outside loopback at creation', () => {
    expect(() => appWith({ publicKeysUri: 'http://public-keys.example.com' })).toThrow(/uses http for a non-loopback host/);
  });
});
