import type { RequestHandler } from 'express';
import request from 'supertest';
import { LocalKeyServer, type KeyServerBehaviour } from './local-key-server';
import { createApp } from '../../../src/service/assets/src/kit/app';
import { createBearerVerifier } from '../../../src/service/assets/src/kit/bearer-verifier';
import { TestTokens } from '../../../src/service/assets/test/support/test-tokens';

const SCOPE = 'https://gateway.example.com/demo.read';
const ok: RequestHandler = (_req, res) => {
  res.json({ ok: true });
};
const tokens = TestTokens.create();

function appFor(jwksUri: string) {
  const bearer = createBearerVerifier({ userPoolId: tokens.userPoolId, clientIds: [tokens.clientId], jwksUri });
  const app = createApp({ routes: [{ method: 'GET', path: '/data', auth: 'bearer', scopes: [SCOPE], handler: ok }], realm: 'demo', bearer, log: () => undefined });
  return { app, bearer };
}

describe('/healthz and /readyz', () => {
  let keyServer: LocalKeyServer;
  beforeEach(async () => {
    keyServer = await LocalKeyServer.start(LocalKeyServer.json(tokens.jwks));
  });
  afterEach(() => keyServer.close());

  test('/readyz is 503 until the JWKS is loaded, then 200; /healthz is always 200', async () => {
    const { app, bearer } = appFor(`${keyServer.url}/jwks.json`);
    expect((await request(app).get('/healthz')).status).toBe(200);
    expect((await request(app).get('/readyz')).status).toBe(503);
    await bearer.hydrate();
    expect((await request(app).get('/readyz')).status).toBe(200);
    expect(keyServer.requests).toContain('/jwks.json');
  });

  test('the first request loads the JWKS itself when nothing hydrated it', async () => {
    const { app } = appFor(`${keyServer.url}/jwks.json`);
    const res = await request(app).get('/data').set('Authorization', `Bearer ${tokens.accessToken({ scopes: [SCOPE] })}`);
    expect(res.status).toBe(200);
    expect((await request(app).get('/readyz')).status).toBe(200);
  });

  test('an unknown kid refetches the JWKS once, then the penalty box answers', async () => {
    const { app, bearer } = appFor(`${keyServer.url}/jwks.json`);
    await bearer.hydrate();
    const before = keyServer.requests.length;
    const stranger = TestTokens.create({ userPoolId: tokens.userPoolId });
    for (let i = 0; i < 3; i++) {
      const res = await request(app).get('/data').set('Authorization', `Bearer ${stranger.accessToken({ scopes: [SCOPE] })}`);
      expect(res.status).toBe(401);
    }
    expect(keyServer.requests.length - before).toBe(1);
  });
});

describe('GET /data when the JWKS cannot be loaded', () => {
  test('503 with Retry-After while the JWKS server is down, and the service keeps serving', async () => {
    const keyServer = await LocalKeyServer.start(LocalKeyServer.json(tokens.jwks));
    const jwksUri = `${keyServer.url}/jwks.json`;
    await keyServer.close();
    const { app } = appFor(jwksUri);
    const res = await request(app).get('/data').set('Authorization', `Bearer ${tokens.accessToken({ scopes: [SCOPE] })}`);
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body).toEqual({ error: 'temporarily_unavailable', message: 'The token signing keys cannot be loaded right now; retry later' });
    expect((await request(app).get('/healthz')).status).toBe(200);
    expect((await request(app).get('/readyz')).status).toBe(503);
  });

  test('a garbage token is still 401, not 503 or 500', async () => {
    const { app } = appFor('http://127.0.0.1:9/jwks.json');
    const res = await request(app).get('/data').set('Authorization', 'Bearer x.y.z');
    expect(res.status).toBe(401);
  });

  test.each([
    ['a body that is not JSON', ((_req, res) => res.end('<html>')) as KeyServerBehaviour],
    ['a body over the size limit', LocalKeyServer.json({ keys: [], padding: 'x'.repeat(70_000) })],
  ])('503 for %s', async (_name, broken) => {
    const keyServer = await LocalKeyServer.start(broken);
    try {
      const { app } = appFor(`${keyServer.url}/jwks.json`);
      const res = await request(app).get('/data').set('Authorization', `Bearer ${tokens.accessToken({ scopes: [SCOPE] })}`);
      expect(res.status).toBe(503);
    } finally {
      await keyServer.close();
    }
  });

  test('503 for an error status, then 200 once the JWKS is served again', async () => {
    const keyServer = await LocalKeyServer.start((_req, res) => res.writeHead(500).end());
    try {
      const { app } = appFor(`${keyServer.url}/jwks.json`);
      const get = () => request(app).get('/data').set('Authorization', `Bearer ${tokens.accessToken({ scopes: [SCOPE] })}`);
      expect((await get()).status).toBe(503);
      keyServer.behaviour = LocalKeyServer.json(tokens.jwks);
      // Past the fetcher's one-second cool-down after a failure.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await get()).status).toBe(200);
    } finally {
      await keyServer.close();
    }
  });
});
