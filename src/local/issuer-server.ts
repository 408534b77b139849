/**
 * The local issuer's HTTP server: Cognito's token endpoint, hosted UI, userInfo endpoint and public
 * documents, and the ALB's public key endpoint, on node:http. One log line per request, without
 * secrets or tokens (query strings, which carry codes and state, are left out).
 */
import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ALB_KEYS_PATH, albPublicKeyPem } from './alb-signer';
import type { DevCredentials } from './credentials-store';
import { parseCookies } from './hosted-ui/cookies';
import type { HostedUi } from './hosted-ui/hosted-ui';
import { HOSTED_UI_PATHS, handleHostedUi } from './hosted-ui/hosted-ui-routes';
import { errorPage } from './hosted-ui/html-page';
import { handleUserInfo, USERINFO_PATH } from './hosted-ui/userinfo-endpoint';
import type { IssuerReply } from './issuer-reply';
import type { IssuerSpec } from './issuer-spec';
import { jwksPath, openIdConfiguration, openIdConfigurationPath, toJwks } from './jwks';
import { handleTokenRequest } from './token-endpoint';

/** Where the server writes its log lines. */
export type IssuerLog = (line: string) => void;

/** Paths of the token endpoint: the documented one and the short one seed 003 uses. */
export const TOKEN_PATHS: readonly string[] = ['/oauth2/token', '/token'];

/** Token request and form bodies are a few hundred bytes; anything much larger is refused unread. */
const MAX_BODY_BYTES = 16 * 1024;

type Reply = IssuerReply;

/** Creates (does not start) the server for the spec and its dev credentials; `ui` serves the hosted UI. */
export function createIssuerServer(spec: IssuerSpec, credentials: DevCredentials, log: IssuerLog, ui?: HostedUi): Server {
  const server = createServer((req, res) => {
    const started = Date.now();
    const path = pathOf(req.url);
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    void route(req, path, spec, credentials, baseUrl, ui)
      .catch((e: Error): Reply => ({ status: 500, body: { message: 'internal error' }, note: e.message }))
      .then((reply) => {
        const json = typeof reply.body !== 'string';
        res.writeHead(reply.status, {
          'Content-Type': json ? 'application/json;charset=UTF-8' : 'text/plain;charset=UTF-8',
          ...reply.headers as Record<string, string | string[]>,
        });
        res.end(json ? JSON.stringify(reply.body) : reply.body);
        const note = reply.note ? ` ${reply.note}` : '';
        log(`${req.method} ${path} ${reply.status}${note} ${Date.now() - started}ms`.replace(/[\x00-\x1f\x7f]/g, '?'));
      });
  });
  return server;
}

async function route(
  req: IncomingMessage, path: string, spec: IssuerSpec, credentials: DevCredentials, baseUrl: string, ui?: HostedUi,
): Promise<Reply> {
  if (TOKEN_PATHS.includes(path)) {
    if (req.method !== 'POST') return { status: 405, body: { message: 'use POST' }, headers: { Allow: 'POST' } };
    return tokenReply(req, spec, credentials, ui);
  }
  if (HOSTED_UI_PATHS.includes(path)) return pageReply(req, path, ui);
  if (path === USERINFO_PATH) {
    if (req.method !== 'GET') return { status: 405, body: { message: 'use GET' }, headers: { Allow: 'GET' } };
    return handleUserInfo(ui, req.headers.authorization, credentials.signingKey);
  }
  if (req.method !== 'GET') return notFound();
  if (path === jwksPath(spec)) return { status: 200, body: toJwks(credentials.signingKey) };
  if (path === openIdConfigurationPath(spec)) return { status: 200, body: openIdConfiguration(spec, baseUrl) };
  const pem = albPublicKeyPem(credentials);
  if (pem && path === `${ALB_KEYS_PATH}/${credentials.albKey!.kid}`) return { status: 200, body: pem };
  return notFound();
}

async function pageReply(req: IncomingMessage, path: string, ui?: HostedUi): Promise<Reply> {
  let form: URLSearchParams | undefined;
  if (req.method === 'POST') {
    const body = await readBody(req);
    if (body === undefined) return { ...errorPage(413, 'The form is too large.'), note: 'body too large' };
    if (req.headers['content-type']?.split(';')[0].trim().toLowerCase() !== 'application/x-www-form-urlencoded') {
      return errorPage(415, 'The form must be sent as application/x-www-form-urlencoded.');
    }
    form = new URLSearchParams(body);
  }
  const origin = req.headers.origin;
  return handleHostedUi(ui, {
    method: req.method ?? 'GET',
    path,
    query: new URL(req.url ?? '/', 'http://localhost').searchParams,
    cookies: parseCookies(req.headers.cookie),
    form,
    // Browsers send Origin on cross-site POSTs; a form of another site must not act here.
    sameOrigin: origin === undefined || origin === `http://${req.headers.host}`,
  });
}

async function tokenReply(req: IncomingMessage, spec: IssuerSpec, credentials: DevCredentials, ui?: HostedUi): Promise<Reply> {
  // RFC 6749 section 5.1: token responses must not be cached.
  const headers = { 'Cache-Control': 'no-store', 'Pragma': 'no-cache' };
  const body = await readBody(req);
  if (body === undefined) {
    return { status: 413, body: { error: 'invalid_request' }, headers: { ...headers, Connection: 'close' }, note: 'body too large' };
  }
  const response = handleTokenRequest(
    { contentType: req.headers['content-type'], authorization: req.headers.authorization, body }, spec, credentials, ui);
  const note = [response.client && `client=${response.client}`, response.body.error, response.reason && `(${response.reason})`]
    .filter(Boolean).join(' ');
  return { status: response.status, body: response.body, headers: { ...headers, ...response.headers }, note };
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  // An undeclared oversized body is drained rather than cut off, so the 413 still reaches the client.
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  return size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8');
}

function pathOf(url: string | undefined): string {
  try {
    return new URL(url ?? '/', 'http://localhost').pathname;
  } catch {
    // An unparsable request target matches no route and must not crash the server.
    return '/?';
  }
}

function notFound(): Reply {
  return { status: 404, body: { message: 'not found' } };
}
