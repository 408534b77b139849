import express, { type RequestHandler } from 'express';
import { bearerAuth } from './bearer-auth';
import type { BearerVerifier } from './bearer-verifier';
import { BadRequestError, ConfigError, errorHandler, ServiceError } from './errors';
import type { RouteDefinition } from './route';

/** Receives one structured log entry; the default writes it to stdout as one JSON line. */
export type LogFunction = (entry: Record<string, unknown>) => void;

/** Writes a log entry to stdout as one JSON line. */
export const jsonLineLog: LogFunction = (entry) => {
  process.stdout.write(`${JSON.stringify(entry)}\n`);
};

/** Options of createApp. */
export interface AppOptions {
  /** Every route the service serves. */
  readonly routes: readonly RouteDefinition[];
  /** The realm named in `WWW-Authenticate: Bearer` challenges, usually the service name. */
  readonly realm: string;
  /**
   * The access-token verifier; required when a route uses `bearer`.
   * @default none
   */
  readonly bearer?: BearerVerifier;
  /**
   * The check of `alb-user` routes (albUserAuth); required when a route uses `alb-user`.
   * @default none
   */
  readonly albUser?: RequestHandler;
  /**
   * The sign-out route (GET), mounted before the route table.
   * @default none
   */
  readonly signOut?: { readonly path: string; readonly handler: RequestHandler };
  /**
   * Receives one entry per request and one per unexpected error.
   * @default one JSON line on stdout
   */
  readonly log?: LogFunction;
  /**
   * Adds the owner's app-wide middleware (CORS, metrics); called once, after the probes and before the routes and their checks.
   * @default nothing is added
   */
  readonly configure?: (app: express.Express) => void;
}

/** The deepest nesting accepted in a JSON body: a megabyte of `[` parses, but overflows any recursive walk (JSON.stringify too). */
export const JSON_MAX_DEPTH = 64;

/** Builds the Express app: probes, the routes behind their checks and a JSON body parser (1 MB), JSON 404s, one error handler, one log line per request. */
export function createApp(options: AppOptions): express.Express {
  // A route whose check is missing (a `bearer` route without a verifier) is refused, never served open.
  const checkOf = { 'bearer': undefined, 'alb-user': options.albUser, 'none': undefined };
  const checks = options.routes.map((r) => (r.auth === 'bearer' && options.bearer ? bearerAuth(options.bearer, r.scopes) : checkOf[r.auth]));
  const unchecked = options.routes.filter((route, i) => route.auth !== 'none' && checks[i] === undefined);
  if (unchecked.length > 0) {
    throw new ConfigError(unchecked.map((r) => `route ${r.method} ${r.path} uses auth '${r.auth}' but has no check: pass ${r.auth === 'bearer' ? 'bearer' : 'albUser'} to createApp`));
  }
  const log = options.log ?? jsonLineLog;
  const app = express();
  app.disable('x-powered-by');
  // Responses are per-caller API data, not cacheable documents: skip hashing every body for an ETag.
  app.set('etag', false);
  app.use(requestLog(log));
  app.get('/healthz', (_req, res) => res.json({ status: 'ok' }));
  app.get('/readyz', (_req, res) => {
    // Ready once the signing keys are loaded (a pod without them answers every token with 503); until
    // then each probe, the kubelet's or the ALB's, retries their download.
    const ready = options.bearer?.isReady() ?? true;
    if (!ready) options.bearer?.hydrate().then(() => log({ msg: 'signing keys loaded' }), () => log({ level: 'warn', msg: 'signing keys not loaded yet' }));
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'starting' });
  });
  options.configure?.(app);
  if (options.signOut) app.get(options.signOut.path, options.signOut.handler);
  const json = express.json({ limit: '1mb', verify: (_req, _res, body, encoding) => assertJsonDepth(body, encoding) });
  options.routes.forEach((route, i) => {
    const method = route.method.toLowerCase() as Lowercase<RouteDefinition['method']>;
    // Authenticate before parsing, so anonymous callers cannot make the service read bodies.
    app[method](route.path, ...(checks[i] ? [checks[i]] : []), json, route.handler);
  });
  app.use((_req, _res, next) => next(new ServiceError(404, 'not_found', 'No route matches this method and path')));
  app.use(errorHandler(options.realm, log));
  return app;
}

// One entry per request when its response ends: method, path without the query string (which may
// carry secrets), status and duration; never a header.
function requestLog(log: LogFunction): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.once('close', () => {
      const time = new Date().toISOString();
      const durationMs = Math.round((performance.now() - started) * 100) / 100;
      // `aborted`: the client went away before the response was complete.
      const aborted = res.writableFinished ? {} : { aborted: true };
      log({ time, method: req.method, path: req.originalUrl.split('?', 1)[0], status: res.statusCode, durationMs, ...aborted });
    });
    next();
  };
}

// One pass over the raw bytes before parsing. Multi-byte UTF-8 sequences never contain ASCII bytes,
// so quotes and brackets are found exactly; malformed JSON is left to the parser's 400.
function assertJsonDepth(body: Buffer, encoding: string): void {
  // RFC 8259 section 8.1: JSON exchanged between systems is UTF-8.
  if (encoding !== 'utf-8') throw new ServiceError(415, 'unsupported_media_type', 'Send the JSON body in UTF-8');
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString && byte === 0x5c) i++; // a backslash escapes the next character
    else if (byte === 0x22) inString = !inString;
    else if (!inString && (byte === 0x5b || byte === 0x7b) && ++depth > JSON_MAX_DEPTH) throw new BadRequestError(`The JSON body nests deeper than ${JSON_MAX_DEPTH} levels`);
    else if (!inString && (byte === 0x5d || byte === 0x7d)) depth--;
  }
}
