/**
 * The ALB's side of the OAuth 2.0 authorization code flow with the user pool: the code exchange at
 * the token endpoint and the userInfo call. Every failure is an `IdpError`, which the ALB answers 401.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/userinfo-endpoint.html
 */

/** Where the user pool's endpoints are; locally, the local issuer's. */
export interface IdpEndpoints {
  readonly authorize: string;
  readonly token: string;
  readonly userInfo: string;
  readonly jwks: string;
  /** The `iss` of the pool's tokens. */
  readonly issuer: string;
}

/** The app client the ALB signs users in with. */
export interface WebClient {
  readonly clientId: string;
  /** Absent for a client without a secret, which then authenticates with `client_id` alone. */
  readonly clientSecret?: string;
}

/** A failed exchange with the IdP; the message is for the log and holds no token or secret. */
export class IdpError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IdpError';
  }
}

const TIMEOUT_MS = 5000;
/** Visible ASCII only: what the ALB puts in `x-amzn-oidc-accesstoken` and `x-amzn-oidc-identity`. */
const HEADER_SAFE = /^[\x21-\x7e]+$/;
const MAX_RESPONSE_BYTES = 64 * 1024;

/** What the token endpoint hands the ALB. */
export interface IdpTokens {
  /** Absent only on a refresh, which may not return a new ID token. */
  readonly idToken?: string;
  readonly accessToken: string;
  /** Only from the code exchange: the refresh grant returns no new refresh token. */
  readonly refreshToken?: string;
  /** Lifetime of the access token in seconds (`expires_in`). */
  readonly expiresIn: number;
}

/** Exchanges the code for tokens; the answer must hold an ID token and an access token. */
export async function exchangeCode(endpoints: IdpEndpoints, client: WebClient, code: string, redirectUri: string): Promise<IdpTokens> {
  const tokens = await tokenRequest(endpoints, client, { grant_type: 'authorization_code', code, redirect_uri: redirectUri });
  if (tokens.idToken === undefined) throw new IdpError('token endpoint answered without id_token');
  return tokens;
}

/** Redeems the refresh token for a new access token (and usually a new ID token). */
export function refreshTokens(endpoints: IdpEndpoints, client: WebClient, refreshToken: string): Promise<IdpTokens> {
  return tokenRequest(endpoints, client, { grant_type: 'refresh_token', refresh_token: refreshToken });
}

async function tokenRequest(endpoints: IdpEndpoints, client: WebClient, fields: Record<string, string>): Promise<IdpTokens> {
  const form = new URLSearchParams(fields);
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
  // UNCONFIRMED whether the ALB sends the secret by Basic or in the form; Basic is the method every
  // server must support (RFC 6749 section 2.3.1) and keeps the secret out of the request body.
  if (client.clientSecret === undefined) form.set('client_id', client.clientId);
  else headers.Authorization = `Basic ${Buffer.from(`${formEncode(client.clientId)}:${formEncode(client.clientSecret)}`).toString('base64')}`;
  const body = await call('token endpoint', endpoints.token, { method: 'POST', headers, body: form.toString() });
  const { id_token: idToken, access_token: accessToken, refresh_token: refreshToken, expires_in: expiresIn } = body;
  if (typeof accessToken !== 'string' || (idToken !== undefined && typeof idToken !== 'string')) throw new IdpError('token endpoint answered without access_token');
  // The access token is forwarded in a header, so it must be a header-safe value.
  if (!HEADER_SAFE.test(accessToken)) throw new IdpError('token endpoint answered an access_token that cannot travel in a header');
  return {
    ...(typeof idToken === 'string' && { idToken }),
    accessToken,
    ...(typeof refreshToken === 'string' && { refreshToken }),
    // Cognito's default access token lifetime when the answer leaves it out.
    expiresIn: typeof expiresIn === 'number' && Number.isFinite(expiresIn) && expiresIn >= 0 ? expiresIn : 3600,
  };
}

/** The user's claims from the userInfo endpoint; they must carry a string `sub`. */
export async function fetchUserInfo(endpoints: IdpEndpoints, accessToken: string): Promise<Record<string, unknown>> {
  const claims = await call('userInfo endpoint', endpoints.userInfo, { headers: { Authorization: `Bearer ${accessToken}` } });
  if (typeof claims.sub !== 'string' || !HEADER_SAFE.test(claims.sub)) throw new IdpError('userInfo endpoint answered without a sub that can travel in a header');
  return claims;
}

/** GETs a JSON object (the JWKS). */
export function fetchJson(what: string, url: string): Promise<Record<string, unknown>> {
  return call(what, url, {});
}

async function call(what: string, url: string, init: RequestInit): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (e) {
    throw new IdpError(`${what} unreachable (${(e as Error).name})`);
  }
  const text = await res.text().catch(() => '');
  if (res.status !== 200) throw new IdpError(`${what} answered ${res.status}${oauthError(text)}`);
  if (text.length > MAX_RESPONSE_BYTES) throw new IdpError(`${what} answered more than ${MAX_RESPONSE_BYTES} bytes`);
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Reported below like any other non-object answer.
  }
  throw new IdpError(`${what} answered something other than a JSON object`);
}

// The OAuth error code is safe to log; the description might echo request data, so it is left out.
function oauthError(text: string): string {
  try {
    const error = (JSON.parse(text) as { error?: unknown }).error;
    return typeof error === 'string' && /^[a-z_]{1,40}$/.test(error) ? ` ${error}` : '';
  } catch {
    return '';
  }
}

// RFC 6749 section 2.3.1: id and secret are form-encoded before they are joined for Basic.
function formEncode(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, '+');
}
