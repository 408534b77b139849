/**
 * `x-amzn-oidc-data` tokens as an ALB with Cognito sign-in forwards them: ES256, the signer and client
 * in the header, the user's claims in the payload, padded base64url segments.
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-authenticate-users.html#user-claims-encoding
 */
import type { DevCredentials } from './credentials-store';
import { IssuerConfigError } from './issuer-config-error';
import { cognitoIssuer, IssuerSpec } from './issuer-spec';
import { uuidFromString } from './private/cognito-ids';
import { signJwt } from './private/sign-jwt';

/** Where the local server serves the ALB public keys; `ALB_PUBLIC_KEYS_URI` is the server's URL plus this. */
export const ALB_KEYS_PATH = '/alb-keys';

/** The signed-in user a local ALB token is for. */
export interface LocalUser {
  readonly email: string;
  /**
   * Cognito's user id.
   * @default a UUID derived from the email, so the same email is always the same user
   */
  readonly sub?: string;
  /**
   * Cognito user name.
   * @default the sub
   */
  readonly username?: string;
}

/** Signs an `x-amzn-oidc-data` value for the user, valid for the ALB session timeout. */
export function signAlbToken(spec: IssuerSpec, credentials: DevCredentials, user: LocalUser, now: number = Date.now()): string {
  const sub = user.sub ?? uuidFromString(user.email);
  const exp = Math.floor(now / 1000) + (spec.userAuth?.sessionTimeoutSeconds ?? 0);
  // The ALB forwards the user pool's userinfo response, where email_verified is a string.
  return signAlbClaims(spec, credentials, { sub, email_verified: 'true', email: user.email, username: user.username ?? sub }, exp);
}

/**
 * Signs an `x-amzn-oidc-data` value as the ALB does after a sign-in: the userInfo claims, then `exp`
 * (seconds since the epoch) and the pool's `iss`, which the claims cannot override.
 */
export function signAlbClaims(spec: IssuerSpec, credentials: DevCredentials, claims: Readonly<Record<string, unknown>>, exp: number): string {
  const webClient = spec.userAuth && credentials.clients.get(spec.userAuth.webClientName);
  if (!spec.userAuth || !credentials.albKey || !webClient) {
    throw new IssuerConfigError(`service ${spec.service} has no userAuth, so there is no ALB to imitate; set userAuth in .projenrc.ts and run \`npx projen\`.`);
  }
  const iss = cognitoIssuer(spec);
  const header = {
    typ: 'JWT',
    kid: credentials.albKey.kid,
    alg: credentials.albKey.alg,
    iss,
    client: webClient.clientId,
    signer: spec.userAuth.albArn,
    exp,
  };
  return signJwt(header, { ...claims, exp, iss }, credentials.albKey, 'padded');
}

/** The ALB key as `public-keys.auth.elb.<region>.amazonaws.com/<kid>` serves it: an SPKI PEM. */
export function albPublicKeyPem(credentials: DevCredentials): string | undefined {
  return credentials.albKey?.publicKey.export({ type: 'spki', format: 'pem' }) as string | undefined;
}
