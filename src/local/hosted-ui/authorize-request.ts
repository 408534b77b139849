/**
 * The parameters of `/oauth2/authorize`, checked as Cognito checks them. They travel unchanged to
 * `/login`, `/signup` and `/confirm`, which check them again before anything is done.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1
 */
import type { WebClient } from './web-client';

/** A well-formed authorization request of the web client. */
export interface AuthorizeRequest {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly state?: string;
  /** The requested scopes the client is allowed, in the order asked. */
  readonly scopes: readonly string[];
  readonly nonce?: string;
  /** The PKCE S256 challenge, when the client sent one. */
  readonly codeChallenge?: string;
  /** The request's own parameters, to carry to the sign-in pages. */
  readonly query: string;
}

/**
 * The outcome: the request; or a page (client or redirect URI not to be trusted, so never a redirect);
 * or an OAuth error to send back to the registered redirect URI with the state.
 */
export type AuthorizeOutcome =
  | { readonly kind: 'ok'; readonly request: AuthorizeRequest }
  | { readonly kind: 'page'; readonly message: string }
  | { readonly kind: 'redirect'; readonly redirectUri: string; readonly error: string; readonly state?: string };

const PARAMETERS = ['response_type', 'client_id', 'redirect_uri', 'state', 'scope', 'nonce', 'code_challenge', 'code_challenge_method'];

/** Checks the parameters against the web client (undefined when the spec has no `userAuth`). */
export function parseAuthorizeRequest(params: URLSearchParams, client: WebClient | undefined): AuthorizeOutcome {
  const repeated = PARAMETERS.find((p) => params.getAll(p).length > 1);
  const clientId = params.get('client_id');
  const redirectUri = params.get('redirect_uri');
  if (!client || clientId !== client.clientId) {
    return { kind: 'page', message: `client_id ${clientId ?? '(none)'} is not an app client of this user pool that may sign users in.` };
  }
  // RFC 6749 section 4.1.2.1: never redirect to a URI that is not registered, exactly, for the client.
  if (redirectUri === null || !client.callbackUrls.includes(redirectUri) || params.getAll('redirect_uri').length > 1) {
    return { kind: 'page', message: `redirect_mismatch: redirect_uri ${redirectUri ?? '(none)'} is not a callback URL of this app client.` };
  }
  const state = params.get('state') ?? undefined;
  const fail = (error: string): AuthorizeOutcome => ({ kind: 'redirect', redirectUri, error, state: params.getAll('state').length > 1 ? undefined : state });
  if (repeated) return fail('invalid_request');
  if (params.get('response_type') !== 'code') return fail(params.has('response_type') ? 'unsupported_response_type' : 'invalid_request');
  const challenge = params.get('code_challenge') ?? undefined;
  const method = params.get('code_challenge_method') ?? undefined;
  // Cognito supports S256 only; a method without a challenge, or plain, is refused rather than ignored.
  if ((challenge !== undefined || method !== undefined) && (method !== 'S256' || !/^[A-Za-z0-9._~-]{43,128}$/.test(challenge ?? ''))) {
    return fail('invalid_request');
  }
  const asked = [...new Set((params.get('scope') ?? '').split(' ').filter((s) => s !== ''))];
  // Scopes the client lacks are dropped, as Cognito does; none asked means all the client has.
  const scopes = asked.length === 0 ? client.scopes : asked.filter((s) => client.scopes.includes(s));
  if (scopes.length === 0) return fail('invalid_scope');
  // In the order the client sent them; anything else the client sent is not carried along.
  const kept = new URLSearchParams([...params].filter(([name]) => PARAMETERS.includes(name)));
  return {
    kind: 'ok',
    request: {
      clientId,
      redirectUri,
      state,
      scopes,
      nonce: params.get('nonce') ?? undefined,
      codeChallenge: challenge,
      query: kept.toString(),
    },
  };
}

/** The redirect URI with the given parameters added to whatever query it has. */
export function redirectTo(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.append(name, value);
  return url.toString();
}
