/**
 * The hosted UI's cookies: parsing the Cookie header and writing Set-Cookie values.
 * @see https://www.rfc-editor.org/rfc/rfc6265#section-4
 */

/** Name of the hosted-UI session cookie (Cognito's is also `cognito`). */
export const SESSION_COOKIE = 'cognito';
/** Name of the CSRF cookie of the forms (Cognito's is also `XSRF-TOKEN`). */
export const CSRF_COOKIE = 'XSRF-TOKEN';

/** The cookies of a request; the first of repeated names wins, unparsable pairs are skipped. */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const pair of (header ?? '').split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 1) continue;
    const name = pair.slice(0, eq).trim();
    if (!cookies.has(name)) cookies.set(name, pair.slice(eq + 1).trim());
  }
  return cookies;
}

/**
 * A Set-Cookie value: HttpOnly, SameSite=Lax, Path=/. Not Secure, because the issuer serves plain
 * http on 127.0.0.1 and a Secure cookie would never come back there (curl, for one, drops it).
 */
export function setCookie(name: string, value: string, maxAgeSeconds: number): string {
  return `${name}=${value}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax`;
}

/** A Set-Cookie value that deletes the cookie. */
export function clearCookie(name: string): string {
  return `${name}=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax`;
}
