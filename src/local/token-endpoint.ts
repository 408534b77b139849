/**
 * The `/oauth2/token` endpoint for the client-credentials grant, answering like Cognito's.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html
 */
import { issueAccessToken } from './access-token';
import { authenticateClient } from './client-auth';
import type { DevCredentials } from './credentials-store';
import type { IssuerSpec } from './issuer-spec';
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
  /** The client's name, once authenticated. */
  readonly client?: string;
  /** Why the request was refused; never contains a secret. */
  readonly reason?: string;
}

/** Handles one token request; never throws for a bad request. */
export function handleTokenRequest(request: TokenRequest, spec: IssuerSpec, credentials: DevCredentials): TokenResponse {
  try {
    const form = parseForm(request);
    const grantType = form.get('grant_type');
    if (!grantType) throw new OAuthError('invalid_request', 'grant_type is missing');
    if (grantType !== 'client_credentials') {
      throw new OAuthError('unsupported_grant_type', `grant_type ${grantType} (the local issuer only does client_credentials)`);
    }
    const client = authenticateClient(request.authorization, form, spec.clients, credentials.clients);
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
    if (e instanceof OAuthError) return { status: 400, body: { error: e.code }, reason: e.reason };
    throw e;
  }
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
