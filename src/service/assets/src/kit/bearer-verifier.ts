import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { validateCognitoJwtFields } from 'aws-jwt-verify/cognito-verifier';
import { assertIsJwks, SimpleJwksCache, type Jwk, type Jwks } from 'aws-jwt-verify/jwk';
import { decomposeUnverifiedJwt, validateJwtFields } from 'aws-jwt-verify/jwt';
import type { CognitoAccessTokenPayload, JwtHeader, JwtPayload } from 'aws-jwt-verify/jwt-model';
import { ConfigError, InvalidTokenError, toTokenError } from './errors';
import { createKeyFetcher } from './key-fetcher';
import type { BearerAuthContext } from './route';
import { checkSignature, rsaKeyOf } from './signature-fast-path';
import { VerifiedTokenCache } from './token-cache';

/** Verifies Cognito access tokens for the bearer routes; built once per process. */
export interface BearerVerifier {
  /** Resolves the verified claims, or rejects with a 401 (InvalidTokenError) or 503 ServiceError. */
  verify(token: string): Promise<CognitoAccessTokenPayload>;
  /** The caller of a token verified before and not expired, found by the exact header value `Bearer <token>` without parsing it. */
  peek?(authorization: string): BearerAuthContext | undefined;
  /** Whether the pool's signing keys (JWKS) are loaded. */
  isReady(): boolean;
  /** Downloads the JWKS now; rejects with a 503 ServiceError when it cannot. */
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
  /**
   * Whether RS256 signatures with a cached key are checked on the thread pool (see checkSignature).
   * @default true
   */
  readonly signatureFastPath?: boolean;
}

/** Creates the access-token verifier on aws-jwt-verify's CognitoJwtVerifier (access tokens of the allowed clients, RS256, `exp`). */
export function createBearerVerifier(options: BearerVerifierOptions): BearerVerifier {
  if (options.clientIds !== '*' && options.clientIds.length === 0) {
    throw new ConfigError(['clientIds is empty: list the accepted app client ids, or pass \'*\' to accept any client of the pool']);
  }
  const clientId = options.clientIds === '*' ? null : [...options.clientIds];
  const { issuer, jwksUri } = CognitoJwtVerifier.parseUserPoolId(options.userPoolId);
  // A 200 answer that is not a JWKS counts as a failed fetch (503 and a cool-down), not as a bad token.
  const checkBody = (body: ArrayBuffer): void => assertIsJwks(JSON.parse(Buffer.from(body).toString('utf8')));
  const jwksCache = new SimpleJwksCache({ fetcher: createKeyFetcher(options.jwksUri, checkBody) });
  const verifier = CognitoJwtVerifier.create({ userPoolId: options.userPoolId, tokenUse: 'access', clientId, customJwtCheck: assertKitRules }, { jwksCache });
  if (options.jwks) verifier.cacheJwks(options.jwks as Jwks);
  let ready = options.jwks !== undefined;
  // Keyed by the header value `Bearer <token>` and holding the finished auth context, so a hit allocates nothing.
  const cache = new VerifiedTokenCache<BearerAuthContext>();

  // A token from the pool's regional issuer with a cached key has its signature checked off the event
  // loop and its claims by aws-jwt-verify's own validators; any other takes the library's verify().
  async function verifyUncached(token: string): Promise<CognitoAccessTokenPayload> {
    const jwt = decomposeUnverifiedJwt(token);
    // One token, one spelling: padding or stray low bits in the signature would let copies of a token
    // differ as strings (RFC 7515 uses unpadded base64url).
    if (Buffer.from(jwt.signatureB64, 'base64url').toString('base64url') !== jwt.signatureB64) throw new InvalidTokenError('The access token is malformed');
    const signed = options.signatureFastPath !== false && jwt.payload.iss === issuer ? checkSignature(jwt, jwksCache, jwksUri) : undefined;
    if (signed === undefined) return verifier.verify(token);
    if (!(await signed)) throw new InvalidTokenError();
    validateJwtFields(jwt.payload, { issuer, audience: null });
    validateCognitoJwtFields(jwt.payload, { tokenUse: 'access', clientId });
    assertKitRules(jwt);
    return jwt.payload as CognitoAccessTokenPayload;
  }

  return {
    peek: (authorization) => cache.get(authorization),
    // bearerAuth peeks first; a token sent in another spelling of the scheme is verified again.
    verify: (token) => verifyUncached(token).then((claims) => {
      ready = true;
      cache.set(`Bearer ${token}`, bearerContextOf(deepFreeze(claims)), claims.exp);
      return claims;
    }, (err: unknown) => Promise.reject(toTokenError(err))),
    isReady: () => ready,
    hydrate: () => verifier.hydrate().then(() => {
      ready = true;
    }, (err: unknown) => Promise.reject(toTokenError(err))),
  };
}

/** What a `bearer` route's handler finds in `res.locals.auth` for these verified claims (frozen). */
export function bearerContextOf(claims: CognitoAccessTokenPayload): BearerAuthContext {
  const scopes = typeof claims.scope === 'string' && claims.scope !== '' ? claims.scope.split(' ') : [];
  return Object.freeze({ kind: 'bearer', clientId: claims.client_id, scopes: Object.freeze(scopes), claims });
}

// Cached claims are shared by every request that presents the token, so no handler may change them.
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}

// Stricter than aws-jwt-verify's defaults: Cognito signs RS256 only, a token without exp never expires,
// no JWS extension is understood, so any `crit` header is refused (RFC 7515 section 4.1.11), and RS256
// keys have at least 2048 bits (RFC 7518 section 3.3; the fast path never takes a shorter key).
function assertKitRules(jwt: { header: JwtHeader; payload: JwtPayload; jwk?: Jwk }): void {
  if (jwt.header.alg !== 'RS256' || typeof jwt.payload.exp !== 'number' || 'crit' in jwt.header || (jwt.jwk !== undefined && rsaKeyOf(jwt.jwk) === null)) {
    throw new InvalidTokenError();
  }
}
