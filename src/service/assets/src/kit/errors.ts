/**
 * The service's error hierarchy: every error that reaches a client is a ServiceError, which the one
 * error handler (error-handler.ts) turns into a status, a challenge and a JSON body. Messages are fixed
 * texts written here, never a library message or request content.
 */
import { FetchError, JwkValidationError, JwksNotAvailableInCacheError, JwksValidationError, JwtExpiredError, JwtParseError } from 'aws-jwt-verify/error';

/** The RFC 6750 `WWW-Authenticate: Bearer` attributes an error asks the error handler to send. */
export interface BearerChallenge {
  /** The RFC 6750 error code; absent when the request carried no bearer credentials at all. */
  readonly error?: 'invalid_request' | 'invalid_token' | 'insufficient_scope';
  /** The scopes the route requires, sent with `insufficient_scope`. */
  readonly scope?: readonly string[];
}

/** Base class of every error the service answers with a status, a stable `code` and a fixed message of its own. */
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
    super(403, 'insufficient_scope', 'The access token lacks a scope this route requires', { error: 'insufficient_scope', scope: requiredScopes });
  }
}

/** 503: the token signing keys cannot be loaded right now. */
export class ServiceUnavailableError extends ServiceError {
  constructor() {
    super(503, 'temporarily_unavailable', 'The token signing keys cannot be loaded right now; retry later');
  }
}

/** A configuration problem found at start-up; the message lists every problem with its fix. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Why a token was refused, as far as the client is told. */
export type TokenRejection = 'malformed' | 'expired' | 'invalid';

const ACCESS_TOKEN_TEXT: Readonly<Record<TokenRejection, string>> = {
  malformed: 'The access token is malformed',
  expired: 'The access token has expired',
  invalid: 'The access token is invalid',
};

/**
 * Maps whatever verification threw to a ServiceError: unreachable or broken signing keys are 503, every
 * other error refuses the token with a fixed text (never the message, which may quote token content).
 * That includes Node's crypto errors for a key it cannot import or that does not fit the token's
 * algorithm: a token nobody could verify is refused (401), not a server failure (500).
 */
export function toTokenError(
  err: unknown,
  reject: (reason: TokenRejection) => ServiceError = (reason) => new InvalidTokenError(ACCESS_TOKEN_TEXT[reason]),
): ServiceError {
  if (err instanceof ServiceError) return err;
  const keysUnavailable = [FetchError, JwksValidationError, JwkValidationError, JwksNotAvailableInCacheError].some((type) => err instanceof type);
  if (keysUnavailable) return new ServiceUnavailableError();
  if (err instanceof JwtExpiredError) return reject('expired');
  return reject(err instanceof JwtParseError ? 'malformed' : 'invalid');
}
