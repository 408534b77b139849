import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express, Request, RequestHandler, Response } from 'express';
import request from 'supertest';
import { LocalKeyServer } from './local-key-server';
import { createApp, JSON_MAX_DEPTH } from '../../../src/service/assets/src/kit/app';
import { bearerAuth } from '../../../src/service/assets/src/kit/bearer-auth';
import { createBearerVerifier } from '../../../src/service/assets/src/kit/bearer-verifier';
import type { RouteDefinition } from '../../../src/service/assets/src/kit/route';
import { TestTokens } from '../../../src/service/assets/test/support/test-tokens';

const READ = 'https://gateway.example.com/demo.read';
const WRITE = 'https://gateway.example.com/demo.write';
const REALM = 'demo-api';

const echo: RequestHandler = (req, res) => {
  res.json({ name: req.params.name, body: req.body, auth: res.locals.auth });
};
const routes: RouteDefinition[] = [
  { method: 'GET', path: '/api/demo/protectedRole/:name', auth: 'bearer', scopes: [READ], handler: echo },
  { method: 'POST', path: '/api/demo/protectedUpload', auth: 'bearer', scopes: [WRITE], handler: echo },
  { method: 'GET', path: '/api/demo/anyClient', auth: 'bearer', scopes: [], handler: echo },
];

const tokens = TestTokens.create();
let keyServer: LocalKeyServer;
let app: Express;

beforeAll(async () => {
  // Preloaded keys, plus the same JWKS on 127.0.0.1 for the refetch an unknown kid triggers.
  keyServer = await LocalKeyServer.start(LocalKeyServer.json(tokens.jwks));
  const bearer = createBearerVerifier({
    userPoolId: tokens.userPoolId,
    clientIds: [tokens.clientId],
    jwks: tokens.jwks,
    jwksUri: `${keyServer.url}/jwks.json`,
  });
  app = createApp({ routes, realm: REALM, bearer, log: () => undefined });
});

afterAll(() => keyServer.close());

const invalidToken = (description: string): string => `Bearer realm="${REALM}", error="invalid_token", error_description="${description}"`;
const INVALID = invalidToken('The access token is invalid');
const MALFORMED = invalidToken('The access token is malformed');
const EXPIRED = invalidToken('The access token has expired');

function b64(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

// supertest cannot repeat a header; node:http sends raw header lists as given.
async function rawGet(path: string, headers: string[]): Promise<{ status: number }> {
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const { port } = server.address() as AddressInfo;
    const [res] = (await once(httpRequest({ host: '127.0.0.1', port, path, headers }).end(), 'response')) as [IncomingMessage];
    res.resume();
    return { status: res.statusCode ?? 0 };
  } finally {
    server.close();
  }
}

function getRole(authorization?: string): request.Test {
  const req = request(app).get('/api/demo/protectedRole/sample-username');
  return authorization === undefined ? req : req.set('Authorization', authorization);
}

