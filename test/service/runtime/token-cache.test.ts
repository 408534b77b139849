import { createBearerVerifier } from '../../../src/service/assets/src/kit/bearer-verifier';
import { InvalidTokenError } from '../../../src/service/assets/src/kit/errors';
import { VerifiedTokenCache } from '../../../src/service/assets/src/kit/token-cache';
import { TestTokens } from '../../../src/service/assets/test/support/test-tokens';

const inAnHour = (): number => Math.floor(Date.now() / 1000) + 3600;

describe('VerifiedTokenCache', () => {
  test('stores a token from its second verification on', () => {
    const cache = new VerifiedTokenCache<string>();
    cache.set('token-a', 'claims', inAnHour());
    expect(cache.get('token-a')).toBeUndefined();
    cache.set('token-a', 'claims', inAnHour());
    expect(cache.get('token-a')).toBe('claims');
  });

  test('matches the exact token only, even when the tails collide', () => {
    const cache = new VerifiedTokenCache<string>();
    const tail = 'x'.repeat(40);
    cache.set(`a${tail}`, 'claims', inAnHour());
    cache.set(`a${tail}`, 'claims', inAnHour());
    expect(cache.get(`b${tail}`)).toBeUndefined();
  });

  test('serves nothing at or after exp', () => {
    const cache = new VerifiedTokenCache<string>();
    const exp = inAnHour();
    cache.set('t', 'claims', exp);
    cache.set('t', 'claims', exp);
    expect(cache.get('t', exp * 1000 - 1)).toBe('claims');
    expect(cache.get('t', exp * 1000)).toBeUndefined();
    expect(cache.get('t', exp * 1000 - 1)).toBeUndefined();
  });

  test('never stores an expired token', () => {
    const cache = new VerifiedTokenCache<string>();
    for (let i = 0; i < 2; i++) cache.set('t', 'claims', Math.floor(Date.now() / 1000) - 1);
    expect(cache.get('t', 0)).toBeUndefined();
  });

  test('stays within maxEntries by dropping the oldest', () => {
    const cache = new VerifiedTokenCache<string>(2);
    for (const token of ['first-token', 'second-token', 'third-token']) {
      cache.set(token, token, inAnHour());
      cache.set(token, token, inAnHour());
    }
    expect(cache.get('first-token')).toBeUndefined();
    expect(cache.get('second-token')).toBe('second-token');
    expect(cache.get('third-token')).toBe('third-token');
  });
});

describe('createBearerVerifier caching', () => {
  const tokens = TestTokens.create();
  const verifier = createBearerVerifier({ userPoolId: tokens.userPoolId, clientIds: [tokens.clientId], jwks: tokens.jwks });

  test('a rejected token is rejected every time', async () => {
    const token = tokens.accessToken({ clientId: 'someoneelse00000000000000a' });
    for (let i = 0; i < 3; i++) await expect(verifier.verify(token)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  test('a token that expires while cached is refused', async () => {
    jest.useFakeTimers({ now: Date.now(), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const token = tokens.accessToken({ expiresInSeconds: 60 });
      for (let i = 0; i < 3; i++) await expect(verifier.verify(token)).resolves.toMatchObject({ client_id: tokens.clientId });
      jest.setSystemTime(Date.now() + 61_000);
      await expect(verifier.verify(token)).rejects.toThrow('The access token has expired');
    } finally {
      jest.useRealTimers();
    }
  });

  test('peek finds a token from its second verification on, by the exact header value only', async () => {
    const token = tokens.accessToken({ scopes: ['https://gateway.example.com/demo.read'] });
    const claims = await verifier.verify(token);
    expect(verifier.peek?.(`Bearer ${token}`)).toBeUndefined();
    await verifier.verify(token);
    const auth = verifier.peek?.(`Bearer ${token}`);
    expect(auth).toEqual({ kind: 'bearer', clientId: tokens.clientId, scopes: ['https://gateway.example.com/demo.read'], claims });
    expect(Object.isFrozen(auth) && Object.isFrozen(auth?.scopes)).toBe(true);
    expect(verifier.peek?.(`Bearer ${token}`)).toBe(auth);
    for (const other of [token, `bearer ${token}`, `Bearer  ${token}`, `Bearer ${token} `, `Bearer ${token.slice(0, -1)}`]) {
      expect(verifier.peek?.(other)).toBeUndefined();
    }
  });

  test('an empty client list is refused; any client needs an explicit *', () => {
    expect(() => createBearerVerifier({ userPoolId: tokens.userPoolId, clientIds: [] })).toThrow(/pass '\*' to accept any client/);
  });
});

describe('verified claims', () => {
  test('are frozen, so a handler cannot change what later requests see', async () => {
    const tokens = TestTokens.create();
    const verifier = createBearerVerifier({ userPoolId: tokens.userPoolId, clientIds: '*', jwks: tokens.jwks });
    const claims = await verifier.verify(tokens.accessToken({ claims: { 'cognito:groups': ['a'] } }));
    expect(Object.isFrozen(claims)).toBe(true);
    expect(Object.isFrozen(claims['cognito:groups'])).toBe(true);
  });
});
