/**
 * An issuer with user sign-in started on a free port, a clock the tests move, confirmed users, and a
 * minimal browser: a cookie jar and fetch that never follows redirects by itself.
 */
import { createHash, randomBytes } from 'node:crypto';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { hashPassword, RunningIssuer, startIssuer, UserStore } from '../../../src/local';
import type { ServiceSpecOptions } from '../../../src/spec';
import { withSignIn } from '../../util';
import { createIssuerRepo, redirectingFetcher } from '../issuer-fixture';

/** A password that satisfies the default policy. */
export const PASSWORD = 'Correct-Horse-7-battery';
/** The local ALB's callback URL on the default ALB port. */
export const CALLBACK = 'http://localhost:8081/oauth2/idpresponse';

/** A running issuer with its clock, log, users and the web client's credentials. */
export interface HostedUiIssuer {
  readonly issuer: RunningIssuer;
  readonly dir: string;
  readonly logs: string[];
  readonly users: UserStore;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Moves the issuer's clock forward. */
  advance(ms: number): void;
  /** Adds a confirmed user with PASSWORD (or the given password). */
  addUser(email: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** Starts an issuer for a repo with `userAuth` on app.example.com. */
export async function startHostedUi(options: Partial<ServiceSpecOptions['userAuth']> = {}): Promise<HostedUiIssuer> {
  const { dir } = createIssuerRepo(withSignIn({ userAuth: { host: 'app.example.com', ...options } }));
  let offset = 0;
  const logs: string[] = [];
  const issuer = await startIssuer({ dir, port: 0, log: (line) => logs.push(line), now: () => Date.now() + offset });
  const users = new UserStore(dir);
  const web = issuer.credentials.clients.get(issuer.spec.userAuth!.webClientName)!;
  return {
    issuer,
    dir,
    logs,
    users,
    clientId: web.clientId,
    clientSecret: web.clientSecret!,
    advance: (ms) => { offset += ms; },
    addUser: async (email, password = PASSWORD) => {
      return users.add({ email, emailVerified: true, confirmed: true, passwordHash: await hashPassword(password) }).sub;
    },
    close: () => issuer.close(),
  };
}

/** A browser's cookie jar and requests that show redirects instead of following them. */
export class Browser {
  /** The `_csrf` field of the form on a page. */
  public static csrfOf(html: string): string {
    const match = /name="_csrf" value="([^"]+)"/.exec(html);
    if (!match) throw new Error('no _csrf field on the page');
    return match[1];
  }

  public readonly cookies = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  /** GET or POST a path (or absolute URL) with the jar's cookies; stores Set-Cookie. */
  public async request(path: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}) {
    const url = path.startsWith('http') ? path : `${this.baseUrl}${path}`;
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookies.size > 0) headers.Cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (init.form) headers['Content-Type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(url, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      headers,
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
      redirect: 'manual',
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (attributes.some((a) => /^\s*max-age=0$/i.test(a))) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: res.status, headers: res.headers, location: res.headers.get('location') ?? undefined, text: await res.text() };
  }
}

/** The authorize query the ALB sends, with optional extras. */
export function authorizeQuery(clientId: string, extra: Record<string, string> = {}): string {
  return new URLSearchParams({ client_id: clientId, redirect_uri: CALLBACK, response_type: 'code', scope: 'openid', state: 'opaque-state-1', ...extra }).toString();
}

/** Signs in through authorize and the login form like curl with a cookie jar; returns the final redirect. */
export async function signIn(browser: Browser, query: string, username: string, password = PASSWORD) {
  const authorize = await browser.request(`/oauth2/authorize?${query}`);
  if (authorize.status !== 302) throw new Error(`authorize answered ${authorize.status}`);
  if (!authorize.location!.startsWith('/login')) return authorize;
  const page = await browser.request(authorize.location!);
  return browser.request(authorize.location!, { form: { _csrf: Browser.csrfOf(page.text), username, password } });
}

/** The `code` of a redirect to the callback URL. */
export function codeOf(location: string | undefined): string {
  const code = new URL(location!).searchParams.get('code');
  if (!code) throw new Error(`no code in ${location}`);
  return code;
}

/** A PKCE verifier and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Cognito verifiers for the web client's tokens against the issuer's JWKS. */
export function verifiers(ctx: HostedUiIssuer) {
  const jwksCache = new SimpleJwksCache({ fetcher: redirectingFetcher(ctx.issuer.url) });
  const base = { userPoolId: ctx.issuer.spec.userPoolId, clientId: ctx.clientId };
  return {
    id: CognitoJwtVerifier.create({ ...base, tokenUse: 'id' }, { jwksCache }),
    access: CognitoJwtVerifier.create({ ...base, tokenUse: 'access' }, { jwksCache }),
  };
}
