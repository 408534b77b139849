/**
 * What the sign-in, sign-up and confirmation forms do when posted. Every failure re-renders the form
 * with the error on it; none signs anyone in.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { IssuerReply } from '../issuer-reply';
import type { AuthorizeRequest } from './authorize-request';
import type { HostedUi } from './hosted-ui';
import { errorPage } from './html-page';
import { formContext, PageRequest, redirect, signedIn, csrfOk } from './page-request';
import { decoyHash, hashPassword, verifyPassword } from './password-hash';
import { passwordProblems } from './password-policy';
import { confirmPage, loginPage, signupClosedPage, signupPage } from './sign-in-forms';
import { confirmationDigest, isEmail } from './user-store';

/** How long a confirmation code is valid (Cognito's codes last 24 hours). */
export const CONFIRMATION_TTL_MS = 24 * 60 * 60 * 1000;

const CSRF_MESSAGE = 'This form expired or was sent from another site. Reload the page and try again.';
const LOCKED_MESSAGE = 'Password attempts exceeded. Try again in 15 minutes.';

/** POST /login. */
export async function login(ui: HostedUi, req: PageRequest, request: AuthorizeRequest): Promise<IssuerReply> {
  const ctx = formContext(ui, req, request);
  const username = req.form?.get('username')?.trim() ?? '';
  if (!csrfOk(ui, req)) return { ...loginPage(403, ctx, CSRF_MESSAGE, username), note: 'csrf' };
  const password = req.form?.get('password') ?? '';
  if (username === '' || password === '') return loginPage(400, ctx, 'Enter your email and password.', username);
  if (ui.lockout.isLocked('sign-in', username)) return { ...loginPage(429, ctx, LOCKED_MESSAGE, username), note: 'locked out' };
  const user = ui.users.findByEmail(username);
  // The decoy keeps an unknown user as slow as a wrong password, so timing does not tell them apart.
  const matches = await verifyPassword(password, user?.passwordHash ?? await decoyHash());
  if (!user || !matches) {
    ui.lockout.fail('sign-in', username);
    return { ...loginPage(400, ctx, 'Incorrect username or password.', username), note: 'wrong credentials' };
  }
  ui.lockout.succeed('sign-in', username);
  if (!user.confirmed) return redirect(`/confirm?${request.query}&${new URLSearchParams({ username: user.email })}`);
  return signedIn(ui, request, user);
}

/** POST /signup. */
export async function signup(ui: HostedUi, req: PageRequest, request: AuthorizeRequest): Promise<IssuerReply> {
  const ctx = formContext(ui, req, request);
  const { selfSignUp, passwordPolicy, autoVerifiedAttributes } = ui.spec.userAuth!;
  if (!selfSignUp) return { ...signupClosedPage(403, ctx), note: 'sign-up disabled' };
  const email = req.form?.get('username')?.trim() ?? '';
  if (!csrfOk(ui, req)) return { ...signupPage(403, ctx, passwordPolicy, CSRF_MESSAGE, email), note: 'csrf' };
  const password = req.form?.get('password') ?? '';
  const problems = [
    ...(isEmail(email) ? [] : ['Enter a valid email address.']),
    ...passwordProblems(password, passwordPolicy),
  ];
  if (problems.length > 0) return signupPage(400, ctx, passwordPolicy, problems.join(' '), email);
  if (ui.users.findByEmail(email)) return signupPage(400, ctx, passwordPolicy, 'An account with the given email already exists.', email);
  const sendsCode = autoVerifiedAttributes.includes('email');
  const code = String(randomInt(1_000_000)).padStart(6, '0');
  ui.users.add({
    email,
    emailVerified: false,
    confirmed: false,
    passwordHash: await hashPassword(password),
    ...(sendsCode && { confirmation: { codeDigest: confirmationDigest(code), expiresAt: ui.now() + CONFIRMATION_TTL_MS } }),
  });
  if (!sendsCode) return errorPage(200, 'Your account was created; an administrator must confirm it before you can sign in.');
  // Stands in for Cognito's e-mail: the code goes to the issuer's log, and only there.
  ui.log(`confirmation code for ${email}: ${code} (valid 24 hours)`);
  return { ...redirect(`/confirm?${request.query}&${new URLSearchParams({ username: email })}`), note: 'signed up' };
}

/** POST /confirm. */
export async function confirm(ui: HostedUi, req: PageRequest, request: AuthorizeRequest): Promise<IssuerReply> {
  const ctx = formContext(ui, req, request);
  const username = req.form?.get('username')?.trim() ?? '';
  if (!csrfOk(ui, req)) return { ...confirmPage(403, ctx, username, CSRF_MESSAGE), note: 'csrf' };
  if (ui.lockout.isLocked('confirm', username)) return { ...confirmPage(429, ctx, username, 'Attempt limit exceeded. Try again in 15 minutes.'), note: 'locked out' };
  const user = ui.users.findByEmail(username);
  const pending = user && !user.confirmed ? user.confirmation : undefined;
  const valid = pending !== undefined && pending.expiresAt > ui.now() && sameDigest(confirmationDigest(req.form?.get('code')?.trim() ?? ''), pending.codeDigest);
  if (!user || !valid) {
    ui.lockout.fail('confirm', username);
    return { ...confirmPage(400, ctx, username, 'Invalid verification code provided, please try again.'), note: 'wrong code' };
  }
  ui.lockout.succeed('confirm', username);
  const confirmed = { ...user, confirmed: true, emailVerified: true, confirmation: undefined };
  ui.users.update(confirmed);
  return signedIn(ui, request, confirmed);
}

function sameDigest(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}
