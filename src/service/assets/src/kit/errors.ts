/**
 * The service's error hierarchy: every error that reaches a client is a ServiceError, and
 * the one error handler in error-handler.ts turns its status, code and message into the response.
 * Messages are fixed texts written here, never a library message or request content.
 */

/** The RFC 6750 `WWW-Authenticate: Bearer` attributes an error asks the error handler to send. */
export interface BearerChallenge {
  /** The RFC 6750 error code; absent when the request carried no bearer credentials at all. */
  readonly error?: 'invalid_request' | 'invalid_token' | 'insufficient_scope';
  /** The scopes the route requires, sent with `insufficient_scope`. */
  readonly scope?: readonly string[];
}

/** Base class of every error the service answers with a 4xx or 5xx status of its own choosing. */
export class ServiceError extends Error {
  constructor(
    /** The HTTP status code. */
    readonly status: number,
    /** A stable machine-readable code, sent as `error` in the JSON body. */
    readonly code: string,
    message: string,
    /** When set, the response carries a `WWW-Authenticate: Bearer` challenge. */
    readonly challenge?: BearerChallenge,
  ) {
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

/** 401 with a bearer challenge: no credentials (no `error` attribute) or an unacceptable token. */
export class UnauthorizedError extends ServiceError {
  constructor(message: string, challenge: BearerChallenge | undefined) {
    super(401, challenge?.error ?? 'unauthorized', message, challenge);
  }
}

/** 401 `invalid_token`: the bearer token is malformed, expired, forged or not meant for this service. */
export class InvalidTokenError extends UnauthorizedError {
  constructor(message: string) {
    super(message, { error: 'invalid_token' });
  }
}

/** 403 `insufficient_scope`: the token is valid but lacks a scope the route requires. */
export class InsufficientScopeError extends ServiceError {
  constructor(readonly requiredScopes: readonly string[]) {
    super(403, 'insufficient_scope', 'The access token lacks a scope this route requires', {
      error: 'insufficient_scope',
      scope: requiredScopes,
    });
  }
}

/** 404: no route matches the method and path. */
export class NotFoundError extends ServiceError {
  constructor() {
    super(404, 'not_found', 'No route matches this method and path');
  }
}

/** 413: the request body exceeds the size limit. */
export class PayloadTooLargeError extends ServiceError {
  constructor() {
    super(413, 'payload_too_large', 'The request body exceeds the size limit');
  }
}

/** 503: a dependency the check needs (the token signing keys) cannot be reached right now. */
export class ServiceUnavailableError extends ServiceError {
  constructor(message: string) {
    super(503, 'temporarily_unavailable', message);
  }
}

/** A configuration problem found at start-up; the message lists every problem with its fix. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}
