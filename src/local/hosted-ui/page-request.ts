/**
 * A request to one of the hosted UI's pages, as the issuer server hands it over, and the replies they share.
 */
import type { IssuerReply } from '../issuer-reply';
import { AuthorizeRequest, parseAuthorizeRequest, redirectTo } from './authorize-request';
import { CSRF_COOKIE, SESSION_COOKIE, setCookie } from './cookies';
import { HostedUi, SESSION_SECONDS } from './hosted-ui';
import { errorPage } from './html-page';
import type { FormContext } from './sign-in-forms';
import type { PoolUser } from './user-store';
import { callbackOrigins } from './web-client';

/** The parts of an HTTP request the pages read. */
export interface PageRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly cookies: ReadonlyMap<string, string>;
  /** The urlencoded body of a POST. */
  readonly form?: URLSearchParams;
  /** False when the browser says the POST comes from another origin (`Origin` header). */
  readonly sameOrigin: boolean;
}

/** A 302 to the location; never cached. */
export function redirect(location: string, cookies: readonly string[] = []): IssuerReply {
  return {
    status: 302,
    body: '',
    headers: { 'Location': location, 'Cache-Control': 'no-store', ...(cookies.length > 0 ? { 'Set-Cookie': cookies } : {}) },
  };
}

/**
 * The authorization request a page carries, or the reply that ends it: a 400 page when the client or
 * redirect URI cannot be trusted, a redirect with the OAuth error otherwise.
 */
export function authorizeRequestOf(ui: HostedUi, req: PageRequest): AuthorizeRequest | IssuerReply {
  const outcome = parseAuthorizeRequest(req.query, ui.client);
  switch (outcome.kind) {
    case 'ok': return outcome.request;
    case 'page': return { ...errorPage(400, outcome.message), note: outcome.message.split(':')[0] };
    case 'redirect': return { ...redirect(redirectTo(outcome.redirectUri, { error: outcome.error, state: outcome.state })), note: outcome.error };
  }
}

/** The form context of a page: a CSRF pair bound to the browser's `XSRF-TOKEN` cookie, renewed for an hour. */
export function formContext(ui: HostedUi, req: PageRequest, request: AuthorizeRequest): FormContext {
  const pair = ui.csrf.pairFor(req.cookies.get(CSRF_COOKIE));
  return {
    query: request.query,
    csrfField: pair.field,
    cookies: [setCookie(CSRF_COOKIE, pair.cookie, SESSION_SECONDS)],
    formTargets: callbackOrigins(ui.client),
    selfSignUp: ui.spec.userAuth!.selfSignUp,
  };
}

/** Whether a POST passed the CSRF check: same origin, and a `_csrf` field matching the cookie. */
export function csrfOk(ui: HostedUi, req: PageRequest): boolean {
  return req.sameOrigin && ui.csrf.check(req.cookies.get(CSRF_COOKIE), req.form?.get('_csrf') ?? undefined);
}

/** Signs the user in: a new hosted-UI session, and back to the client with a code and the state. */
export function signedIn(ui: HostedUi, request: AuthorizeRequest, user: PoolUser): IssuerReply {
  const id = ui.startSession(user);
  const code = ui.issueCode(request, ui.session(id)!);
  return { ...redirect(redirectTo(request.redirectUri, { code, state: request.state }), [setCookie(SESSION_COOKIE, id, SESSION_SECONDS)]), note: 'signed in' };
}

/** Back to the client with a code for the existing session. */
export function codeFor(ui: HostedUi, request: AuthorizeRequest, cookie: string | undefined): IssuerReply | undefined {
  const session = ui.session(cookie);
  if (!session) return undefined;
  return { ...redirect(redirectTo(request.redirectUri, { code: ui.issueCode(request, session), state: request.state })), note: 'session' };
}
