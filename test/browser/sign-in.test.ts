/**
 * A user signs up, confirms, signs in and out through a real Chromium, against a repository made by
 * `create signin-demo --user-auth-host app.example.com --self-sign-up` from `npm pack` of this checkout
 * and run with `npm run dev` (the local issuer's hosted UI, the service and the local ALB). The test
 * drives only what a user sees: the printed `Sign in:` URL, labels, buttons and links.
 * Screenshots of the sign-in page and the signed-in page go to test-reports/.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { launchChromium } from './chromium';
import { DevLoop, freePort, startDevLoop } from './dev-loop';
import { run } from '../e2e/run';

const KIT = join(__dirname, '..', '..');
const REPORTS = join(KIT, 'test-reports');
const WORK = mkdtempSync(join(tmpdir(), 'eck-browser-'));
const REPO = join(WORK, 'signin-demo');
const EMAIL = 'ada@example.com';
// Meets the pool's default policy: 12 characters with a lowercase, an uppercase, a number and a symbol.
const PASSWORD = 'Analytical-Engine-1843';
const SESSION_COOKIE = /^AWSELBAuthSessionCookie-\d+$/;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let dev: DevLoop | undefined;
let signInUrl = '';
let issuerOrigin = '';
let firstSub = '';

/** Statuses of a navigation, from the first request through its redirects to `response`. */
async function statusChain(response: Response): Promise<number[]> {
  const statuses = [response.status()];
  for (let r = response.request().redirectedFrom(); r; r = r.redirectedFrom()) statuses.unshift((await r.response())!.status());
  return statuses;
}

/** Waits for the hosted UI's sign-in form, the way a user recognises it. */
async function expectLoginPage(): Promise<void> {
  expect(new URL(page.url()).origin).toBe(issuerOrigin);
  expect(new URL(page.url()).pathname).toBe('/login');
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel('Email').waitFor();
  await page.getByLabel('Password').waitFor();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
}

/** Runs `submit` (a click that posts a hosted UI form) and returns the issuer's answer to the POST. */
async function post(path: string, submit: () => Promise<void>): Promise<Response> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === path),
    submit(),
  ]);
  return response;
}

/** Runs `submit` and returns the route's answer once the browser is back on the signed-in page. */
async function landOnRoute(submit: () => Promise<void>): Promise<Response> {
  const [response] = await Promise.all([page.waitForResponse((r) => r.url() === signInUrl && r.status() !== 302), submit()]);
  await page.getByText(EMAIL).waitFor();
  return response;
}

/** The ALB session cookie shards the browser holds for the Sign in URL. */
async function sessionCookies() {
  return (await context.cookies(signInUrl)).filter((c) => SESSION_COOKIE.test(c.name));
}

beforeAll(async () => {
  const [servicePort, albPort, issuerPort] = [await freePort(), await freePort(), await freePort()];
  issuerOrigin = `http://127.0.0.1:${issuerPort}`;
  run('npx', ['tsc', '--build'], KIT);
  // The output holds stderr too, where npm may add a notice after the tarball's name.
  const name = run('npm', ['pack', '--silent', '--pack-destination', WORK], KIT).output.split('\n').filter((l) => l.trim().endsWith('.tgz')).pop()!.trim();
  run('node', [join(KIT, 'lib', 'cli', 'main.js'), 'create', 'signin-demo', '--yes', '--user-auth-host', 'app.example.com', '--self-sign-up',
    '--kit-spec', join(WORK, name)], WORK);

  // The e2e suite may run at the same time on the default ports, so this repo's issuer gets a free one, as a user would set it.
  const projenrc = join(REPO, '.projenrc.ts');
  const spec = readFileSync(projenrc, 'utf8');
  expect(spec).toContain("userAuth: { host: 'app.example.com', selfSignUp: true },");
  writeFileSync(projenrc, spec.replace('  userAuth: {', `  local: { issuerPort: ${issuerPort} },\n  userAuth: {`));
  run('npx', ['projen'], REPO);

  dev = startDevLoop('npm', ['run', 'dev'], REPO, { PORT: String(servicePort), ALB_PORT: String(albPort) });
  signInUrl = (await dev.waitFor(/^Sign in: (\S+)$/m))[1];
  expect(new URL(signInUrl).port).toBe(String(albPort));

  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 720, height: 400 } });
  page = await context.newPage();
  mkdirSync(REPORTS, { recursive: true });
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await dev?.stop();
  rmSync(WORK, { recursive: true, force: true });
}, 60_000);

