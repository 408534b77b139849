/**
 * The local ALB's HTTP server: routes each request by the Ingress path rules, runs the
 * authenticate-cognito action on Ingresses that have one, and forwards to the service.
 */
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AlbContext, AlbLog, AlbReply } from './alb-context';
import { forward, SignedInUser } from './forward';
import { parseCookies } from './session-cookies';
import { refreshSession } from './session-refresh';
import { IDP_RESPONSE_PATH, idpResponse, startSignIn } from './sign-in-flow';

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request', 401: 'Authorization Required', 404: 'Not Found', 500: 'Internal Server Error', 561: 'Authentication Error',
};
// Dot segments, raw or percent-encoded: routed one way here and resolved another way further on.
const DOT_SEGMENT = /(^|\/)(\.|%2e){1,2}(\/|$)/i;

/** Creates (does not start) the server; `context()` is read per request, once the port is known. */
export function createLocalAlbServer(context: () => AlbContext, log: AlbLog): Server {
  // The ALB accepts request headers up to 64 KB in all, so large session cookies get through.
  return createServer({ maxHeaderSize: 64 * 1024 }, (req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const line = (text: string) => log(`${req.method} ${path} ${text}`.replace(/[\x00-\x1f\x7f]/g, '?'));
    handle(context(), req, res, line).catch((e: Error) => {
      line(`500 internal error: ${e.message}`);
      if (!res.headersSent) reply(res, { status: 500 });
      else res.destroy();
    });
  });
}

async function handle(ctx: AlbContext, req: IncomingMessage, res: ServerResponse, log: AlbLog): Promise<void> {
  const target = req.url ?? '';
  const host = (req.headers.host ?? '').toLowerCase().replace(/:\d+$/, '');
  // Like an ALB with no rule for the host; also keeps DNS-rebinding pages away from the local service.
  if (!ctx.hosts.has(host)) return answer(res, { status: 404, note: 'unknown host' }, log);
  const [path, search = ''] = target.split(/\?(.*)/s);
  if (!path.startsWith('/') || DOT_SEGMENT.test(path)) return answer(res, { status: 400, note: 'not an origin-form path' }, log);
  if (path === IDP_RESPONSE_PATH && ctx.signIn) return answer(res, await idpResponse(ctx, ctx.signIn, req, new URLSearchParams(search)), log);
  const matched = ctx.table.match(path);
  if (!matched) return answer(res, { status: 404, note: 'no Ingress rule' }, log);
  const { ingress } = matched;
  const auth = ingress.auth;
  if (!auth || !ctx.signIn) return forward(ctx, req, res, undefined, log);
  const cookies = parseCookies(req.headers.cookie);
  let lookup = ctx.sessions.read(cookies, ingress.id, auth);
  let refreshed: string[] = [];
  if (lookup.kind === 'valid' && lookup.session.accessTokenExp <= Date.now() / 1000) {
    const fresh = await refreshSession(ctx, ctx.signIn, lookup.session, auth, cookies);
    lookup = fresh ? { kind: 'valid', session: fresh.session } : { kind: 'expired' };
    refreshed = [...fresh?.cookies ?? []];
  }
  let user: SignedInUser | undefined;
  if (lookup.kind === 'valid') {
    user = { session: lookup.session, auth, setCookies: refreshed };
  } else if (auth.onUnauthenticatedRequest === 'deny' && lookup.kind !== 'expired') {
    return answer(res, { status: 401, note: `session ${lookup.kind}, deny` }, log);
  } else if (auth.onUnauthenticatedRequest !== 'allow') {
    // `deny` still sends an expired session to sign in again, as the ALB does.
    return answer(res, startSignIn(ctx, ctx.signIn, req, ingress, auth), log);
  }
  return forward(ctx, req, res, user, log);
}

function answer(res: ServerResponse, r: AlbReply, log: AlbLog): void {
  reply(res, r);
  log(`${r.status}${r.note ? ` ${r.note}` : ''}`);
}

function reply(res: ServerResponse, r: Pick<AlbReply, 'status' | 'headers'>): void {
  const text = `${r.status} ${STATUS_TEXT[r.status] ?? 'Found'}\n`;
  res.writeHead(r.status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...r.headers }).end(text);
}
