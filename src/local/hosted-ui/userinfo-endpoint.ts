/**
 * `GET /oauth2/userInfo`: the signed-in user's claims for an access token that holds `openid`, with
 * `email_verified` as a string as Cognito (and so the ALB's `x-amzn-oidc-data`) has it.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/userinfo-endpoint.html
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3
 */
import type { SigningKey } from '../credentials-store';
import type { IssuerReply } from '../issuer-reply';
import { cognitoIssuer } from '../issuer-spec';
import type { HostedUi } from './hosted-ui';
import { verifiedPayload } from '../private/verify-jwt';

/** Path of the endpoint, spelled as Cognito spells it. */
export const USERINFO_PATH = '/oauth2/userInfo';

/** Answers a userInfo request from its Authorization header. */
export function handleUserInfo(ui: HostedUi | undefined, authorization: string | undefined, signingKey: SigningKey): IssuerReply {
  // RFC 6750 section 3.1: a request without bearer credentials gets a challenge without an error code.
  if (!/^Bearer(\s|$)/i.test(authorization ?? '')) return challenge(undefined, 'no bearer token');
  const match = /^Bearer +([A-Za-z0-9._-]+) *$/i.exec(authorization!);
  if (!match) return challenge('invalid_request', 'malformed bearer token');
  const claims = verifiedPayload(match[1], signingKey);
  const now = Math.floor((ui?.now() ?? Date.now()) / 1000);
  const usable = ui !== undefined && claims !== undefined
    && claims.iss === cognitoIssuer(ui.spec)
    && claims.token_use === 'access'
    && claims.client_id === ui.client.clientId
    && typeof claims.exp === 'number' && claims.exp > now
    && typeof claims.scope === 'string' && claims.scope.split(' ').includes('openid');
  const user = usable && typeof claims.sub === 'string' ? ui.users.findBySub(claims.sub) : undefined;
  if (!user?.confirmed) return challenge('invalid_token', 'token invalid, expired, without openid, or its user is gone');
  return {
    status: 200,
    body: { sub: user.sub, email_verified: String(user.emailVerified), email: user.email, username: user.sub },
    headers: { 'Cache-Control': 'no-store' },
    note: 'userinfo',
  };
}

function challenge(error: string | undefined, note: string): IssuerReply {
  const params = error ? ` error="${error}"` : '';
  return {
    status: error === 'invalid_request' ? 400 : 401,
    body: error ? { error } : { message: 'no bearer token' },
    headers: { 'WWW-Authenticate': `Bearer${params}`, 'Cache-Control': 'no-store' },
    note,
  };
}
