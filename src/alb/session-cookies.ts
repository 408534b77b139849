/**
 * The cookies of the ALB's sign-in: the session cookie sharded as `<name>-0`, `<name>-1`, ... and
 * the `AWSALBAuthNonce` cookie that ties the IdP's answer to the browser that started the sign-in.
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-authenticate-users.html#authentication-flow
 */

/** The cookie the callback must carry, named as the ALB names it. */
export const NONCE_COOKIE = 'AWSALBAuthNonce';

/** Bytes of `name=value` per shard: under the 4096 browsers keep per cookie. */
export const MAX_SHARD_BYTES = 4000;

/** Shards read back at most; the ALB refuses claims plus access token over 11K, about three shards once sealed. */
export const MAX_SHARDS = 6;

// Chromium, Firefox and curl treat http://localhost as a secure context and keep Secure cookies
// there, so the local ALB sets Secure like the real one (which only listens on HTTPS).
const ATTRIBUTES = 'Path=/; Secure; HttpOnly; SameSite=Lax';

/** The cookies of a `Cookie` header by name; a name sent twice maps to undefined (never trust either copy). */
export function parseCookies(header: string | undefined): Map<string, string | undefined> {
  const cookies = new Map<string, string | undefined>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    cookies.set(name, cookies.has(name) ? undefined : part.slice(eq + 1).trim());
  }
  return cookies;
}

/** Whether the request carries any shard of the session cookie. */
export function hasShards(cookies: Map<string, string | undefined>, name: string): boolean {
  return [...cookies.keys()].some((k) => k.startsWith(`${name}-`) && /^\d+$/.test(k.slice(name.length + 1)));
}

/** The joined shards `<name>-0` ... up to the first gap, or undefined when absent, duplicated or too many. */
export function readShards(cookies: Map<string, string | undefined>, name: string): string | undefined {
  const parts: string[] = [];
  for (let i = 0; cookies.has(`${name}-${i}`); i++) {
    const value = cookies.get(`${name}-${i}`);
    if (value === undefined || i >= MAX_SHARDS) return undefined;
    parts.push(value);
  }
  return parts.length > 0 ? parts.join('') : undefined;
}

/**
 * `Set-Cookie` values storing `value` in shards of the session cookie for `maxAgeSeconds`, plus
 * expired ones for higher shards the browser still holds from a larger earlier session.
 */
export function shardCookies(name: string, value: string, maxAgeSeconds: number,
  held: Map<string, string | undefined>, now: number = Date.now()): string[] {
  const size = MAX_SHARD_BYTES - name.length - 4;
  const shards: string[] = [];
  for (let i = 0; i < value.length; i += size) shards.push(value.slice(i, i + size));
  const expires = new Date(now + maxAgeSeconds * 1000).toUTCString();
  const set = shards.map((s, i) => `${name}-${i}=${s}; Expires=${expires}; Max-Age=${maxAgeSeconds}; ${ATTRIBUTES}`);
  const stale = [...held.keys()].filter((k) => k.startsWith(`${name}-`) && Number(k.slice(name.length + 1)) >= shards.length);
  return [...set, ...stale.map(expiredCookie)];
}

/** A `Set-Cookie` value holding `value` for `maxAgeSeconds`. */
export function cookie(name: string, value: string, maxAgeSeconds: number): string {
  return `${name}=${value}; Max-Age=${maxAgeSeconds}; ${ATTRIBUTES}`;
}

/** A `Set-Cookie` value that makes the browser drop the cookie. */
export function expiredCookie(name: string): string {
  return `${name}=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; ${ATTRIBUTES}`;
}

/**
 * Whether the service's `Set-Cookie` answers expire the first session shard: its sign-out route,
 * since the ALB itself has no sign-out. A cookie is expired by `Max-Age` <= 0 or a past `Expires`.
 */
export function expiresSession(setCookies: readonly string[], name: string, now: number = Date.now()): boolean {
  return setCookies.some((c) => {
    const [pair, ...attributes] = c.split(';');
    if (pair.slice(0, pair.indexOf('=')).trim() !== `${name}-0`) return false;
    return attributes.some((a) => {
      const [key, ...rest] = a.split('=');
      const value = rest.join('=').trim();
      if (key.trim().toLowerCase() === 'max-age') return /^-?\d+$/.test(value) && Number(value) <= 0;
      return key.trim().toLowerCase() === 'expires' && Date.parse(value) <= now;
    });
  });
}
