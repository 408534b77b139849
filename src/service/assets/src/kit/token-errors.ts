import {
  FetchError,
  JwkValidationError,
  JwksNotAvailableInCacheError,
  JwksValidationError,
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
 * every other error is a rejection of the token with a fixed text (never the message, which may quote
 * token content). That includes errors from outside aws-jwt-verify's own set: Node's crypto throws
 * when the key set holds a key it cannot import or that does not fit the token's algorithm, and a
 * token nobody could verify is refused (401), not a server failure (500).
 */
export function toTokenError(
  err: unknown,
  reject: (reason: TokenRejection) => ServiceError = (reason) => new InvalidTokenError(ACCESS_TOKEN_TEXT[reason]),
): ServiceError {
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
  return reject('invalid');
}
