import { FetchError, JwkValidationError, JwksNotAvailableInCacheError, JwksValidationError, JwtExpiredError, JwtParseError } from 'aws-jwt-verify/error';
import type { ErrorRequestHandler } from 'express';
import type { LogFunction } from './app';

/** The RFC 6750 `WWW-Authenticate: Bearer` attributes an error asks the error handler to send. */
export interface BearerChallenge {
  /** The RFC 6750 error code; absent when the request carried no bearer credentials at all. */
  readonly error?: 'invalid_request' | 'invalid_token' | 'insufficient_scope';
  /** The scopes the route requires, sent with `insufficient_scope`. */
  readonly scope?: readonly string[];
}

/** Base class of every error answered to a client: a status, a stable `code` and a fixed message, never a library's or the request's text. */
export class ServiceError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly challenge?: BearerChallenge) {
    super(message);
    this.name = new.target.name;
  }
}

/** 400: the request is malformed (bad JSON, several credentials, oversized authorization). */
export class BadRequestError extends ServiceError {
  constructor(message: string, challenge?: BearerChallenge) {
    super(400, challenge ? 'invalid_request' : 'bad_request', message, challenge);
  }
}

/** 401, with a bearer challenge when one is given: no credentials (no `error` attribute) or an unacceptable token. */
export class UnauthorizedError extends ServiceError {
  constructor(message: string, challenge?: BearerChallenge) {
    super(401, challenge?.error ?? 'unauthorized', message, challenge);
  }
}

/** 401 `invalid_token`: the bearer token is malformed, expired, forged or not meant for this service. */
export class InvalidTokenError extends UnauthorizedError {
  constructor(message = 'The access token is invalid') {
    super(message, { error: 'invalid_token' });
  }
}

/** A configuration problem found at start-up; the message lists every problem with its fix. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Maps what verification threw to a ServiceError: 503 when the signing keys cannot be loaded, else 401 with a fixed text. */
export function toTokenError(err: unknown): ServiceError {
  if (err instanceof ServiceError) return err;
  if ([FetchError, JwksValidationError, JwkValidationError, JwksNotAvailableInCacheError].some((type) => err instanceof type)) {
    return new ServiceError(503, 'temporarily_unavailable', 'The token signing keys cannot be loaded right now; retry later');
  }
  if (err instanceof JwtExpiredError) return new InvalidTokenError('The access token has expired');
  // Node's crypto errors for a key it cannot import or that does not fit the algorithm too: a token
  // nobody could verify is a 401, not a server failure. The message may quote the token: never sent.
  return new InvalidTokenError(err instanceof JwtParseError ? 'The access token is malformed' : undefined);
}

/** The app's one error handler: a ServiceError becomes its status, challenge and JSON body; anything else is logged and a bare 500. */
export function errorHandler(realm: string, log: LogFunction): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const error = toServiceError(err);
    if (error === undefined) {
      const e = err instanceof Error ? err : new Error(String(err));
      log({ level: 'error', msg: 'unhandled error', method: req.method, path: req.path, error: e.name, message: e.message, stack: e.stack });
      res.status(500).json({ error: 'internal_error', message: 'The server failed to handle the request' });
      return;
    }
    const { challenge, message } = error;
    if (challenge) {
      // RFC 6750 section 3; the texts are the kit's own, so quoting needs no escapes.
      const attributes = [`realm="${realm}"`];
      if (challenge.error) attributes.push(`error="${challenge.error}"`, `error_description="${message}"`);
      if (challenge.scope) attributes.push(`scope="${challenge.scope.join(' ')}"`);
      res.set('WWW-Authenticate', `Bearer ${attributes.join(', ')}`);
    }
    if (error.status === 503) res.set('Retry-After', '5');
    res.status(error.status).json({ error: error.code, message });
  };
}

// body-parser and the router report client mistakes as errors with `type` and a 4xx `status`.
function toServiceError(err: unknown): ServiceError | undefined {
  if (err instanceof ServiceError) return err;
  const { type, status } = (err ?? {}) as { type?: unknown; status?: unknown };
  if (type === 'entity.too.large') return new ServiceError(413, 'payload_too_large', 'The request body exceeds the size limit');
  if (type === 'entity.parse.failed') return new BadRequestError('The request body is not valid JSON');
  return typeof status === 'number' && status >= 400 && status < 500 ? new ServiceError(status, 'bad_request', 'The request could not be read') : undefined;
}
