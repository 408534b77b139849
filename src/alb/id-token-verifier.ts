/**
 * Checks the ID token of the code exchange as the ALB does before it trusts the sign-in: RS256
 * signature against the pool's JWKS, then `iss`, `aud` (the web client), `token_use`, `exp` and the
 * `nonce` the ALB sent. Written on node:crypto, as the kit has no runtime JWT dependency.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
 */
import { createPublicKey, KeyObject, timingSafeEqual, verify } from 'node:crypto';
import { fetchJson, IdpError } from './idp-client';

/** What the ID token must say. */
export interface IdTokenExpectations {
  readonly issuer: string;
  readonly clientId: string;
  /** The `nonce` of the authorize request; `null` skips the check, for the ID token of a refresh, which has none. */
  readonly nonce: string | null;
}

/** Unknown key ids refetch the JWKS at most this often, so a flood of bad tokens cannot hammer the IdP. */
const REFETCH_INTERVAL_MS = 5000;
const SEGMENT = /^[A-Za-z0-9_-]+$/;

/** Verifies ID tokens against one JWKS URL, caching its keys by `kid`. */
export class IdTokenVerifier {
  private keys = new Map<string, KeyObject>();
  private fetchedAt = -Infinity;

  constructor(private readonly jwksUrl: string) {}

  /** The verified claims; rejects with `IdpError` naming the first check that failed. */
  public async verify(token: string, expected: IdTokenExpectations, now: number = Date.now()): Promise<Record<string, unknown>> {
    const segments = token.split('.');
    if (segments.length !== 3 || !segments.every((s) => SEGMENT.test(s))) throw new IdpError('ID token is not a compact JWS');
    const header = decode(segments[0]);
    const claims = decode(segments[1]);
    if (header.alg !== 'RS256' || typeof header.kid !== 'string') throw new IdpError('ID token is not signed RS256 with a kid');
    const key = await this.key(header.kid, now);
    const signed = verify('sha256', Buffer.from(`${segments[0]}.${segments[1]}`), key, Buffer.from(segments[2], 'base64url'));
    if (!signed) throw new IdpError('ID token signature does not verify');
    const aud = Array.isArray(claims.aud) && claims.aud.length === 1 ? claims.aud[0] : claims.aud;
    const failed = claims.iss !== expected.issuer ? 'iss'
      : aud !== expected.clientId ? 'aud'
        : claims.token_use !== 'id' ? 'token_use'
          : typeof claims.exp !== 'number' || claims.exp <= now / 1000 ? 'exp'
            : typeof claims.sub !== 'string' ? 'sub'
              : expected.nonce !== null && !sameText(claims.nonce, expected.nonce) ? 'nonce' : undefined;
    if (failed) throw new IdpError(`ID token ${failed} is not the expected one`);
    return claims;
  }

  private async key(kid: string, now: number): Promise<KeyObject> {
    if (!this.keys.has(kid) && now - this.fetchedAt >= REFETCH_INTERVAL_MS) {
      this.fetchedAt = now;
      this.keys = parseJwks(await fetchJson('JWKS', this.jwksUrl));
    }
    const key = this.keys.get(kid);
    if (!key) throw new IdpError('ID token kid is not in the JWKS');
    return key;
  }
}

function parseJwks(jwks: Record<string, unknown>): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  for (const jwk of Array.isArray(jwks.keys) ? jwks.keys : []) {
    if (jwk?.kty !== 'RSA' || typeof jwk.kid !== 'string' || (jwk.alg !== undefined && jwk.alg !== 'RS256')) continue;
    try {
      const key = createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' });
      // Cognito's keys are 2048-bit; anything weaker is not a pool key.
      if ((key.asymmetricKeyDetails?.modulusLength ?? 0) >= 2048) keys.set(jwk.kid, key);
    } catch {
      // A malformed key is skipped, as if it were not published.
    }
  }
  return keys;
}

function decode(segment: string): Record<string, any> {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, any>;
  } catch {
    // Reported below.
  }
  throw new IdpError('ID token is not a compact JWS');
}

/** Constant-time equality of two strings. */
export function sameText(a: unknown, b: string): boolean {
  if (typeof a !== 'string') return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
