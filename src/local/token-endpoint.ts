/**
 * The `/oauth2/token` endpoint, answering like Cognito's: the client-credentials grant for the app
 * clients, the authorization-code and refresh-token grants for the web client of the hosted UI.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html
 */
import { issueAccessToken } from './access-token';
import { AuthenticatedClient, authenticateClient } from './client-auth';
import type { DevCredentials } from './credentials-store';
import type { HostedUi } from './hosted-ui/hosted-ui';
import type { IssuerClientSpec, IssuerSpec } from './issuer-spec';
import { OAuthError } from './oauth-error';

/** The parts of an HTTP request the token endpoint reads. */
export interface TokenRequest {
  readonly contentType?: string;
  readonly authorization?: string;
  readonly body: string;
}

/** The endpoint's answer: status and JSON body, plus what the issuer's log may say about it. */
export interface TokenResponse {
  readonly status: number;
  readonly body: Record<string, string | number>;
  /** Extra headers, such as the challenge of a 401. */
  readonly headers?: Record<string, string>;
  /** The client's name, once authenticated. */
  readonly client?: string;
  /** Why the request was refused; never contains a secret. */
  readonly reason?: string;
}

const GRANT_TYPES = ['client_credentials', 'authorization_code', 'refresh_token'];

/** Handles one token request; never throws for a bad request. `ui` is the hosted UI, when the spec has `userAuth`. */
export function handleTokenRequest(request: TokenRequest, spec: IssuerSpec, credentials: DevCredentials, ui?: HostedUi): TokenResponse {
  try {
    const form = parseForm(request);
    const grantType = form.get('grant_type');
    if (!grantType) throw new OAuthError('invalid_request', 'grant_type is missing');
    if (!GRANT_TYPES.includes(grantType)) {
      throw new OAuthError('unsupported_grant_type', `grant_type ${grantType} (the local issuer does ${GRANT_TYPES.join(', ')})`);
    }
    const client = authenticateClient(request.authorization, form, clientsOf(spec), credentials.clients);
    if (grantType !== 'client_credentials') return userGrant(grantType, form, client, ui);
    if (client.spec.scopes.length === 0) {
      throw new OAuthError('unauthorized_client', `client ${client.spec.name} has no scopes, so no client_credentials grant`);
    }
    const scopes = grantedScopes(form.get('scope'), client.spec.scopes);
    const token = issueAccessToken(spec, credentials.signingKey, client.clientId, scopes);
    return {
      status: 200,
      body: { access_token: token.accessToken, expires_in: token.expiresIn, token_type: 'Bearer' },
      client: client.spec.name,
    };
  } catch (e) {
    if (!(e instanceof OAuthError)) throw e;
    if (e.code === 'invalid_client') {
      return { status: 401, body: { error: e.code }, headers: { 'WWW-Authenticate': `Basic realm="${spec.userPoolId}"` }, reason: e.reason };
    }
    return { status: 400, body: { error: e.code }, reason: e.reason };
  }
}

/** The app clients and, with `userAuth`, the web client, which has no scopes for client_credentials. */
function clientsOf(spec: IssuerSpec): readonly IssuerClientSpec[] {
  if (!spec.userAuth) return spec.clients;
  return [...spec.clients, { name: spec.userAuth.webClientName, envName: 'WEB', generateSecret: true, scopes: [] }];
}

/** The authorization-code and refresh-token grants, for the hosted UI's web client only. */
function userGrant(grantType: string, form: URLSearchParams, client: AuthenticatedClient, ui: HostedUi | undefined): TokenResponse {
  if (!ui || client.spec.name !== ui.client.name) {
    throw new OAuthError('unauthorized_client', `client ${client.spec.name} may not use grant_type ${grantType}`);
  }
  const required = (name: string): string => {
    const value = form.get(name);
    if (!value) throw new OAuthError('invalid_request', `${name} is missing`);
    return value;
  };
  if (grantType === 'authorization_code') {
    const tokens = ui.redeemCode(required('code'), client.clientId, required('redirect_uri'), form.get('code_verifier'));
    return {
      status: 200,
      body: {
        ...(tokens.idToken !== undefined && { id_token: tokens.idToken }),
        access_token: tokens.accessToken,
        refresh_token: tokens.refreshToken,
        expires_in: tokens.expiresIn,
        token_type: 'Bearer',
      },
      client: client.spec.name,
    };
  }
  const tokens = ui.refresh(required('refresh_token'), client.clientId);
  return {
    status: 200,
    body: { ...(tokens.idToken !== undefined && { id_token: tokens.idToken }), access_token: tokens.accessToken, expires_in: tokens.expiresIn, token_type: 'Bearer' },
    client: client.spec.name,
  };
}

function parseForm(request: TokenRequest): URLSearchParams {
  const mediaType = request.contentType?.split(';')[0].trim().toLowerCase();
  if (mediaType !== 'application/x-www-form-urlencoded') {
    throw new OAuthError('invalid_request', `Content-Type ${request.contentType ?? '(none)'}, expected application/x-www-form-urlencoded`);
  }
  const form = new URLSearchParams(request.body);
  for (const key of new Set(form.keys())) {
    if (form.getAll(key).length > 1) throw new OAuthError('invalid_request', `parameter ${key} is repeated`);
  }
  return form;
}

/** The requested scopes, each of which the client must be allowed; all allowed scopes when none are asked for. */
function grantedScopes(requested: string | null, allowed: readonly string[]): readonly string[] {
  const asked = [...new Set((requested ?? '').split(' ').filter((s) => s !== ''))];
  if (asked.length === 0) return allowed;
  const refused = asked.filter((s) => !allowed.includes(s));
  if (refused.length > 0) throw new OAuthError('invalid_scope', `scope ${refused.join(' ')} is not allowed for this client`);
  return asked;
}
