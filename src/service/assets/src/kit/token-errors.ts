import {
  FetchError,
  JwkValidationError,
  JwksNotAvailableInCacheError,
  JwksValidationError,
  JwtBaseError,
  JwtExpiredError,
  JwtParseError,
} from 'aws-jwt-verify/error';
import { InvalidTokenError, ServiceError, ServiceUnavailableError } from './errors';

/** Why a token was refused, as far as the client is told. */
export type TokenRejection = 'malformed' | 'expired' | 'invalid';

const ACCESS_TOKEN_TEXT: Readonly<Record<TokenRejection, string>> = {
  malformed: 'The access token is malformed',
  expired: 'The access token has expired',
  invalid: 'The access token is invalid',
};

/**
 * Maps whatever verification threw to a ServiceError: unreachable or broken signing keys are 503,
 * every other aws-jwt-verify error is a rejection of the token with a fixed text (never the library's
 * message, which may quote token content). Anything else is a bug and is returned unchanged (500).
 */
export function toTokenError(
  err: unknown,
  reject: (reason: TokenRejection) => ServiceError = (reason) => new InvalidTokenError(ACCESS_TOKEN_TEXT[reason]),
): unknown {
  if (err instanceof ServiceError) return err;
  if (
    err instanceof FetchError ||
    err instanceof JwksValidationError ||
    err instanceof JwkValidationError ||
    err instanceof JwksNotAvailableInCacheError
  ) {
    return new ServiceUnavailableError('The token signing keys cannot be loaded right now; retry later');
  }
  if (err instanceof JwtExpiredError) return reject('expired');
  if (err instanceof JwtParseError) return reject('malformed');
  if (err instanceof JwtBaseError) return reject('invalid');
  return err;
}