describe('signing in through the local ALB and the hosted UI, in Chromium', () => {
  test('the Sign in URL of `npm run dev` redirects to the hosted UI, which offers sign-up', async () => {
    const response = (await page.goto(signInUrl))!;
    expect(await statusChain(response)).toEqual([302, 302, 200]);
    await expectLoginPage();
    await page.getByRole('link', { name: 'Sign up' }).waitFor();
    await page.screenshot({ path: join(REPORTS, 'sign-in-page.png') });
  });

  test('a new user signs up and confirms with the code `npm run dev` printed, and lands signed in on the route', async () => {
    await page.getByRole('link', { name: 'Sign up' }).click();
    await page.getByRole('heading', { name: 'Sign up' }).waitFor();
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password').fill(PASSWORD);
    expect((await post('/signup', () => page.getByRole('button', { name: 'Sign up' }).click())).status()).toBe(302);
    await page.getByRole('heading', { name: 'Confirm your account' }).waitFor();
    expect(await page.getByLabel('Email').inputValue()).toBe(EMAIL);

    const code = (await dev!.waitFor(/^confirmation code for ada@example\.com: (\d{6})\b/m))[1];
    const wrong = `${(Number(code[0]) + 1) % 10}${code.slice(1)}`;
    await page.getByLabel('Confirmation code').fill(wrong);
    expect((await post('/confirm', () => page.getByRole('button', { name: 'Confirm' }).click())).status()).toBe(400);
    await page.getByRole('alert').filter({ hasText: 'Invalid verification code' }).waitFor();

    await page.getByLabel('Confirmation code').fill(code);
    const response = await landOnRoute(() => page.getByRole('button', { name: 'Confirm' }).click());
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toEqual({ signedInAs: EMAIL, sub: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    firstSub = body.sub;
    await page.screenshot({ path: join(REPORTS, 'signed-in-page.png') });
  });

  test('the ALB session cookie is HttpOnly, Secure and SameSite=Lax, out of reach of page scripts', async () => {
    const cookies = await sessionCookies();
    expect(cookies.length).toBeGreaterThan(0);
    for (const c of cookies) expect([c.name, c.httpOnly, c.secure, c.sameSite]).toEqual([c.name, true, true, 'Lax']);
    // a string, as it runs in the page, whose DOM types this Node project does not load
    expect(await page.evaluate('document.cookie')).not.toMatch(/AWSELBAuthSessionCookie/);
  });

  test('/logout ends the session: the cookie is gone and the route asks to sign in again', async () => {
    // /logout -> the hosted UI's /logout -> the sign-out URL (the ALB's /) -> authorize -> the sign-in form.
    const response = (await page.goto(new URL('/logout', signInUrl).href))!;
    expect(await statusChain(response)).toEqual([302, 302, 302, 302, 200]);
    expect(await sessionCookies()).toEqual([]);
    await expectLoginPage();

    // The hosted UI's session is gone too: otherwise authorize would sign the browser straight back in.
    const again = (await page.goto(signInUrl))!;
    expect(await statusChain(again)).toEqual([302, 302, 200]);
    await expectLoginPage();
  });

  test('the confirmed user signs in with the password and is the same user', async () => {
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password').fill(PASSWORD);
    const response = await landOnRoute(() => page.getByRole('button', { name: 'Sign in' }).click());
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ signedInAs: EMAIL, sub: firstSub });
  });
});
