import type { RequestHandler } from 'express';

/** The ALB's session cookie (its default name; the spec has no option for another one). */
export const SESSION_COOKIE = 'AWSELBAuthSessionCookie';

/** How many shards the ALB splits its session cookie into: `<name>-0` to `<name>-3`. */
export const SESSION_COOKIE_SHARDS = 4;

/** Where the sign-out route sends the browser once the ALB session cookies are expired. */
export interface SignOutConfig {
  /** The hosted UI's origin, e.g. https://my-api-123.auth.eu-west-1.amazoncognito.com (COGNITO_HOSTED_UI_URL). */
  readonly hostedUiUrl: string;
  /** The app client the ALB signs users in with (ALB_CLIENT_ID). */
  readonly clientId: string;
  /** Where the hosted UI sends the browser after signing out, one of the client's sign-out URLs (SIGN_OUT_REDIRECT_URI). */
  readonly redirectUri: string;
}

// Every shard, so no stale piece outlives the others; the same attributes as the ALB's own cookies.
const EXPIRED_SESSION = Array.from({ length: SESSION_COOKIE_SHARDS }, (_, i) =>
  `${SESSION_COOKIE}-${i}=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; Secure; HttpOnly`);

/**
 * The sign-out route's handler: the ALB has no sign-out of its own, so the service expires the ALB's
 * session cookies and redirects (302) to the hosted UI's /logout, which ends the Cognito session and
 * returns to SIGN_OUT_REDIRECT_URI. Nothing from the request goes into the redirect.
 */
export function signOut(config: SignOutConfig): RequestHandler {
  const query = new URLSearchParams({ client_id: config.clientId, logout_uri: config.redirectUri });
  const location = `${new URL(config.hostedUiUrl).origin}/logout?${query.toString()}`;
  return (_req, res) => {
    res.set('Cache-Control', 'no-store').set('Set-Cookie', EXPIRED_SESSION).redirect(302, location);
  };
}
