/**
 * ID and access tokens for a signed-in user, shaped like a Cognito user pool's and signed with the
 * pool's RS256 key, so the service verifies them exactly as it verifies Cognito's.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html
 */
import { createHash, randomUUID } from 'node:crypto';
import type { SigningKey } from '../credentials-store';
import { cognitoIssuer, IssuerSpec } from '../issuer-spec';
import type { PoolUser } from './user-store';
import { signJwt } from '../private/sign-jwt';

/** Who the tokens are for and what they grant. */
export interface UserGrant {
  readonly sub: string;
  readonly clientId: string;
  readonly scopes: readonly string[];
  /** When the user signed in, in seconds since the epoch. */
  readonly authTime: number;
  /** The `jti` of the first access token of this sign-in; refreshed tokens keep it. */
  readonly originJti: string;
  readonly nonce?: string;
}

/** Signed tokens of one token response; no ID token without the `openid` scope. */
export interface UserTokens {
  readonly accessToken: string;
  readonly idToken?: string;
  readonly expiresIn: number;
}

/** Signs the access token and, with `openid`, the ID token for the user. */
export function issueUserTokens(spec: IssuerSpec, key: SigningKey, user: PoolUser, grant: UserGrant, now: number): UserTokens {
  const iat = Math.floor(now / 1000);
  const iss = cognitoIssuer(spec);
  const header = { kid: key.kid, alg: key.alg };
  const expiresIn = spec.accessTokenValiditySeconds;
  // With e-mail usernames, Cognito's username is the sub.
  const accessToken = signJwt(header, {
    sub: user.sub,
    iss,
    version: 2,
    client_id: grant.clientId,
    origin_jti: grant.originJti,
    token_use: 'access',
    scope: grant.scopes.join(' '),
    auth_time: grant.authTime,
    exp: iat + expiresIn,
    iat,
    jti: randomUUID(),
    username: user.sub,
  }, key);
  if (!grant.scopes.includes('openid')) return { accessToken, expiresIn };
  const idToken = signJwt(header, {
    'at_hash': atHash(accessToken),
    'sub': user.sub,
    'email_verified': user.emailVerified,
    iss,
    'cognito:username': user.sub,
    'origin_jti': grant.originJti,
    'aud': grant.clientId,
    'token_use': 'id',
    'auth_time': grant.authTime,
    ...(grant.nonce !== undefined && { nonce: grant.nonce }),
    'exp': iat + (spec.userAuth?.idTokenValiditySeconds ?? expiresIn),
    iat,
    'jti': randomUUID(),
    'email': user.email,
  }, key);
  return { accessToken, idToken, expiresIn };
}

/** OpenID Connect's at_hash: the left half of the access token's SHA-256, base64url. */
function atHash(accessToken: string): string {
  return createHash('sha256').update(accessToken).digest().subarray(0, 16).toString('base64url');
}
