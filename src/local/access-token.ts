/**
 * Access tokens shaped like the ones a Cognito user pool issues for the client-credentials grant.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html
 */
import { randomUUID } from 'node:crypto';
import type { SigningKey } from './credentials-store';
import { cognitoIssuer, IssuerSpec } from './issuer-spec';
import { signJwt } from './private/sign-jwt';

/** The claims of a client-credentials access token, in Cognito's order; there is no `aud`. */
export interface AccessTokenClaims {
  /** The client id: with no user, the client is the subject. */
  readonly sub: string;
  readonly token_use: 'access';
  /** Granted full scope names, space-separated. */
  readonly scope: string;
  readonly auth_time: number;
  readonly iss: string;
  readonly exp: number;
  readonly iat: number;
  readonly version: 2;
  readonly jti: string;
  readonly client_id: string;
}

/** A signed access token and its lifetime in seconds (the token response's `expires_in`). */
export interface IssuedAccessToken {
  readonly accessToken: string;
  readonly expiresIn: number;
}

/** Signs an access token for the client with the granted scopes. */
export function issueAccessToken(
  spec: IssuerSpec, key: SigningKey, clientId: string, scopes: readonly string[], now: number = Date.now(),
): IssuedAccessToken {
  const iat = Math.floor(now / 1000);
  const expiresIn = spec.accessTokenValiditySeconds;
  const claims: AccessTokenClaims = {
    sub: clientId,
    token_use: 'access',
    scope: scopes.join(' '),
    auth_time: iat,
    iss: cognitoIssuer(spec),
    exp: iat + expiresIn,
    iat,
    version: 2,
    jti: randomUUID(),
    client_id: clientId,
  };
  return { accessToken: signJwt({ kid: key.kid, alg: key.alg }, claims, key), expiresIn };
}
