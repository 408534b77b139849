/**
 * The hosted UI's endpoints: `/oauth2/authorize`, `/login`, `/signup`, `/confirm` and `/logout`.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/logout-endpoint.html
 */
import type { IssuerReply } from '../issuer-reply';
import { confirm, login, signup } from './account-forms';
import { clearCookie, SESSION_COOKIE } from './cookies';
import type { HostedUi } from './hosted-ui';
import { errorPage } from './html-page';
import { authorizeRequestOf, codeFor, formContext, PageRequest, redirect } from './page-request';
import { confirmPage, loginPage, signupClosedPage, signupPage } from './sign-in-forms';

/** The paths the hosted UI answers. */
export const HOSTED_UI_PATHS: readonly string[] = ['/oauth2/authorize', '/login', '/signup', '/confirm', '/logout'];

/** Answers a hosted-UI request; `ui` is undefined when the spec has no `userAuth`. */
export async function handleHostedUi(ui: HostedUi | undefined, req: PageRequest): Promise<IssuerReply> {
  if (!ui) return errorPage(404, 'This user pool has no app client that signs users in; add userAuth to .projenrc.ts and run npx projen.');
  const post = req.path !== '/oauth2/authorize' && req.path !== '/logout';
  if (req.method !== 'GET' && !(post && req.method === 'POST')) {
    return { ...errorPage(405, `${req.method} is not allowed here.`), headers: { ...errorPage(405, '').headers, Allow: post ? 'GET, POST' : 'GET' } };
  }
  if (req.path === '/logout') return logout(ui, req);
  const request = authorizeRequestOf(ui, req);
  if ('status' in request) return request;
  const session = req.cookies.get(SESSION_COOKIE);
  switch (req.path) {
    case '/oauth2/authorize':
      return codeFor(ui, request, session) ?? redirect(`/login?${request.query}`);
    case '/login':
      if (req.method === 'POST') return login(ui, req, request);
      return codeFor(ui, request, session) ?? loginPage(200, formContext(ui, req, request));
    case '/signup':
      if (req.method === 'POST') return signup(ui, req, request);
      return ui.spec.userAuth!.selfSignUp
        ? signupPage(200, formContext(ui, req, request), ui.spec.userAuth!.passwordPolicy)
        : signupClosedPage(403, formContext(ui, req, request));
    default:
      if (req.method === 'POST') return confirm(ui, req, request);
      return confirmPage(200, formContext(ui, req, request), req.query.get('username') ?? '');
  }
}

/** Ends the hosted-UI session and sends the browser to a registered sign-out URL, and nowhere else. */
function logout(ui: HostedUi, req: PageRequest): IssuerReply {
  const clientId = req.query.get('client_id');
  const logoutUri = req.query.get('logout_uri');
  if (clientId !== ui.client.clientId) {
    return { ...errorPage(400, `client_id ${clientId ?? '(none)'} is not an app client of this user pool that signs users in.`), note: 'unknown client' };
  }
  if (logoutUri === null || req.query.getAll('logout_uri').length > 1 || !ui.client.logoutUrls.includes(logoutUri)) {
    return { ...errorPage(400, `logout_uri ${logoutUri ?? '(none)'} is not a sign-out URL of this app client.`), note: 'unregistered logout_uri' };
  }
  ui.endSession(req.cookies.get(SESSION_COOKIE));
  return { ...redirect(logoutUri, [clearCookie(SESSION_COOKIE)]), note: 'signed out' };
}
