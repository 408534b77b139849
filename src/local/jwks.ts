/**
 * The user pool's public documents: its JWKS and its OpenID discovery document, pointing at the local server.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
 */
import type { SigningKey } from './credentials-store';
import { cognitoIssuer, IssuerSpec } from './issuer-spec';

/** A JSON Web Key Set with the RS256 public key, as Cognito serves it. */
export function toJwks(key: SigningKey): { keys: Record<string, string>[] } {
  const { n, e } = key.publicKey.export({ format: 'jwk' });
  return { keys: [{ alg: key.alg, e: e!, kid: key.kid, kty: 'RSA', n: n!, use: 'sig' }] };
}

/** Path of the pool's JWKS on the local server, `/<pool id>/.well-known/jwks.json` as on Cognito. */
export function jwksPath(spec: IssuerSpec): string {
  return `/${spec.userPoolId}/.well-known/jwks.json`;
}

/** Path of the pool's OpenID discovery document on the local server. */
export function openIdConfigurationPath(spec: IssuerSpec): string {
  return `/${spec.userPoolId}/.well-known/openid-configuration`;
}

/**
 * The discovery document: `issuer` stays Cognito's, because that is what tokens carry; the endpoints
 * are the local server's, and only what the issuer implements is advertised.
 */
export function openIdConfiguration(spec: IssuerSpec, baseUrl: string): Record<string, unknown> {
  return {
    issuer: cognitoIssuer(spec),
    jwks_uri: `${baseUrl}${jwksPath(spec)}`,
    token_endpoint: `${baseUrl}/oauth2/token`,
    ...(spec.userAuth && {
      authorization_endpoint: `${baseUrl}/oauth2/authorize`,
      userinfo_endpoint: `${baseUrl}/oauth2/userInfo`,
      end_session_endpoint: `${baseUrl}/logout`,
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
    }),
    grant_types_supported: spec.userAuth ? ['client_credentials', 'authorization_code', 'refresh_token'] : ['client_credentials'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    scopes_supported: [...new Set([...spec.clients.flatMap((c) => c.scopes), ...spec.userAuth?.scopes ?? []])],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
  };
}
