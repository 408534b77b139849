/**
 * The bearer verifier's signature fast path must not change what is accepted: on a corpus of hostile
 * tokens, the kit with the fast path answers exactly as the kit without it (aws-jwt-verify's verify()
 * with the kit's rules), and both accept exactly what aws-jwt-verify alone accepts, but for the kit's
 * own stricter rules, named below.
 */
import * as crypto from 'node:crypto';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { LocalKeyServer } from './local-key-server';
import { createBearerVerifier, type BearerVerifier } from '../../../src/service/assets/src/kit/bearer-verifier';
import { createKeyFetcher } from '../../../src/service/assets/src/kit/key-fetcher';
import { TestTokens } from '../../../src/service/assets/test/support/test-tokens';

const tokens = TestTokens.create();
const other = TestTokens.create({ userPoolId: tokens.userPoolId });
const weak = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = (key: crypto.KeyObject, fields: object): object => ({ ...key.export({ format: 'jwk' }), ...fields });
const jwks = {
  keys: [
    ...tokens.jwks.keys,
    jwk(weak.publicKey, { kid: 'weak', alg: 'RS256', use: 'sig' }),
    jwk(ec.publicKey, { kid: 'ec', use: 'sig' }),
    jwk(rsa.publicKey, { kid: 'enc', alg: 'RS256', use: 'enc' }),
    jwk(rsa.publicKey, { kid: 'rs512', alg: 'RS512', use: 'sig' }),
  ],
};
const now = Math.floor(Date.now() / 1000);
const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const claimsOf = (token: string): Record<string, unknown> => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
const valid = (): string => tokens.accessToken({ scopes: ['demo.read'] });

// Any header and claims, signed with any key and digest (an EC key signs ES256-style).
function signed(header: object, claims: object = {}, key: crypto.KeyObject = weak.privateKey, digest = 'sha256'): string {
  const input = `${b64({ alg: 'RS256', kid: 'weak', ...header })}.${b64({ ...claimsOf(valid()), ...claims })}`;
  const options = key.asymmetricKeyType === 'ec' ? { key, dsaEncoding: 'ieee-p1363' as const } : key;
  return `${input}.${crypto.sign(digest, Buffer.from(input), options).toString('base64url')}`;
}

function respelled(token: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const last = alphabet.indexOf(token.at(-1)!);
  return token.slice(0, -1) + alphabet[last % 2 === 0 ? last + 1 : last - 1];
}

