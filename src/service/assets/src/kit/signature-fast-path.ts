import { createPublicKey, verify, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { JwksCache } from 'aws-jwt-verify/jwk';
import type { DecomposedJwt } from 'aws-jwt-verify/jwt';

/** The shortest RSA key accepted for RS256 (RFC 7518 section 3.3). */
export const MIN_RSA_BITS = 2048;

// Keyed by the JWK object: a JWKS refresh replaces the objects, which drops stale keys.
const rsaKeys = new WeakMap<object, KeyObject | null>();

/**
 * The RSA JWK as a KeyObject, imported and measured once per JWK object, or null when it is shorter
 * than MIN_RSA_BITS. Throws when Node cannot import it.
 */
export function rsaKeyOf(jwk: object): KeyObject | null {
  let key = rsaKeys.get(jwk);
  if (key === undefined) {
    const imported = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
    key = (imported.asymmetricKeyDetails?.modulusLength ?? 0) < MIN_RSA_BITS ? null : imported;
    rsaKeys.set(jwk, key);
  }
  return key;
}

/**
 * Checks the RS256 signature of a token whose key aws-jwt-verify already holds, cheaper and off the
 * event loop: one KeyObject per JWK and a one-shot crypto.verify with a callback, which runs on
 * libuv's thread pool, instead of the library's streaming Verify on the main thread. It only answers
 * for the common case (RS256, an RSA key in the cached JWKS) and otherwise returns undefined, so the
 * caller falls back to aws-jwt-verify's complete verify().
 */
export class SignatureFastPath {
  constructor(
    private readonly jwksCache: JwksCache,
    private readonly jwksUri: string,
  ) {}

  /** Resolves whether the signature is valid, or returns undefined when this token needs the full library path. */
  check(token: DecomposedJwt): Promise<boolean> | undefined {
    const key = token.header.alg === 'RS256' ? this.keyFor(token) : undefined;
    if (key === undefined) return undefined;
    const signingInput = Buffer.from(`${token.headerB64}.${token.payloadB64}`);
    const signature = Buffer.from(token.signatureB64, 'base64url');
    return new Promise((resolve) => {
      verify('sha256', signingInput, key, signature, (err, valid) => resolve(err === null && valid));
    });
  }

  private keyFor(token: DecomposedJwt): KeyObject | undefined {
    try {
      const jwk = this.jwksCache.getCachedJwk(this.jwksUri, token);
      if (jwk.kty !== 'RSA' || (jwk.use ?? 'sig') !== 'sig' || (jwk.alg ?? 'RS256') !== 'RS256') return undefined;
      // A short key is left to the library path, where the kit's own checks refuse it.
      return rsaKeyOf(jwk) ?? undefined;
    } catch {
      // Not loaded yet, unknown kid or unusable key: aws-jwt-verify decides (and refetches) instead.
      return undefined;
    }
  }
}
