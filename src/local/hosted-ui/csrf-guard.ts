/**
 * CSRF protection of the hosted UI's forms by signed double submit: the `XSRF-TOKEN` cookie holds a
 * random value and each form an HMAC of it under a key that never leaves the process, so a site that
 * can plant a cookie (any other port of 127.0.0.1 can) still cannot produce the matching form field.
 * @see https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A cookie value and the `_csrf` field that goes with it. */
export interface CsrfPair {
  readonly cookie: string;
  readonly field: string;
}

/** Issues and checks CSRF pairs with a per-process key. */
export class CsrfGuard {
  private readonly key = randomBytes(32);

  /** The pair for an existing well-formed cookie value, or for a new one. */
  public pairFor(cookie: string | undefined): CsrfPair {
    const value = cookie && /^[A-Za-z0-9_-]{43}$/.test(cookie) ? cookie : randomBytes(32).toString('base64url');
    return { cookie: value, field: this.sign(value) };
  }

  /** Whether the form field matches the cookie; constant-time. */
  public check(cookie: string | undefined, field: string | undefined): boolean {
    if (!cookie || !field) return false;
    const expected = Buffer.from(this.sign(cookie));
    const given = Buffer.from(field);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private sign(value: string): string {
    return createHmac('sha256', this.key).update(value).digest('base64url');
  }
}
