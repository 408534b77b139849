import express, { type RequestHandler } from 'express';
import { albUserAuth } from './alb-user-auth';
import type { AlbUserVerifier } from './alb-user-verifier';
import { bearerAuth } from './bearer-auth';
import type { BearerVerifier } from './bearer-verifier';
import { errorHandler } from './error-handler';
import { BadRequestError, ConfigError, ServiceError } from './errors';
import { jsonLineLog, requestLog, type LogFunction } from './request-log';
import type { RouteDefinition } from './route';
import { signOut, type SignOutConfig } from './sign-out';

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
   * The ALB user verifier; required when a route uses `alb-user`.
   * @default none
   */
  readonly albUser?: AlbUserVerifier;
  /**
   * The sign-out route (GET `path`), mounted before the routes; set when the spec has user sign-in.
   * @default none
   */
  readonly signOut?: SignOutConfig & { readonly path: string };
  /**
   * Whether /readyz answers 200.
   * @default the bearer verifier's isReady(), or always ready without one
   */
  readonly isReady?: () => boolean;
  /**
   * Receives one entry per request and one per unexpected error.
   * @default one JSON line on stdout
   */
  readonly log?: LogFunction;
  /**
   * Adds the owner's app-wide middleware (CORS, metrics, a body parser for another type); called once,
   * after the kit's own middleware and probes and before the routes, so it runs before authentication.
   * @default nothing is added
   */
  readonly configure?: (app: express.Express) => void;
}

/** The largest accepted JSON request body; larger bodies get 413. */
export const JSON_BODY_LIMIT = '1mb';

/**
 * The deepest nesting of arrays and objects accepted in a JSON request body; deeper bodies get 400.
 * A megabyte of `[` parses fine but overflows the stack of any recursive walk, JSON.stringify included.
 */
export const JSON_MAX_DEPTH = 64;

// RFC 7230 quoted-string without escapes; RFC 6749 section 3.3 scope-token.
const REALM = /^[\x20\x21\x23-\x5B\x5D-\x7E]+$/;
const SCOPE = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

/**
 * Builds the Express app: probes, every route behind the middleware its `auth` asks for, a JSON
 * body parser, JSON 404s, one error handler and one log line per request. Throws a ConfigError
 * listing every inconsistency, e.g. a `bearer` route without a bearer verifier.
 */
export function createApp(options: AppOptions): express.Express {
  const problems = appProblems(options);
  if (problems.length > 0) throw new ConfigError(problems);
  const log = options.log ?? jsonLineLog;
  const isReady = options.isReady ?? (() => options.bearer?.isReady() ?? true);
  const app = express();
  app.disable('x-powered-by');
  // Responses are per-caller API data, not cacheable documents: skip hashing every body for an ETag.
  app.set('etag', false);
  app.use(requestLog(log));
  app.get('/healthz', (_req, res) => res.json({ status: 'ok' }));
  app.get('/readyz', (_req, res) => {
    const ready = isReady();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'starting' });
  });
  options.configure?.(app);
  // The ALB has no sign-out; mounted first so no route of the table can shadow it.
  if (options.signOut) app.get(options.signOut.path, signOut(options.signOut));
  const json = express.json({ limit: JSON_BODY_LIMIT, verify: (_req, _res, body, encoding) => assertJsonDepth(body, encoding) });
  for (const route of options.routes) {
    const method = route.method.toLowerCase() as Lowercase<RouteDefinition['method']>;
    // Authenticate before parsing, so anonymous callers cannot make the service read bodies.
    app[method](route.path, ...authenticate(route, options), json, route.handler);
  }
  app.use((_req, _res, next) => next(new ServiceError(404, 'not_found', 'No route matches this method and path')));
  app.use(errorHandler({ realm: options.realm, log }));
  return app;
}

function authenticate(route: RouteDefinition, options: AppOptions): RequestHandler[] {
  if (route.auth === 'bearer' && options.bearer) return [bearerAuth({ verifier: options.bearer, scopes: route.scopes })];
  if (route.auth === 'alb-user' && options.albUser) return [albUserAuth(options.albUser)];
  return [];
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
    if (inString) {
      if (byte === 0x5c) i++; // a backslash escapes the next character
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) {
      inString = true;
    } else if (byte === 0x5b || byte === 0x7b) {
      if (++depth > JSON_MAX_DEPTH) throw new BadRequestError(`The JSON body nests deeper than ${JSON_MAX_DEPTH} levels`);
    } else if (byte === 0x5d || byte === 0x7d) {
      depth--;
    }
  }
}

function appProblems(options: AppOptions): string[] {
  const problems: string[] = [];
  if (!REALM.test(options.realm)) problems.push(`realm "${options.realm}" must be non-empty printable ASCII without " or \\: use the service name`);
  const seen = new Set<string>();
  for (const route of options.routes) {
    const name = `${route.method} ${route.path}`;
    const badScopes = route.scopes.filter((scope) => !SCOPE.test(scope)).map((s) => JSON.stringify(s));
    if (seen.has(name)) problems.push(`route ${name} is defined twice: keep one`);
    seen.add(name);
    if (!route.path.startsWith('/')) problems.push(`route ${name} has a path that does not start with /`);
    if (['/healthz', '/readyz'].includes(route.path)) problems.push(`route ${name} clashes with the built-in probe: choose another path`);
    if (name === `GET ${options.signOut?.path}`) problems.push(`route ${name} clashes with the sign-out route: choose another path`);
    if (route.auth === 'bearer' && !options.bearer) problems.push(`route ${name} uses auth 'bearer' but no bearer verifier was given: pass bearer: createBearerVerifier(...)`);
    if (route.auth === 'alb-user' && !options.albUser) {
      problems.push(`route ${name} uses auth 'alb-user' but no ALB user verifier was given: pass albUser: createAlbUserVerifier(...)`);
    }
    if (route.auth !== 'bearer' && route.scopes.length > 0) problems.push(`route ${name} lists scopes but uses auth '${route.auth}': scopes apply to bearer routes only`);
    if (badScopes.length > 0) problems.push(`route ${name} has invalid scopes ${badScopes.join(', ')}: a scope has no spaces, quotes or backslashes`);
  }
  return problems;
}
