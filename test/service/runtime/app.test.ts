import type { Express, RequestHandler } from 'express';
import request from 'supertest';
import { createApp } from '../../../src/service/assets/src/kit/app';
import { createBearerVerifier } from '../../../src/service/assets/src/kit/bearer-verifier';
import type { RouteDefinition } from '../../../src/service/assets/src/kit/route';
import { TestTokens } from '../../../src/service/assets/test/support/test-tokens';

const ok: RequestHandler = (_req, res) => {
  res.json({ ok: true });
};
const route = (overrides: Partial<RouteDefinition>): RouteDefinition => ({ method: 'GET', path: '/x', auth: 'none', scopes: [], handler: ok, ...overrides });

describe('createApp', () => {
  describe('with inconsistent options', () => {
    // The spec's validation (resolveSpec) refuses duplicate routes, probe paths and bad scopes; the app
    // refuses what would serve a protected route unchecked.
    test('fails for a protected route without its check, and lists every one', () => {
      expect(() => createApp({
        realm: 'demo',
        routes: [
          route({ path: '/a', auth: 'bearer', scopes: ['s/read'] }),
          route({ path: '/b', auth: 'alb-user' }),
          route({ path: '/c' }),
        ],
      })).toThrow(expect.objectContaining({
        problems: [
          "route GET /a uses auth 'bearer' but has no check: pass bearer to createApp",
          "route GET /b uses auth 'alb-user' but has no check: pass albUser to createApp",
        ],
      }));
    });
  });

  describe('request log', () => {
    test('one entry per request with method, path without query, status and duration, never the token', async () => {
      const entries: Record<string, unknown>[] = [];
      const tokens = TestTokens.create();
      const bearer = createBearerVerifier({ userPoolId: tokens.userPoolId, clientIds: '*', jwks: tokens.jwks });
      const app = createApp({ realm: 'demo', bearer, routes: [route({ path: '/items/:id', auth: 'bearer' })], log: (entry) => entries.push(entry) });
      const token = tokens.accessToken();
      await request(app).get('/items/42?access=secret').set('Authorization', `Bearer ${token}`);
      await request(app).get('/items/42').set('Authorization', 'Bearer nope');
      expect(entries).toEqual([
        { time: expect.any(String), method: 'GET', path: '/items/42', status: 200, durationMs: expect.any(Number) },
        { time: expect.any(String), method: 'GET', path: '/items/42', status: 401, durationMs: expect.any(Number) },
      ]);
      expect(JSON.stringify(entries)).not.toContain(token.slice(0, 20));
    });
  });

  describe('errors thrown by handlers', () => {
    test('500 with a generic body, the error logged without the request headers', async () => {
      const entries: Record<string, unknown>[] = [];
      const failing: RequestHandler = () => {
        throw new Error('boom');
      };
      const app = createApp({ realm: 'demo', routes: [route({ handler: failing })], log: (entry) => entries.push(entry) });
      const res = await request(app).get('/x').set('Authorization', 'Bearer abc');
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ error: 'internal_error', message: 'The server failed to handle the request' });
      expect(entries[0]).toMatchObject({ level: 'error', msg: 'unhandled error', path: '/x', error: 'Error', message: 'boom' });
      expect(JSON.stringify(entries)).not.toContain('Bearer abc');
    });

    test('a rejected async handler reaches the same handler', async () => {
      const failing: RequestHandler = async () => {
        throw new Error('async boom');
      };
      const app = createApp({ realm: 'demo', routes: [route({ handler: failing })], log: () => undefined });
      expect((await request(app).get('/x')).status).toBe(500);
    });
  });

  describe('configure', () => {
    const tokens = TestTokens.create();
    const bearer = createBearerVerifier({ userPoolId: tokens.userPoolId, clientIds: '*', jwks: tokens.jwks });
    // A CORS-like middleware an owner would add: a header on every answer, preflights answered here.
    const cors = (app: Express): void => {
      app.use((req, res, next) => {
        res.set('Access-Control-Allow-Origin', 'https://app.example.com');
        if (req.method === 'OPTIONS') {
          res.set('Access-Control-Allow-Headers', 'Authorization').status(204).end();
          return;
        }
        next();
      });
    };
    const app = createApp({ realm: 'demo', bearer, routes: [route({ path: '/items', auth: 'bearer' })], configure: cors, log: () => undefined });

    test('its middleware runs before authentication: the header is on a 401 and a 200', async () => {
      const refused = await request(app).get('/items');
      expect(refused.status).toBe(401);
      expect(refused.headers['access-control-allow-origin']).toBe('https://app.example.com');
      const granted = await request(app).get('/items').set('Authorization', `Bearer ${tokens.accessToken()}`);
      expect(granted.status).toBe(200);
      expect(granted.headers['access-control-allow-origin']).toBe('https://app.example.com');
    });

    test('it answers a preflight of a protected route without credentials', async () => {
      const res = await request(app).options('/items').set('Origin', 'https://app.example.com');
      expect(res.status).toBe(204);
      expect(res.headers['access-control-allow-headers']).toBe('Authorization');
    });

    test('runs after the probes and the request log, once', async () => {
      const entries: Record<string, unknown>[] = [];
      let calls = 0;
      const configured = createApp({
        realm: 'demo',
        routes: [],
        log: (entry) => entries.push(entry),
        configure: (a) => {
          calls++;
          a.use((_req, res) => {
            res.status(418).end();
          });
        },
      });
      expect((await request(configured).get('/healthz')).status).toBe(200);
      expect((await request(configured).get('/elsewhere')).status).toBe(418);
      expect(calls).toBe(1);
      expect(entries.map((entry) => entry.status)).toEqual([200, 418]);
    });

    test('a configure that throws makes createApp throw', () => {
      const broken = (): void => {
        throw new Error('no pool');
      };
      expect(() => createApp({ realm: 'demo', routes: [], configure: broken, log: () => undefined })).toThrow('no pool');
    });
  });

  describe('probes', () => {
    test('/readyz follows the bearer verifier\'s keys; without a bearer verifier the app is ready', async () => {
      let ready = false;
      const bearer = { verify: () => Promise.reject(new Error('unused')), isReady: () => ready, hydrate: () => Promise.resolve() };
      const app = createApp({ realm: 'demo', routes: [], bearer, log: () => undefined });
      expect((await request(app).get('/readyz')).status).toBe(503);
      ready = true;
      expect((await request(app).get('/readyz')).body).toEqual({ status: 'ready' });
      expect((await request(createApp({ realm: 'demo', routes: [], log: () => undefined })).get('/readyz')).status).toBe(200);
    });

    test('no x-powered-by header', async () => {
      const res = await request(createApp({ realm: 'demo', routes: [], log: () => undefined })).get('/healthz');
      expect(res.headers['x-powered-by']).toBeUndefined();
    });
  });
});