describe('GET /api/demo/protectedRole/:name (bearer, demo.read)', () => {
  describe('without credentials', () => {
    test('401 with a bare Bearer challenge', async () => {
      const res = await getRole();
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe(`Bearer realm="${REALM}"`);
      expect(res.body).toEqual({ error: 'unauthorized', message: 'This route requires a bearer access token' });
    });

    test('401 without an error code when another scheme is used', async () => {
      const res = await getRole('Basic dXNlcjpwYXNz');
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe(`Bearer realm="${REALM}"`);
    });
  });

  describe('with a malformed request', () => {
    test('400 for two Authorization headers (Node refuses them before the app)', async () => {
      const token = tokens.accessToken({ scopes: [READ] });
      const res = await rawGet('/api/demo/protectedRole/x', ['Authorization', `Bearer ${token}`, 'Authorization', `Bearer ${token}`]);
      expect(res.status).toBe(400);
    });

    test('bearerAuth refuses repeated Authorization headers should Node pass them', () => {
      const token = tokens.accessToken({ scopes: [READ] });
      const req = { rawHeaders: ['authorization', `Bearer ${token}`, 'Authorization', `Bearer ${token}`], url: '/' } as unknown as Request;
      const next = jest.fn();
      const verifier = { verify: () => Promise.reject(new Error('never called')), isReady: () => true, hydrate: () => Promise.resolve() };
      bearerAuth(verifier, [READ])(req, {} as Response, next);
      expect(next).toHaveBeenCalledWith(expect.objectContaining({ status: 400, challenge: { error: 'invalid_request' } }));
    });

    test('400 invalid_request for two credentials in one header', async () => {
      const res = await getRole(`Bearer ${tokens.accessToken({ scopes: [READ] })}, Bearer abc`);
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('invalid_request');
    });

    test('400 invalid_request for a token also sent in the query string', async () => {
      const token = tokens.accessToken({ scopes: [READ] });
      const res = await request(app).get(`/api/demo/protectedRole/x?access_token=${token}`).set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('invalid_request');
    });

    test('400 invalid_request for an oversized Authorization header', async () => {
      const res = await getRole(`Bearer ${'a'.repeat(9000)}`);
      expect(res.status).toBe(400);
      expect(res.body.message).toBe('The Authorization header is too large');
    });
  });

  describe('with an unacceptable token', () => {
    const cases: Array<[string, () => string, string]> = [
      ['garbage', () => 'Bearer not-a-jwt', MALFORMED],
      ['the scheme alone', () => 'Bearer', MALFORMED],
      ['two words', () => 'Bearer abc def', MALFORMED],
      ['JWT shape with an array payload', () => `Bearer ${b64({ a: 1 })}.${b64([1])}.AAAA`, MALFORMED],
      ['JWT shape without kid', () => `Bearer ${b64({ alg: 'RS256' })}.${b64({ iss: tokens.issuer })}.AAAA`, INVALID],
      ['an expired token', () => `Bearer ${tokens.accessToken({ scopes: [READ], expiresInSeconds: -60 })}`, EXPIRED],
      ['no exp claim', () => `Bearer ${tokens.accessToken({ scopes: [READ], claims: { exp: undefined } })}`, INVALID],
      ['alg none', () => {
        const payload = JSON.parse(Buffer.from(tokens.accessToken({ scopes: [READ] }).split('.')[1], 'base64url').toString());
        return `Bearer ${b64({ kid: tokens.kid, alg: 'none' })}.${b64(payload)}.c2ln`;
      }, INVALID],
      ['HS256 signed with the public key', () => {
        const payload = JSON.parse(Buffer.from(tokens.accessToken({ scopes: [READ] }).split('.')[1], 'base64url').toString());
        return `Bearer ${tokens.hs256Token(tokens.publicKeyPem, payload)}`;
      }, INVALID],
      ['a wrong issuer', () => `Bearer ${tokens.accessToken({ scopes: [READ], claims: { iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other' } })}`, INVALID],
      ['an id token', () => `Bearer ${tokens.accessToken({ scopes: [READ], claims: { token_use: 'id', aud: tokens.clientId } })}`, INVALID],
      ['an unknown client', () => `Bearer ${tokens.accessToken({ scopes: [READ], clientId: 'unknownclient000000000000a' })}`, INVALID],
      ['an unknown kid', () => `Bearer ${TestTokens.create({ userPoolId: tokens.userPoolId }).accessToken({ scopes: [READ] })}`, INVALID],
      ['the right kid but another key', () => `Bearer ${TestTokens.create({ userPoolId: tokens.userPoolId }).accessToken({ scopes: [READ], header: { kid: tokens.kid } })}`, INVALID],
      ['a tampered signature', () => {
        const token = tokens.accessToken({ scopes: [READ] });
        const last = token.at(-2) === 'A' ? 'B' : 'A';
        return `Bearer ${token.slice(0, -2)}${last}${token.at(-1)}`;
      }, INVALID],
      ['a tampered payload', () => {
        const [header, , signature] = tokens.accessToken({ scopes: [READ] }).split('.');
        const forged = JSON.parse(Buffer.from(tokens.accessToken({ scopes: [READ, WRITE] }).split('.')[1], 'base64url').toString());
        return `Bearer ${header}.${b64(forged)}.${signature}`;
      }, INVALID],
      ['RS512 in the header', () => `Bearer ${tokens.accessToken({ scopes: [READ], header: { alg: 'RS512' } })}`, INVALID],
      ['a correctly signed token with a critical extension', () => `Bearer ${tokens.accessToken({ scopes: [READ], header: { crit: ['exp'], exp: 1 } })}`, INVALID],
      ['a correctly signed token with an empty crit list', () => `Bearer ${tokens.accessToken({ scopes: [READ], header: { crit: [] } })}`, INVALID],
      ['a critical extension on aws-jwt-verify\'s complete path (global issuer)', () => {
        const iss = `https://issuer-cognito-idp.${tokens.region}.amazonaws.com/${tokens.userPoolId}`;
        return `Bearer ${tokens.accessToken({ scopes: [READ], claims: { iss }, header: { crit: ['b64'], b64: false } })}`;
      }, INVALID],
    ];

    test.each(cases)('401 invalid_token for %s', async (_name, authorization, challenge) => {
      const res = await getRole(authorization());
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe(challenge);
      expect(res.body.error).toBe('invalid_token');
    });

    test('the response never echoes the token', async () => {
      const token = tokens.accessToken({ scopes: [READ], expiresInSeconds: -60 });
      const res = await getRole(`Bearer ${token}`);
      expect(JSON.stringify(res.headers) + res.text).not.toContain(token.split('.')[1]);
    });

    test('an HMAC over the token input with any secret is refused', async () => {
      const [header, payload] = tokens.accessToken({ scopes: [READ] }).split('.');
      const hs = b64({ ...JSON.parse(Buffer.from(header, 'base64url').toString()), alg: 'HS256' });
      const signature = createHmac('sha256', 'secret').update(`${hs}.${payload}`).digest('base64url');
      expect((await getRole(`Bearer ${hs}.${payload}.${signature}`)).status).toBe(401);
    });
  });

  describe('with a valid token', () => {
    test('403 insufficient_scope naming the required scope when the token lacks it', async () => {
      const res = await getRole(`Bearer ${tokens.accessToken({ scopes: [WRITE] })}`);
      expect(res.status).toBe(403);
      expect(res.headers['www-authenticate']).toBe(
        `Bearer realm="${REALM}", error="insufficient_scope", error_description="The access token lacks a scope this route requires", scope="${READ}"`,
      );
    });

    test('403 for a token without any scope', async () => {
      expect((await getRole(`Bearer ${tokens.accessToken()}`)).status).toBe(403);
    });

    test('200 with the scope, and the handler sees the verified caller', async () => {
      const res = await getRole(`bearer  ${tokens.accessToken({ scopes: [READ, WRITE] })}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body.name).toBe('sample-username');
      expect(res.body.auth).toMatchObject({ kind: 'bearer', clientId: tokens.clientId, scopes: [READ, WRITE] });
      expect(res.body.auth.claims).toMatchObject({ token_use: 'access', client_id: tokens.clientId, iss: tokens.issuer });
    });

    test('200 for the same token again, served from the cache, in any spelling of the scheme', async () => {
      const token = tokens.accessToken({ scopes: [READ] });
      const seen: unknown[] = [];
      for (const authorization of [`Bearer ${token}`, `Bearer ${token}`, `Bearer ${token}`, `bearer  ${token}`, `Bearer ${token}`]) {
        const res = await getRole(authorization);
        expect(res.status).toBe(200);
        seen.push(res.body.auth);
      }
      expect(seen[0]).toMatchObject({ kind: 'bearer', clientId: tokens.clientId, scopes: [READ] });
      expect(seen).toEqual(new Array(seen.length).fill(seen[0]));
    });

    test('a cached token still gets every request check, and a changed copy of it is refused', async () => {
      const token = tokens.accessToken({ scopes: [READ] });
      for (let i = 0; i < 3; i++) expect((await getRole(`Bearer ${token}`)).status).toBe(200);
      const query = await request(app).get(`/api/demo/protectedRole/x?access_token=${token}`).set('Authorization', `Bearer ${token}`);
      expect(query.status).toBe(400);
      expect((await getRole(`Bearer ${token}, Bearer abc`)).status).toBe(400);
      expect((await rawGet('/api/demo/protectedRole/x', ['Authorization', `Bearer ${token}`, 'Authorization', `Bearer ${token}`])).status).toBe(400);
      expect((await request(app).post('/api/demo/protectedUpload').set('Authorization', `Bearer ${token}`).send({})).status).toBe(403);
      const [header, payload, signature] = token.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
      const widened = `${header}.${b64({ ...claims, scope: `${READ} ${WRITE}` })}.${signature}`;
      expect((await request(app).post('/api/demo/protectedUpload').set('Authorization', `Bearer ${widened}`).send({})).status).toBe(401);
    });

    test('200 for the global issuer format, which takes aws-jwt-verify\'s complete path', async () => {
      const iss = `https://issuer-cognito-idp.${tokens.region}.amazonaws.com/${tokens.userPoolId}`;
      expect((await getRole(`Bearer ${tokens.accessToken({ scopes: [READ], claims: { iss } })}`)).status).toBe(200);
    });
  });
});

describe('POST /api/demo/protectedUpload (bearer, demo.write)', () => {
  const token = tokens.accessToken({ scopes: [WRITE] });

  test('200 echoes a JSON body', async () => {
    const res = await request(app).post('/api/demo/protectedUpload').set('Authorization', `Bearer ${token}`).send({ value: 'x' });
    expect(res.status).toBe(200);
    expect(res.body.body).toEqual({ value: 'x' });
  });

  test('413 for a body over 1 MB', async () => {
    const res = await request(app).post('/api/demo/protectedUpload').set('Authorization', `Bearer ${token}`).send({ value: 'x'.repeat(1024 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body.error).toBe('payload_too_large');
  });

  test('400 for malformed JSON', async () => {
    const res = await request(app).post('/api/demo/protectedUpload').set('Authorization', `Bearer ${token}`).set('Content-Type', 'application/json').send('{"value":');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'bad_request', message: 'The request body is not valid JSON' });
  });

  test(`400 for a body nested deeper than ${JSON_MAX_DEPTH} levels, which would overflow the handler's stack`, async () => {
    const upload = (body: string) => request(app).post('/api/demo/protectedUpload').set('Authorization', `Bearer ${token}`).set('Content-Type', 'application/json').send(body);
    const deepest = `${'['.repeat(JSON_MAX_DEPTH)}${']'.repeat(JSON_MAX_DEPTH)}`;
    expect((await upload(deepest)).status).toBe(200);
    expect((await upload(JSON.stringify({ text: `"[{\\${'['.repeat(200)}` }))).status).toBe(200);
    const tooDeep = await upload(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.body).toEqual({ error: 'bad_request', message: `The JSON body nests deeper than ${JSON_MAX_DEPTH} levels` });
    expect((await upload(`{"a":${deepest.replace('[', '[{"b":[').replace(']', ']}]')}}`)).status).toBe(400);
  });

  test('415 for a JSON body in another charset than UTF-8 (RFC 8259)', async () => {
    const res = await request(app).post('/api/demo/protectedUpload').set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json; charset=utf-16le').send(Buffer.from('{"value":"x"}', 'utf16le'));
    expect(res.status).toBe(415);
  });

  test('401 before the body is read when the token is missing', async () => {
    const res = await request(app).post('/api/demo/protectedUpload').set('Content-Type', 'application/json').send('{"value":');
    expect(res.status).toBe(401);
  });
});

describe('GET /api/demo/anyClient (bearer, no scope)', () => {
  test('200 for a token without scopes', async () => {
    expect((await request(app).get('/api/demo/anyClient').set('Authorization', `Bearer ${tokens.accessToken()}`)).status).toBe(200);
  });
});

describe('unknown paths', () => {
  test('404 JSON', async () => {
    const res = await request(app).get('/nope');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'not_found', message: 'No route matches this method and path' });
  });
});