// The kit refuses, on both paths, some tokens aws-jwt-verify alone accepts: RS256 only, RSA keys of
// 2048 bits or more, exp required, no crit, one spelling per signature.
const KIT_RULES = 'kit rule';
// name -> [the token, KIT_RULES when only the kit refuses it]
const corpus: Record<string, [() => string, string?]> = {
  'a valid token': [valid],
  'a valid token with a __proto__ claim': [() => tokens.accessToken({ claims: JSON.parse('{"__proto__":{"admin":true},"constructor":"x"}') })],
  'the global issuer format': [() => tokens.accessToken({ claims: { iss: `https://issuer-cognito-idp.${tokens.region}.amazonaws.com/${tokens.userPoolId}` } })],
  'alg none': [() => `${b64({ alg: 'none', kid: tokens.kid })}.${b64(claimsOf(valid()))}.`],
  'alg none with a signature': [() => `${b64({ alg: 'none', kid: tokens.kid })}.${b64(claimsOf(valid()))}.c2ln`],
  'HS256 keyed with the public key': [() => tokens.hs256Token(tokens.publicKeyPem, claimsOf(valid()))],
  'RS512 in the header, signed RS512 by the RS256 key': [() => tokens.accessToken({ header: { alg: 'RS512' } })],
  'RS512 with an RS512 key': [() => signed({ alg: 'RS512', kid: 'rs512' }, {}, rsa.privateKey, 'sha512'), KIT_RULES],
  'an unknown kid': [() => other.accessToken()],
  'the right kid, another key': [() => other.accessToken({ header: { kid: tokens.kid } })],
  'a kid that is a number': [() => tokens.accessToken({ header: { kid: 7 } })],
  'no kid': [() => tokens.accessToken({ header: { kid: undefined } })],
  'a key meant for encryption': [() => signed({ kid: 'enc' }, {}, rsa.privateKey)],
  // aws-jwt-verify alone accepts an ECDSA signature labelled RS256 when the EC key has no alg; the kit's
  // RS256 key rule (an RSA key of 2048 bits or more) refuses it.
  'an ECDSA signature labelled RS256': [() => signed({ kid: 'ec' }, {}, ec.privateKey), KIT_RULES],
  'ES256 with an EC key without alg': [() => signed({ alg: 'ES256', kid: 'ec' }, {}, ec.privateKey), KIT_RULES],
  'a 1024-bit RSA key': [() => signed({}), KIT_RULES],
  'a crit header': [() => tokens.accessToken({ header: { crit: ['exp'], exp: 1 } }), KIT_RULES],
  'an empty crit list': [() => tokens.accessToken({ header: { crit: [] } }), KIT_RULES],
  'a padded signature': [() => `${valid()}==`, KIT_RULES],
  'a signature with other unused low bits': [() => respelled(valid()), KIT_RULES],
  'a truncated signature': [() => valid().slice(0, -4)],
  'a tampered signature': [() => { const t = valid(); return `${t.slice(0, -10)}${t.at(-10) === 'A' ? 'B' : 'A'}${t.slice(-9)}`; }],
  'a tampered payload': [() => { const [h, , s] = valid().split('.'); return `${h}.${b64({ ...claimsOf(valid()), scope: 'demo.admin' })}.${s}`; }],
  'expired': [() => tokens.accessToken({ expiresInSeconds: -5 })],
  'no exp': [() => tokens.accessToken({ claims: { exp: undefined } }), KIT_RULES],
  'exp as a string': [() => tokens.accessToken({ claims: { exp: String(now + 600) } })],
  'nbf in the future': [() => tokens.accessToken({ claims: { nbf: now + 600 } })],
  'another pool\'s issuer': [() => tokens.accessToken({ claims: { iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other' } })],
  'an issuer that is not a string': [() => tokens.accessToken({ claims: { iss: 42 } })],
  'an id token': [() => tokens.accessToken({ claims: { token_use: 'id', aud: tokens.clientId } })],
  'no token_use': [() => tokens.accessToken({ claims: { token_use: undefined } })],
  'another client': [() => tokens.accessToken({ clientId: 'someoneelse00000000000000a' })],
  'client_id as an array': [() => tokens.accessToken({ claims: { client_id: [tokens.clientId] } })],
  'a scope that is not a string': [() => tokens.accessToken({ claims: { scope: ['demo.read'] } })],
  'an array payload': [() => `${b64({ alg: 'RS256', kid: tokens.kid })}.${b64([1])}.AAAA`],
  'not a JWT': [() => 'not-a-jwt'],
  'four segments': [() => `${valid()}.AAAA`],
};

type Outcome = string;
const outcomeOf = (result: Promise<unknown>): Promise<Outcome> =>
  result.then(() => 'accepted', (err: { status?: number; message: string }) => `refused ${err.status ?? ''} ${err.message}`.trim());

describe('the signature fast path on hostile tokens', () => {
  let keyServer: LocalKeyServer;
  let fast: BearerVerifier;
  let reference: BearerVerifier;
  let alone: (token: string) => Promise<unknown>;
  let oneShotVerifies: jest.SpyInstance;
  beforeAll(async () => {
    keyServer = await LocalKeyServer.start(LocalKeyServer.json(jwks));
    const options = { userPoolId: tokens.userPoolId, clientIds: [tokens.clientId], jwks, jwksUri: `${keyServer.url}/jwks.json` };
    fast = createBearerVerifier(options);
    reference = createBearerVerifier({ ...options, signatureFastPath: false });
    // aws-jwt-verify alone: only the transport is the kit's, because the keys are served over http on loopback.
    const library = CognitoJwtVerifier.create({ userPoolId: tokens.userPoolId, tokenUse: 'access', clientId: tokens.clientId },
      { jwksCache: new SimpleJwksCache({ fetcher: createKeyFetcher(`${keyServer.url}/jwks.json`, () => undefined) }) });
    library.cacheJwks(jwks as Parameters<typeof library.cacheJwks>[0]);
    alone = (token) => library.verify(token);
    // The module object itself: the namespace import's bindings cannot be redefined.
    oneShotVerifies = jest.spyOn(jest.requireActual<typeof crypto>('node:crypto'), 'verify');
  });
  afterAll(async () => {
    oneShotVerifies?.mockRestore();
    await keyServer?.close();
  });

  test.each(Object.entries(corpus))('%s: the same answer with and without the fast path, and as aws-jwt-verify alone', async (_name, [mint, kitRule]) => {
    const token = mint();
    const [withFastPath, without, library] = await Promise.all([fast.verify(token), reference.verify(token), alone(token)].map(outcomeOf));
    expect(withFastPath).toBe(without);
    if (kitRule === undefined) expect(withFastPath === 'accepted').toBe(library === 'accepted');
    else expect([withFastPath.slice(0, 12), library]).toEqual(['refused 401 ', 'accepted']);
  });

  test('the fast path is the one that answers for regional tokens with a cached RS256 key', async () => {
    oneShotVerifies.mockClear();
    await expect(fast.verify(valid())).resolves.toMatchObject({ client_id: tokens.clientId });
    await expect(fast.verify(corpus['a tampered payload'][0]())).rejects.toThrow('The access token is invalid');
    await expect(fast.verify(corpus.expired[0]())).rejects.toThrow('The access token has expired');
    // One thread-pool check per token (the callback form); the reference never takes it.
    expect(oneShotVerifies.mock.calls.filter((call) => typeof call[4] === 'function')).toHaveLength(3);
    oneShotVerifies.mockClear();
    await reference.verify(valid());
    expect(oneShotVerifies).not.toHaveBeenCalled();
  });
});
