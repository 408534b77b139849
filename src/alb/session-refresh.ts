/**
 * Keeps a session's tokens fresh as the ALB does: once the access token has expired, the refresh
 * token buys new tokens and claims, until the session itself times out.
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-authenticate-users.html#authentication-flow
 */
import type { AlbContext, AlbSignIn } from './alb-context';
import { IdpError, refreshTokens } from './idp-client';
import type { CognitoAuth } from './ingress-model';
import type { Session } from './session-store';
import { sessionTokens } from './sign-in-flow';

/** A session after a successful refresh, with the `Set-Cookie` values that store it. */
export interface RefreshedSession {
  readonly session: Session;
  readonly cookies: readonly string[];
}

/**
 * The refreshed session, or undefined when it cannot be refreshed (no refresh token, the IdP refuses
 * or is unreachable, another user comes back): the session is then ended and the user signs in again.
 */
export async function refreshSession(ctx: AlbContext, signIn: AlbSignIn, session: Session, auth: CognitoAuth,
  held: Map<string, string | undefined>): Promise<RefreshedSession | undefined> {
  try {
    if (session.refreshToken === undefined) throw new IdpError('no refresh token');
    const tokens = await refreshTokens(signIn.endpoints, signIn.client, session.refreshToken);
    // A refreshed ID token carries no nonce; everything else is checked as at sign-in.
    const fields = await sessionTokens(signIn, tokens, null);
    if (fields.claims.sub !== session.claims.sub) throw new IdpError('the refresh came back for another user');
    return ctx.sessions.update(session, auth, { ...fields, refreshToken: fields.refreshToken ?? session.refreshToken }, held);
  } catch (e) {
    if (!(e instanceof IdpError)) throw e;
    ctx.sessions.revoke(session.sid);
    return undefined;
  }
}
