import { createPublicKey } from 'node:crypto';
import { AlbJwtVerifier } from 'aws-jwt-verify';
import { AlbJwksCache } from 'aws-jwt-verify/alb-cache';
import type { AlbJwtPayload, JwtHeader, JwtPayload } from 'aws-jwt-verify/jwt-model';
import type { RequestHandler } from 'express';
import { ConfigError, InvalidTokenError, toTokenError, UnauthorizedError } from './errors';
import { createKeyFetcher, fetchUrlProblem } from './key-fetcher';

/** What an `alb-user` route's handler finds in `res.locals.auth`. */
export interface AlbUserAuthContext {
  /** Discriminates the context. */
  readonly kind: 'alb-user';
  /** The user's subject, equal to the `x-amzn-oidc-identity` header. */
  readonly sub: string;
  /** Every verified claim of `x-amzn-oidc-data`. */
  readonly claims: AlbJwtPayload;
}

declare module './route' {
  interface AuthContexts {
    /** The caller of an `alb-user` route. */
    readonly 'alb-user': AlbUserAuthContext;
  }
}

/** Verifies the `x-amzn-oidc-data` header the ALB adds after authenticating a user; built once per process. */
export interface AlbUserVerifier {
  /** Resolves the verified user claims, or rejects with a 401 UnauthorizedError or a 503 ServiceError. */
  verify(oidcData: string): Promise<AlbJwtPayload>;
}

/** Options of createAlbUserVerifier. */
export interface AlbUserVerifierOptions {
  /** The ARN of the load balancer expected as the token's `signer`. */
  readonly albArn: string;
  /** The app client the load balancer authenticates with, expected as the token's `client`. */
  readonly clientId: string;
  /** The expected `iss`: `https://cognito-idp.<region>.amazonaws.com/<userPoolId>`. */
  readonly issuer: string;
  /**
   * A base URL replacing the ALB public-key endpoint; keys are fetched from `<base>/<kid>`.
   * @default https://public-keys.auth.elb.<region of albArn>.amazonaws.com
   */
  readonly publicKeysUri?: string;
  /**
   * A public key loaded up front, without network (tests).
   * @default none: keys are fetched by kid
   */
  readonly publicKey?: { readonly kid: string; readonly pem: string };
}

/** Creates the ALB user verifier on aws-jwt-verify's AlbJwtVerifier (signer, client, issuer and `exp` required, no `crit`). */
export function createAlbUserVerifier(options: AlbUserVerifierOptions): AlbUserVerifier {
  const problem = options.publicKeysUri === undefined ? undefined : fetchUrlProblem(options.publicKeysUri);
  if (problem) throw new ConfigError([`publicKeysUri "${options.publicKeysUri}" ${problem}`]);
  const base = options.publicKeysUri?.replace(/\/+$/, '');
  // The ALB serves one PEM public key per kid; a 200 answer that is not one starts the fetch cool-down.
  const checkBody = (body: ArrayBuffer): void => {
    if (createPublicKey(Buffer.from(body).toString('utf8')).asymmetricKeyType !== 'ec') throw new Error('the response is not a PEM EC public key');
  };
  const fetcher = createKeyFetcher(undefined, checkBody);
  const verifier = AlbJwtVerifier.create({
    albArn: options.albArn,
    clientId: options.clientId,
    issuer: options.issuer,
    ...(base ? { jwksUri: base } : {}),
    // `exp` is required, and no JWS extension is understood, so a `crit` header is refused (RFC 7515 section 4.1.11).
    customJwtCheck: ({ header, payload }: { header: JwtHeader; payload: JwtPayload }) => {
      if (typeof payload.exp !== 'number' || 'crit' in header) throw new InvalidTokenError();
    },
  }, { jwksCache: new AlbJwksCache({ fetcher }) });
  if (options.publicKey) {
    const jwk = createPublicKey(options.publicKey.pem).export({ format: 'jwk' });
    verifier.cacheJwks({ keys: [{ ...jwk, kty: 'EC', kid: options.publicKey.kid, alg: 'ES256', use: 'sig' }] });
  }
  return {
    verify: (oidcData) => verifier.verify(oidcData).catch((err: unknown) => {
      const error = toTokenError(err);
      throw error.status === 401 ? new UnauthorizedError('The load balancer user claims are invalid') : error;
    }),
  };
}

/**
 * Express middleware for `alb-user` routes: verifies the ALB's `x-amzn-oidc-data`, requires
 * `x-amzn-oidc-identity` to name the same subject, and sets `res.locals.auth`; 401 otherwise.
 */
export function albUserAuth(verifier: AlbUserVerifier): RequestHandler {
  return (req, res, next) => {
    const data = req.headers['x-amzn-oidc-data'];
    const identity = req.headers['x-amzn-oidc-identity'];
    if (typeof data !== 'string' || typeof identity !== 'string' || data === '' || identity === '') {
      return next(new UnauthorizedError('This route requires a user signed in at the load balancer'));
    }
    verifier.verify(data).then((claims) => {
      if (claims.sub !== identity) return next(new UnauthorizedError('The load balancer identity does not match its user claims'));
      res.locals.auth = { kind: 'alb-user', sub: claims.sub, claims };
      next();
    }, next);
  };
}
