import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { validateCognitoJwtFields } from 'aws-jwt-verify/cognito-verifier';
import { JwksValidationError } from 'aws-jwt-verify/error';
import { assertIsJwks, SimpleJwksCache, type Jwk, type Jwks } from 'aws-jwt-verify/jwk';
import { validateJwtFields } from 'aws-jwt-verify/jwt';
import type { JwtHeader, JwtPayload } from 'aws-jwt-verify/jwt-model';
import { safeJsonParse, type Json } from 'aws-jwt-verify/safe-json-parse';
import { decomposeJwt } from './decompose-jwt';
import { ConfigError, InvalidTokenError } from './errors';
import { createKeyFetcher } from './key-fetcher';
import type { BearerAuthContext, BearerClaims } from './route';
import { rsaKeyOf, SignatureFastPath } from './signature-fast-path';
import { VerifiedTokenCache } from './token-cache';
import { toTokenError } from './token-errors';

/** The canonical spelling of a bearer credential's scheme (RFC 6750 section 2.1), followed by one space. */
export const BEARER_PREFIX = 'Bearer ';

/** Verifies Cognito access tokens for the bearer routes; built once per process. */
export interface BearerVerifier {
  /** Resolves the verified claims, or rejects with InvalidTokenError (401) or ServiceUnavailableError (503). */
  verify(token: string): Promise<BearerClaims>;
  /**
   * The caller of a token verified before that has not expired, looked up by the exact Authorization
   * header value `Bearer <token>` without verifying or even parsing it again; undefined otherwise.
   */
  peek?(authorization: string): BearerAuthContext | undefined;
  /** Whether the pool's signing keys (JWKS) are loaded. */
  isReady(): boolean;
  /** Downloads the JWKS now; rejects with ServiceUnavailableError when it cannot. */
  hydrate(): Promise<void>;
}

/** Options of createBearerVerifier. */
export interface BearerVerifierOptions {
  /** The Cognito user pool id, e.g. eu-west-1_AbCdEf123. */
  readonly userPoolId: string;
  /** The app clients whose tokens are accepted; `'*'` (explicit, never a default) accepts any client of the pool. */
  readonly clientIds: readonly string[] | '*';
  /**
   * A JWKS URL fetched instead of the pool's (https, or http on loopback only).
   * @default https://cognito-idp.<region>.amazonaws.com/<userPoolId>/.well-known/jwks.json
   */
  readonly jwksUri?: string;
  /**
   * Signing keys loaded up front, without network (tests).
   * @default none: keys are fetched
   */
  readonly jwks?: { keys: object[] };
}

/**
 * Creates the access-token verifier on aws-jwt-verify's CognitoJwtVerifier (token_use access, the
 * allowed clients, RS256 and `exp` required), with a cache of verified tokens and a cheaper signature
 * check for the common case whose claims aws-jwt-verify still validates.
 */
