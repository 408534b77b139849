import { createPublicKey } from 'node:crypto';
import { AlbJwtVerifier } from 'aws-jwt-verify';
import { AlbJwksCache } from 'aws-jwt-verify/alb-cache';
import type { JwtHeader, JwtPayload } from 'aws-jwt-verify/jwt-model';
import { ConfigError, toTokenError, UnauthorizedError, type TokenRejection } from './errors';
import { createKeyFetcher } from './key-fetcher';
import type { AlbUserClaims } from './route';
import { fetchUrlProblem } from './url-policy';

/** Verifies the `x-amzn-oidc-data` header the ALB adds after authenticating a user; built once per process. */
export interface AlbUserVerifier {
  /** Resolves the verified user claims, or rejects with UnauthorizedError (401) or ServiceUnavailableError (503). */
  verify(oidcData: string): Promise<AlbUserClaims>;
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

const REJECTION_TEXT: Readonly<Record<TokenRejection, string>> = {
  malformed: 'The load balancer user claims are malformed',
  expired: 'The load balancer user claims have expired',
  invalid: 'The load balancer user claims are invalid',
};
const reject = (reason: TokenRejection): UnauthorizedError => new UnauthorizedError(REJECTION_TEXT[reason], undefined);

/** Creates the ALB user verifier on aws-jwt-verify's AlbJwtVerifier (signer, client, issuer and `exp` required, no `crit`). */
export function createAlbUserVerifier(options: AlbUserVerifierOptions): AlbUserVerifier {
  const problem = options.publicKeysUri === undefined ? undefined : fetchUrlProblem(options.publicKeysUri);
  if (problem) throw new ConfigError([`publicKeysUri "${options.publicKeysUri}" ${problem}`]);
  const verifier = AlbJwtVerifier.create({
    albArn: options.albArn,
    clientId: options.clientId,
    issuer: options.issuer,
    ...(options.publicKeysUri ? { jwksUri: options.publicKeysUri.replace(/\/+$/, '') } : {}),
    // `exp` is required, and no JWS extension is understood, so a `crit` header is refused (RFC 7515 section 4.1.11).
    customJwtCheck: ({ header, payload }: { header: JwtHeader; payload: JwtPayload }) => {
      if (typeof payload.exp !== 'number' || 'crit' in header) throw reject('invalid');
    },
  // The ALB serves one PEM public key per kid; a 200 answer that is not one starts the fetch cool-down.
  }, { jwksCache: new AlbJwksCache({ fetcher: createKeyFetcher({ maxBytes: 8192, checkBody: assertEcPublicKeyPem }) }) });
  if (options.publicKey) {
    const jwk = createPublicKey(options.publicKey.pem).export({ format: 'jwk' });
    verifier.cacheJwks({ keys: [{ ...jwk, kty: 'EC', kid: options.publicKey.kid, alg: 'ES256', use: 'sig' }] });
  }
  return { verify: (oidcData) => verifier.verify(oidcData).catch((err: unknown) => Promise.reject(toTokenError(err, reject))) };
}

function assertEcPublicKeyPem(body: ArrayBuffer): void {
  if (createPublicKey(Buffer.from(body).toString('utf8')).asymmetricKeyType !== 'ec') throw new Error('the response is not a PEM EC public key');
}
