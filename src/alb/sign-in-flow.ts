/**
 * The ALB's authenticate-cognito action: the redirect to the authorize endpoint, and the
 * `/oauth2/idpresponse` callback that turns the code into a session cookie.
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-authenticate-users.html#authentication-flow
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AlbContext, AlbReply, AlbSignIn } from './alb-context';
import { sameText } from './id-token-verifier';
import { exchangeCode, fetchUserInfo, IdpError, IdpTokens } from './idp-client';
import type { CognitoAuth, LocalIngress } from './ingress-model';
import { cookie, expiredCookie, NONCE_COOKIE, parseCookies } from './session-cookies';
import type { SessionTokens } from './session-store';

/** The callback path the ALB reserves on an authenticating listener. */
export const IDP_RESPONSE_PATH = '/oauth2/idpresponse';

/** HTTP status the ALB answers when the IdP redirects back with `error=`. */
export const IDP_ERROR_STATUS = 561;

// UNCONFIRMED how long the ALB waits for the sign-in; 15 minutes bounds a leaked state or nonce cookie.
const SIGN_IN_SECONDS = 15 * 60;
/** The ALB refuses claims plus access token over 11K bytes with a 500 (listener-authenticate-users). */
const MAX_CLAIMS_BYTES = 11 * 1024;
const NO_STORE = { 'Cache-Control': 'no-store' };

/** The 302 to the authorize endpoint with an opaque, sealed `state` and a fresh nonce cookie. */
export function startSignIn(ctx: AlbContext, signIn: AlbSignIn, req: IncomingMessage, ingress: LocalIngress, auth: CognitoAuth): AlbReply {
  const target = req.url ?? '/';
  // Cookies and redirect_uri live on localhost:<port>; a request that came in under another name
  // (127.0.0.1, an Ingress host) is first sent there, or the callback would miss the nonce cookie.
  if ((req.headers.host ?? '').toLowerCase() !== `localhost:${ctx.port}`) {
    return { status: 302, headers: { Location: `${ctx.origin}${safeLocalPath(target)}`, ...NO_STORE }, note: 'to localhost' };
  }
  const nonce = randomBytes(32).toString('base64url');
  const state = ctx.sealer.seal('state', { n: nonce, u: safeLocalPath(target), i: ingress.id, exp: Math.floor(Date.now() / 1000) + SIGN_IN_SECONDS });
  const query = new URLSearchParams(auth.idp.authenticationRequestExtraParams);
  const params = { client_id: signIn.client.clientId, redirect_uri: `${ctx.origin}${IDP_RESPONSE_PATH}`, response_type: 'code', scope: auth.scope, state };
  for (const [name, value] of Object.entries(params)) query.set(name, value);
  // UNCONFIRMED whether the ALB sends an OpenID nonce (none was seen); sending one and checking it in
  // the ID token is the safe choice: an ID token from another sign-in is refused.
  query.set('nonce', oidcNonce(nonce));
  return {
    status: 302,
    headers: { 'Location': `${signIn.endpoints.authorize}?${query}`, 'Set-Cookie': cookie(NONCE_COOKIE, nonce, SIGN_IN_SECONDS), ...NO_STORE },
    note: `sign-in ${ingress.id}`,
  };
}

/** Handles `GET /oauth2/idpresponse`: 561 for an IdP error, 401 for anything unverifiable, else a 302 with the session. */
export async function idpResponse(ctx: AlbContext, signIn: AlbSignIn, req: IncomingMessage, query: URLSearchParams): Promise<AlbReply> {
  const clearNonce = expiredCookie(NONCE_COOKIE);
  const refuse = (note: string, status = 401): AlbReply => ({ status, headers: { 'Set-Cookie': clearNonce, ...NO_STORE }, note });
  const error = query.get('error');
  if (error !== null) return refuse(`idp error ${/^[a-z_]{1,40}$/.test(error) ? error : '(unprintable)'}`, IDP_ERROR_STATUS);
  const opened = ctx.sealer.open('state', query.get('state') ?? '');
  if (!opened || typeof opened.n !== 'string' || typeof opened.u !== 'string' || typeof opened.exp !== 'number') return refuse('invalid state');
  if (opened.exp <= Date.now() / 1000) return refuse('expired state');
  const code = query.get('code');
  if (!code) return refuse('missing code');
  const cookies = parseCookies(req.headers.cookie);
  const nonce = cookies.get(NONCE_COOKIE);
  if (nonce === undefined) return refuse(`missing or repeated ${NONCE_COOKIE}`);
  if (!sameText(nonce, opened.n)) return refuse(`invalid ${NONCE_COOKIE}`);
  const ingress = ctx.ingresses.find((i) => i.id === opened.i && i.auth);
  if (!ingress?.auth) return refuse('state names no authenticating Ingress');
  const redirectUri = `${ctx.origin}${IDP_RESPONSE_PATH}`;
  let fields: SessionTokens;
  try {
    const tokens = await exchangeCode(signIn.endpoints, signIn.client, code, redirectUri);
    fields = await sessionTokens(signIn, tokens, oidcNonce(nonce));
  } catch (e) {
    if (e instanceof IdpError) return refuse(e.message);
    throw e;
  }
  if (Buffer.byteLength(JSON.stringify(fields.claims)) + Buffer.byteLength(fields.accessToken) > MAX_CLAIMS_BYTES) {
    return refuse('claims plus access token over 11K bytes, which the ALB answers 500', 500);
  }
  const { cookies: sessionCookies } = ctx.sessions.create(ingress.id, ingress.auth, fields, cookies);
  return {
    status: 302,
    headers: { 'Location': safeLocalPath(opened.u), 'Set-Cookie': [...sessionCookies, clearNonce], ...NO_STORE },
    note: `signed in ${ingress.id}`,
  };
}

/**
 * Checks the token endpoint's answer and asks userInfo for the claims: the ID token must verify
 * (`nonce` as in `IdTokenExpectations`) and name the same `sub` as userInfo.
 */
export async function sessionTokens(signIn: AlbSignIn, tokens: IdpTokens, nonce: string | null, now: number = Date.now()): Promise<SessionTokens> {
  const expected = { issuer: signIn.endpoints.issuer, clientId: signIn.client.clientId, nonce };
  const id = tokens.idToken === undefined ? undefined : await signIn.idTokens.verify(tokens.idToken, expected, now);
  const claims = await fetchUserInfo(signIn.endpoints, tokens.accessToken);
  if (id && claims.sub !== id.sub) throw new IdpError('userInfo sub differs from the ID token sub');
  return {
    claims,
    accessToken: tokens.accessToken,
    accessTokenExp: Math.floor(now / 1000) + tokens.expiresIn,
    ...(tokens.refreshToken !== undefined && { refreshToken: tokens.refreshToken }),
  };
}

/** The OpenID `nonce` for a nonce cookie: its hash, so the cookie's value never travels to the IdP. */
function oidcNonce(cookieNonce: string): string {
  return createHash('sha256').update(cookieNonce).digest('base64url');
}

/**
 * The path to send the browser back to: only an origin-relative path on this ALB. `//host` and
 * `/\host` are read by browsers as another origin, so they (and anything odd) become `/`.
 */
export function safeLocalPath(target: string): string {
  return /^\/(?![/\\])[^\\\x00-\x20\x7f]*$/.test(target) && target.length <= 8192 ? target : '/';
}
