/**
 * What the bearer verifier does with keys and signatures that verify in a naive implementation:
 * short RSA keys, keys Node cannot import or that do not fit the token's algorithm, other spellings
 * of a valid signature, and a key endpoint that answers 200 with something other than a JWKS.
 */
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { LocalKeyServer } from './local-key-server';
import { createApp } from '../../../src/service/assets/src/kit/app';
import { createBearerVerifier } from '../../../src/service/assets/src/kit/bearer-verifier';
import type { RouteDefinition } from '../../../src/service/assets/src/kit/route';
import { TestTokens } from '../../../src/service/assets/test/support/test-tokens';

const READ = 'https://gateway.example.com/demo.read';
const routes: RouteDefinition[] = [
  { method: 'GET', path: '/read', auth: 'bearer', scopes: [READ], handler: (_req, res) => res.json({ ok: true }) },
];
const tokens = TestTokens.create();
const weak = generateKeyPairSync('rsa', { modulusLength: 1024 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const jwks = {
  keys: [
    ...tokens.jwks.keys,
    { ...weak.publicKey.export({ format: 'jwk' }), kid: 'weak-rsa', alg: 'RS256', use: 'sig' },
    // No alg: nothing ties this key to ES256 but its type.
    { ...ec.publicKey.export({ format: 'jwk' }), kid: 'ec-no-alg', use: 'sig' },
    // Coordinates that are not a point on the curve: Node refuses to import the key.
    { kty: 'EC', crv: 'P-256', x: Buffer.alloc(32, 1).toString('base64url'), y: Buffer.alloc(32, 2).toString('base64url'), kid: 'ec-bogus', alg: 'ES256', use: 'sig' },
  ],
};

function appWith(options: { jwksUri?: string; jwks?: { keys: object[] } }): Express {
  const bearer = createBearerVerifier({ userPoolId: tokens.userPoolId, clientIds: [tokens.clientId], ...options });
  return createApp({ routes, realm: 'demo-api', bearer, log: () => undefined });
}

// A token with the claims TestTokens would issue, signed with any key under any header.
function signed(header: Record<string, unknown>, key: KeyObject | undefined, claims: Record<string, unknown> = {}): string {
  const payload = JSON.parse(Buffer.from(tokens.accessToken({ scopes: [READ] }).split('.')[1], 'base64url').toString('utf8')) as object;
  const input = `${b64(header)}.${b64({ ...payload, ...claims })}`;
  const signature = key === undefined ? randomBytes(256)
    : sign('sha256', Buffer.from(input), key.asymmetricKeyType === 'ec' ? { key, dsaEncoding: 'ieee-p1363' } : key);
  return `${input}.${signature.toString('base64url')}`;
}

function b64(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('keys and signatures a careful verifier refuses', () => {
  const app = appWith({ jwks });
  const get = (token: string) => request(app).get('/read').set('Authorization', `Bearer ${token}`);
  const globalIssuer = { iss: `https://issuer-cognito-idp.${tokens.region}.amazonaws.com/${tokens.userPoolId}` };

  test('the valid token is accepted, so each refusal below is about the one thing changed', async () => {
    expect((await get(tokens.accessToken({ scopes: [READ] }))).status).toBe(200);
  });

  test.each([
    ['an RSA key of 1024 bits (RFC 7518 asks for 2048 or more)', () => signed({ kid: 'weak-rsa', alg: 'RS256' }, weak.privateKey)],
    ['an RSA key of 1024 bits, on aws-jwt-verify\'s complete path', () => signed({ kid: 'weak-rsa', alg: 'RS256' }, weak.privateKey, globalIssuer)],
    ['an ES256 token for a key Node cannot import', () => signed({ kid: 'ec-bogus', alg: 'ES256' }, ec.privateKey)],
    ['an RS256 header on an EC key without alg', () => signed({ kid: 'ec-no-alg', alg: 'RS256' }, undefined)],
    ['an ES256 token signed by that EC key (Cognito signs RS256 only)', () => signed({ kid: 'ec-no-alg', alg: 'ES256' }, ec.privateKey)],
  ])('401 invalid_token, never 500, for %s', async (_name, token) => {
    const res = await get(token());
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('invalid_token');
  });

  test('other spellings of a valid signature are refused: padding, or different unused low bits', async () => {
    const token = tokens.accessToken({ scopes: [READ] });
    const signature = token.slice(token.lastIndexOf('.') + 1);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(signature.at(-1)!);
    const lowBitFlipped = signature.slice(0, -1) + alphabet[last % 2 === 0 ? last + 1 : last - 1];
    // The same bytes, spelled differently.
    expect(Buffer.from(lowBitFlipped, 'base64url').equals(Buffer.from(signature, 'base64url'))).toBe(true);
    for (const other of [`${token}==`, token.slice(0, -signature.length) + lowBitFlipped]) {
      const res = await get(other);
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toContain('error="invalid_token"');
    }
  });
});

describe('a key endpoint answering 200 with something other than a JWKS', () => {
  let keyServer: LocalKeyServer;
  beforeAll(async () => {
    keyServer = await LocalKeyServer.start((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>maintenance</html>');
    });
  });
  afterAll(() => keyServer.close());

  test('503 for every token, but one fetch per cool-down, not one per request', async () => {
    const app = appWith({ jwksUri: `${keyServer.url}/jwks.json` });
    for (let i = 0; i < 20; i++) {
      const res = await request(app).get('/read').set('Authorization', `Bearer ${tokens.accessToken({ scopes: [READ] })}`);
      expect(res.status).toBe(503);
    }
    // 20 before the fix; the 1 s cool-down allows a second fetch only on a very slow machine.
    expect(keyServer.requests.length).toBeLessThanOrEqual(2);
  });
});
