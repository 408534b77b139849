import { decomposeUnverifiedJwt } from 'aws-jwt-verify/jwt';
import { decomposeJwt } from '../../../src/service/assets/src/kit/decompose-jwt';
import { TestTokens } from '../../../src/service/assets/test/support/test-tokens';

const b64 = (text: string): string => Buffer.from(text).toString('base64url');
const HEADER = '{"alg":"RS256","kid":"k1","typ":"JWT"}';
const token = (header: string, payload: string, signature = 'c2ln'): string => `${b64(header)}.${b64(payload)}.${signature}`;

type Outcome = { result: unknown } | { error: string };

function outcome(decompose: (jwt: string) => unknown, jwt: string): Outcome {
  try {
    return { result: decompose(jwt) };
  } catch (err) {
    return { error: `${(err as Error).constructor.name}: ${(err as Error).message}` };
  }
}

// The kit's cheaper decomposition must be indistinguishable from aws-jwt-verify's, for any input.
describe('decomposeJwt agrees with aws-jwt-verify decomposeUnverifiedJwt', () => {
  const tokens = TestTokens.create();
  const cases: Record<string, string> = {
    'a Cognito-shaped access token': tokens.accessToken({ scopes: ['https://gateway.example.com/demo.read'] }),
    'an expired token': tokens.accessToken({ expiresInSeconds: -60 }),
    'a token without exp': tokens.accessToken({ claims: { exp: undefined } }),
    'a __proto__ claim': token(HEADER, '{"sub":"a","__proto__":{"admin":true}}'),
    'a nested __proto__ claim': token(HEADER, '{"sub":"a","x":{"__proto__":{"admin":true}}}'),
    'a constructor claim': token(HEADER, '{"sub":"a","constructor":{"prototype":{"admin":true}}}'),
    'an escaped __proto__ key': token(HEADER, '{"sub":"a","\\u005f_proto__":{"admin":true}}'),
    'an escaped value': token(HEADER, '{"sub":"\\u0061"}'),
    'a __proto__ header field': token('{"alg":"RS256","__proto__":{"x":1}}', '{"sub":"a"}'),
    'a payload that is an array': token(HEADER, '[1,2]'),
    'a payload that is a string': token(HEADER, '"sub"'),
    'a payload that is null': token(HEADER, 'null'),
    'a payload that is not JSON': token(HEADER, '{"sub":'),
    'a header that is not JSON': token('{alg:RS256}', '{"sub":"a"}'),
    'exp as a string': token(HEADER, '{"exp":"9999999999"}'),
    'exp out of range': token(HEADER, '{"exp":1e999}'),
    'iat as a string': token(HEADER, '{"iat":"1"}'),
    'nbf as null': token(HEADER, '{"nbf":null}'),
    'iss as a number': token(HEADER, '{"iss":1}'),
    'sub as an object': token(HEADER, '{"sub":{}}'),
    'scope as an array': token(HEADER, '{"scope":["a"]}'),
    'jti as a number': token(HEADER, '{"jti":1}'),
    'aud as an array of strings': token(HEADER, '{"aud":["a","b"]}'),
    'aud with a number': token(HEADER, '{"aud":["a",1]}'),
    'alg as a number': token('{"alg":256}', '{"sub":"a"}'),
    'kid as an array': token('{"alg":"RS256","kid":["a"]}', '{"sub":"a"}'),
    'padded segments': `${Buffer.from(HEADER).toString('base64')}.${Buffer.from('{"sub":"ab"}').toString('base64')}.c2ln`,
    'standard base64 characters': `${b64(HEADER)}.${b64('{"sub":"a"}')}+/.c2ln`,
    'two segments': `${b64(HEADER)}.${b64('{"sub":"a"}')}`,
    'four segments': `${token(HEADER, '{"sub":"a"}')}.x`,
    'an empty signature': `${b64(HEADER)}.${b64('{"sub":"a"}')}.`,
    'whitespace around the token': ` ${token(HEADER, '{"sub":"a"}')}`,
    'an empty string': '',
    'UTF-8 in a claim': token(HEADER, '{"sub":"zoë","name":"名前"}'),
    'invalid UTF-8 in the payload': `${b64(HEADER)}.${Buffer.from([0x7b, 0x22, 0x73, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]).toString('base64url')}.c2ln`,
  };

  test.each(Object.entries(cases))('%s', (_name, jwt) => {
    const expected = outcome(decomposeUnverifiedJwt, jwt);
    const actual = outcome(decomposeJwt, jwt);
    expect(actual).toEqual(expected);
    if ('result' in actual) {
      const { header, payload } = actual.result as { header: object; payload: object };
      expect(Object.getPrototypeOf(header)).toBe(Object.prototype);
      expect(Object.getPrototypeOf(payload)).toBe(Object.prototype);
      expect(Object.keys(payload)).not.toContain('__proto__');
    }
  });

  test('never changes Object.prototype', () => {
    for (const jwt of Object.values(cases)) outcome(decomposeJwt, jwt);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});