export function createBearerVerifier(options: BearerVerifierOptions): BearerVerifier {
  if (options.clientIds !== '*' && options.clientIds.length === 0) {
    throw new ConfigError(['clientIds is empty: list the accepted app client ids, or pass \'*\' to accept any client of the pool']);
  }
  const clientId = options.clientIds === '*' ? null : [...options.clientIds];
  const { issuer, jwksUri } = CognitoJwtVerifier.parseUserPoolId(options.userPoolId);
  let ready = false;
  const jwksCache = new SimpleJwksCache({
    // A 200 answer that is not a JWKS counts as a failed fetch (cool-down), then parses for the cache.
    fetcher: createKeyFetcher({ url: options.jwksUri, checkBody: parseJwks }),
    jwksParser: (body) => {
      const jwks = parseJwks(body);
      ready = true;
      return jwks;
    },
  });
  const verifier = CognitoJwtVerifier.create(
    { userPoolId: options.userPoolId, tokenUse: 'access', clientId, customJwtCheck: assertKitRules },
    { jwksCache },
  );
  if (options.jwks) {
    const jwks = options.jwks as unknown as Json;
    assertIsJwks(jwks);
    verifier.cacheJwks(jwks);
    ready = true;
  }
  const fastPath = new SignatureFastPath(jwksCache, jwksUri);
  // Keyed by the canonical Authorization value, so a request sent that way is found without slicing
  // its header; holds the finished auth context, so a hit allocates nothing.
  const cache = new VerifiedTokenCache<BearerAuthContext>();

  // The common case (regional issuer, cached RS256 key): fast signature check, then aws-jwt-verify's
  // own claim validation. Anything else takes the library's complete verify(), which also refetches keys.
  async function verifyUncached(token: string): Promise<BearerClaims> {
    const jwt = decomposeJwt(token);
    // One token, one spelling: padding or stray low bits in the signature would let copies of a
    // token differ as strings (RFC 7515 uses unpadded base64url).
    if (Buffer.from(jwt.signatureB64, 'base64url').toString('base64url') !== jwt.signatureB64) {
      throw new InvalidTokenError('The access token is malformed');
    }
    const signed = jwt.payload.iss === issuer ? fastPath.check(jwt) : undefined;
    if (signed === undefined) return verifier.verify(token);
    if (!(await signed)) throw new InvalidTokenError('The access token is invalid');
    validateJwtFields(jwt.payload, { issuer, audience: null });
    validateCognitoJwtFields(jwt.payload, { tokenUse: 'access', clientId });
    assertKitRules(jwt);
    return jwt.payload as BearerClaims;
  }

  return {
    peek: (authorization) => cache.get(authorization),
    async verify(token) {
      const credential = `${BEARER_PREFIX}${token}`;
      const hit = cache.get(credential);
      if (hit !== undefined) return hit.claims;
      try {
        const claims = deepFreeze(await verifyUncached(token));
        cache.set(credential, bearerContextOf(claims), claims.exp);
        return claims;
      } catch (err) {
        throw toTokenError(err);
      }
    },
    isReady: () => ready,
    async hydrate() {
      try {
        await verifier.hydrate();
      } catch (err) {
        throw toTokenError(err);
      }
    },
  };
}

/** What a `bearer` route's handler finds in `res.locals.auth` for these verified claims (frozen). */
export function bearerContextOf(claims: BearerClaims): BearerAuthContext {
  const scopes = typeof claims.scope === 'string' && claims.scope !== '' ? claims.scope.split(' ') : [];
  return Object.freeze({ kind: 'bearer', clientId: claims.client_id, scopes: Object.freeze(scopes), claims });
}

// A JWKS endpoint answering HTML must read as broken keys (503), not as a bug (500).
function parseJwks(body: ArrayBuffer): Jwks {
  let jwks: Json;
  try {
    jwks = safeJsonParse(Buffer.from(body).toString('utf8'));
  } catch {
    throw new JwksValidationError('JWKS is not valid JSON');
  }
  assertIsJwks(jwks);
  return jwks;
}

// Cached claims are shared by every request that presents the token, so no handler may change them.
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}

// Stricter than aws-jwt-verify's defaults: Cognito signs RS256 only, a token without exp never
// expires, this verifier understands no JWS extension, so any `crit` header must be refused
// (RFC 7515 section 4.1.11; Cognito never sets it), and RS256 keys have at least 2048 bits (RFC 7518
// section 3.3). The signature fast path never takes a shorter key, so only the library path needs `jwk`.
function assertKitRules(jwt: { header: JwtHeader; payload: JwtPayload; jwk?: Jwk }): void {
  if (jwt.header.alg !== 'RS256' || typeof jwt.payload.exp !== 'number' || 'crit' in jwt.header
    || (jwt.jwk !== undefined && rsaKeyOf(jwt.jwk) === null)) {
    throw new InvalidTokenError('The access token is invalid');
  }
}
