/**
 * Forwards a request to the service as the ALB does: client-sent `x-amzn-oidc-*` headers removed,
 * the signed-in user's three headers added, `x-forwarded-*` set, bodies streamed both ways.
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/x-forwarded-headers.html
 */
import { randomBytes } from 'node:crypto';
import { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, request, ServerResponse } from 'node:http';
import type { AlbContext, AlbLog } from './alb-context';
import type { CognitoAuth } from './ingress-model';
import { expiresSession } from './session-cookies';
import type { Session } from './session-store';

/** Prefix of the headers only the ALB may set; whatever a client sends under it is dropped on every Ingress. */
export const OIDC_HEADER_PREFIX = 'x-amzn-oidc-';

// UNCONFIRMED: AWS does not document the lifetime of x-amzn-oidc-data. It is signed per request, so
// a short one (never past the session) only limits the replay of a leaked header.
const OIDC_DATA_SECONDS = 120;
/** The ALB's default idle timeout. */
const IDLE_TIMEOUT_MS = 60_000;
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

/** The signed-in user of a request, with the Ingress's auth settings. */
export interface SignedInUser {
  readonly session: Session;
  readonly auth: CognitoAuth;
  /** Session cookies rewritten by a refresh, sent ahead of the service's own `Set-Cookie` values. */
  readonly setCookies: readonly string[];
}

/** Streams the request to the backend and its answer back; 502 when the backend is down, 504 after the idle timeout. */
export function forward(ctx: AlbContext, req: IncomingMessage, res: ServerResponse, user: SignedInUser | undefined, log: AlbLog): void {
  const headers = requestHeaders(ctx, req);
  if (user && ctx.signIn) {
    const { session } = user;
    headers['x-amzn-oidc-accesstoken'] = session.accessToken;
    headers['x-amzn-oidc-identity'] = session.claims.sub as string;
    headers['x-amzn-oidc-data'] = ctx.signIn.signClaims(session.claims, Math.min(session.exp, Math.floor(Date.now() / 1000) + OIDC_DATA_SECONDS));
  }
  const upstream = request({
    protocol: ctx.backend.protocol,
    hostname: ctx.backend.hostname.replace(/^\[|\]$/g, ''),
    port: ctx.backend.port,
    method: req.method,
    path: req.url,
    headers,
    timeout: IDLE_TIMEOUT_MS,
  });
  upstream.on('response', (answer) => {
    const setCookies = answer.headers['set-cookie'] ?? [];
    // The ALB has no sign-out: the service's sign-out route expires the session cookie, and from
    // then on this session is refused even if a copy of its cookie is replayed.
    if (user && expiresSession(setCookies, user.auth.sessionCookie)) ctx.sessions.revoke(user.session.sid);
    const back = responseHeaders(answer.headers);
    // The service's cookies come last, so its sign-out wins over a refresh in the same answer.
    if (user && user.setCookies.length > 0) back['set-cookie'] = [...user.setCookies, ...setCookies];
    res.writeHead(answer.statusCode ?? 502, back);
    answer.pipe(res);
    log(`${answer.statusCode}${user ? ' user' : ''}${user?.setCookies.length ? ' (session refreshed)' : ''}`);
  });
  upstream.on('timeout', () => upstream.destroy(new Error('timeout')));
  upstream.on('error', (e) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const status = e.message === 'timeout' ? 504 : 502;
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${status} ${status === 504 ? 'Gateway Time-out' : 'Bad Gateway'}\n`);
    log(`${status} backend ${ctx.backend.origin} ${e.message === 'timeout' ? 'timed out' : `unreachable (${(e as NodeJS.ErrnoException).code ?? e.name})`}`);
  });
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}

function requestHeaders(ctx: AlbContext, req: IncomingMessage): OutgoingHttpHeaders {
  const dropped = connectionTokens(req.headers);
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(OIDC_HEADER_PREFIX) || dropped.has(name) || name.startsWith('x-forwarded-')) continue;
    headers[name] = value;
  }
  // The ALB appends the client address to X-Forwarded-For and sets the listener's protocol and port
  // (https and 443 on AWS, http and the local port here).
  const client = req.socket.remoteAddress ?? '127.0.0.1';
  const previous = req.headers['x-forwarded-for'];
  headers['x-forwarded-for'] = previous ? `${previous}, ${client}` : client;
  headers['x-forwarded-proto'] = 'http';
  headers['x-forwarded-port'] = String(ctx.port);
  headers['x-amzn-trace-id'] ??= `Root=1-${Math.floor(Date.now() / 1000).toString(16)}-${randomBytes(12).toString('hex')}`;
  return headers;
}

function responseHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const dropped = connectionTokens(headers);
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !dropped.has(name)));
}

/** Hop-by-hop headers, including those the Connection header names (RFC 9110 section 7.6.1). */
function connectionTokens(headers: IncomingHttpHeaders): Set<string> {
  const named = String(headers.connection ?? '').split(',').map((t) => t.trim().toLowerCase()).filter(Boolean);
  return new Set([...HOP_BY_HOP, ...named]);
}
