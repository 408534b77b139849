import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { CognitoAuth } from '../../src/alb';
import { expiresSession, MAX_SHARD_BYTES, parseCookies, readShards, shardCookies } from '../../src/alb/session-cookies';
import { SESSION_KEY_PATH, SessionSealer } from '../../src/alb/session-sealer';
import { SessionStore } from '../../src/alb/session-store';
import { tempDir } from '../util';

const AUTH: CognitoAuth = {
  idp: { userPoolARN: 'arn', userPoolClientID: 'NotYetDeployed', userPoolDomain: 'demo', authenticationRequestExtraParams: {} },
  scope: 'openid',
  sessionCookie: 'S',
  sessionTimeoutSeconds: 3600,
  onUnauthenticatedRequest: 'authenticate',
};

function cookiesOf(setCookies: string[]): Map<string, string | undefined> {
  return parseCookies(setCookies.map((c) => c.split(';')[0]).join('; '));
}

describe('SessionSealer', () => {
  test('creates one owner-only key per repository and reuses it', () => {
    const dir = tempDir();
    const sealed = SessionSealer.forRepository(dir).seal('session', { a: 1 });
    expect((statSync(join(dir, SESSION_KEY_PATH)).mode % 0o1000).toString(8)).toBe('600');
    expect(SessionSealer.forRepository(dir).open('session', sealed)).toEqual({ a: 1 });
    expect(SessionSealer.forRepository(tempDir()).open('session', sealed)).toBeUndefined();
  });

  test('opens nothing edited, truncated or sealed for another purpose', () => {
    const sealer = new SessionSealer(Buffer.alloc(32, 7));
    const sealed = sealer.seal('state', { u: '/x' });
    expect(sealer.open('state', sealed)).toEqual({ u: '/x' });
    expect(sealer.open('session', sealed)).toBeUndefined();
    for (let i = 0; i < sealed.length; i += 7) {
      const edited = `${sealed.slice(0, i)}${sealed[i] === 'A' ? 'B' : 'A'}${sealed.slice(i + 1)}`;
      expect(sealer.open('state', edited)).toBeUndefined();
    }
    expect(sealer.open('state', sealed.slice(0, -1))).toBeUndefined();
    expect(sealer.open('state', '')).toBeUndefined();
    expect(sealer.open('state', 'not base64url!')).toBeUndefined();
  });
});

describe('SessionStore', () => {
  const store = new SessionStore(new SessionSealer(Buffer.alloc(32, 1)));
  const now = Date.UTC(2026, 0, 1);
  const { session, cookies } = store.create('demo/web', AUTH, { claims: { sub: 'u-1' }, accessToken: 't', accessTokenExp: now / 1000 + 3600 }, new Map(), now);

  test('reads its session back until the timeout, on its Ingress only', () => {
    expect(store.read(cookiesOf(cookies), 'demo/web', AUTH, now + 3599_000)).toEqual({ kind: 'valid', session });
    expect(store.read(cookiesOf(cookies), 'demo/web', AUTH, now + 3600_000)).toEqual({ kind: 'expired' });
    expect(store.read(cookiesOf(cookies), 'demo/api', AUTH, now)).toEqual({ kind: 'invalid' });
    expect(store.read(new Map(), 'demo/web', AUTH, now)).toEqual({ kind: 'none' });
  });

  test('an update keeps the id and the end of the session, with a cookie that lives until that end', () => {
    const later = now + 600_000;
    const updated = store.update(session, AUTH, { claims: { sub: 'u-1', email: 'new@example.com' }, accessToken: 't2', accessTokenExp: later / 1000 + 3600 }, new Map(), later);
    expect(updated.session).toMatchObject({ sid: session.sid, exp: session.exp, accessToken: 't2' });
    expect(updated.cookies[0]).toMatch(/; Max-Age=3000;/);
    expect(store.read(cookiesOf(updated.cookies), 'demo/web', AUTH, later)).toEqual({ kind: 'valid', session: updated.session });
  });

  test('refuses a revoked session, and the same cookie in another store (another run)', () => {
    const other = new SessionStore(new SessionSealer(Buffer.alloc(32, 1)));
    expect(other.read(cookiesOf(cookies), 'demo/web', AUTH, now)).toEqual({ kind: 'invalid' });
    const second = store.create('demo/web', AUTH, { claims: { sub: 'u-2' }, accessToken: 't', accessTokenExp: now / 1000 + 3600 }, new Map(), now);
    store.revoke(second.session.sid);
    expect(store.read(cookiesOf(second.cookies), 'demo/web', AUTH, now)).toEqual({ kind: 'invalid' });
  });
});

describe('session cookie shards', () => {
  test('split a value under 4 KB per cookie, join back, and expire higher shards the browser holds', () => {
    const value = 'v'.repeat(9000);
    const held = parseCookies('S-0=a; S-1=b; S-2=c; S-3=d; other=1');
    const set = shardCookies('S', value, 60, held);
    expect(set.map((c) => c.split('=')[0])).toEqual(['S-0', 'S-1', 'S-2', 'S-3']);
    set.slice(0, 3).forEach((c) => expect(Buffer.byteLength(c.split(';')[0])).toBeLessThanOrEqual(MAX_SHARD_BYTES));
    expect(set[3]).toMatch(/^S-3=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0;/);
    expect(readShards(cookiesOf(set.slice(0, 3)), 'S')).toBe(value);
  });

  test('a duplicated shard reads as no value', () => {
    expect(readShards(parseCookies('S-0=a; S-0=a'), 'S')).toBeUndefined();
  });

  test.each([
    ['S-0=; Max-Age=0; Path=/', true],
    ['S-0=x; Expires=Thu, 01 Jan 1970 00:00:00 GMT', true],
    ['S-0=x; max-age=-1', true],
    ['S-0=x; Max-Age=60', false],
    ['S-1=; Max-Age=0', false],
    ['S-00=; Max-Age=0', false],
  ])('the service expiring the session: %s -> %s', (setCookie, expected) => {
    expect(expiresSession([setCookie], 'S')).toBe(expected);
  });
});
