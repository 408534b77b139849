/**
 * The sign-in, sign-up and confirmation forms. Field names follow the classic hosted UI (`_csrf`,
 * `username`, `password`) so one curl sign-in works against both; the sign-up and confirmation
 * field names are not documented by Cognito (UNCONFIRMED), these reuse `username` and add `code`.
 */
import type { IssuerReply } from '../issuer-reply';
import { escapeHtml, field, form, htmlPage } from './html-page';
import { describePolicy } from './password-policy';

/** What every form page needs: the authorization request's query, the CSRF pair and the page's cookies. */
export interface FormContext {
  readonly query: string;
  readonly csrfField: string;
  readonly cookies: readonly string[];
  /** Origins the form's redirect may lead to. */
  readonly formTargets: readonly string[];
  readonly selfSignUp: boolean;
}

/** The sign-in page. */
export function loginPage(status: number, ctx: FormContext, error?: string, username = ''): IssuerReply {
  const signUp = ctx.selfSignUp ? `<p>Need an account? <a href="/signup?${escapeHtml(ctx.query)}">Sign up</a></p>\n` : '';
  const body = form(`/login?${ctx.query}`, ctx.csrfField,
    field('Email', 'username', 'email', username, 'autocomplete="username" ')
    + field('Password', 'password', 'password', '', 'autocomplete="current-password" '),
    'Sign in') + signUp;
  return htmlPage(status, { title: 'Sign in', body, error, cookies: ctx.cookies, formTargets: ctx.formTargets });
}

/** The sign-up page. */
export function signupPage(status: number, ctx: FormContext, policy: Parameters<typeof describePolicy>[0], error?: string, username = ''): IssuerReply {
  const body = form(`/signup?${ctx.query}`, ctx.csrfField,
    field('Email', 'username', 'email', username, 'autocomplete="email" ')
    + field('Password', 'password', 'password', '', 'autocomplete="new-password" aria-describedby="policy" ')
    + `<p class="hint" id="policy">${escapeHtml(describePolicy(policy))}</p>\n`,
    'Sign up') + `<p>Already have an account? <a href="/login?${escapeHtml(ctx.query)}">Sign in</a></p>\n`;
  return htmlPage(status, { title: 'Sign up', body, error, cookies: ctx.cookies, formTargets: ctx.formTargets });
}

/** The page that explains sign-up is off, as the pool only lets administrators create users. */
export function signupClosedPage(status: number, ctx: FormContext): IssuerReply {
  const body = '<p>This user pool does not let users sign themselves up (AllowAdminCreateUserOnly): an administrator creates users.</p>\n'
    + '<p class="hint">Locally: <code>npx eks-cognito-kit issuer users add &lt;email&gt;</code>, or set <code>userAuth.selfSignUp: true</code> in .projenrc.ts and run <code>npx projen</code>.</p>\n'
    + `<p><a href="/login?${escapeHtml(ctx.query)}">Sign in</a></p>\n`;
  return htmlPage(status, { title: 'Sign-up is not available', body, cookies: ctx.cookies });
}

/** The confirmation page, where the code sent at sign-up is entered. */
export function confirmPage(status: number, ctx: FormContext, username: string, error?: string): IssuerReply {
  const body = '<p>We sent a confirmation code to your email (locally: it is in the issuer\'s log). It is valid for 24 hours.</p>\n'
    + form(`/confirm?${ctx.query}`, ctx.csrfField,
      field('Email', 'username', 'email', username, 'autocomplete="username" ')
      + field('Confirmation code', 'code', 'text', '', 'inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" '),
      'Confirm');
  return htmlPage(status, { title: 'Confirm your account', body, error, cookies: ctx.cookies, formTargets: ctx.formTargets });
}
