import type { ErrorRequestHandler } from 'express';
import { BadRequestError, ServiceError, type BearerChallenge } from './errors';
import type { LogFunction } from './request-log';

/** Options of errorHandler. */
export interface ErrorHandlerOptions {
  /** The realm named in every `WWW-Authenticate: Bearer` challenge. */
  readonly realm: string;
  /** Where unexpected errors are logged. */
  readonly log: LogFunction;
}

/**
 * The app's one error handler: maps a ServiceError (or a body-parser error) to its status,
 * challenge and JSON body `{ error, message }`; anything else is logged and answered with a bare 500.
 */
export function errorHandler(options: ErrorHandlerOptions): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const error = toServiceError(err);
    if (error === undefined) {
      const e = err instanceof Error ? err : new Error(String(err));
      options.log({ level: 'error', msg: 'unhandled error', method: req.method, path: req.path, error: e.name, message: e.message, stack: e.stack });
      res.status(500).json({ error: 'internal_error', message: 'The server failed to handle the request' });
      return;
    }
    if (error.challenge) res.set('WWW-Authenticate', bearerChallenge(options.realm, error.challenge, error.message));
    if (error.status === 503) res.set('Retry-After', '5');
    res.status(error.status).json({ error: error.code, message: error.message });
  };
}

/** Renders an RFC 6750 `WWW-Authenticate` value; the texts are the kit's own, so quoting needs no escapes. */
export function bearerChallenge(realm: string, challenge: BearerChallenge, description: string): string {
  const attributes = [`realm="${realm}"`];
  if (challenge.error) attributes.push(`error="${challenge.error}"`, `error_description="${description}"`);
  if (challenge.scope) attributes.push(`scope="${challenge.scope.join(' ')}"`);
  return `Bearer ${attributes.join(', ')}`;
}

// body-parser and the router report client mistakes as errors with `type` and a 4xx `status`.
function toServiceError(err: unknown): ServiceError | undefined {
  if (err instanceof ServiceError) return err;
  const { type, status } = (err ?? {}) as { type?: unknown; status?: unknown };
  if (type === 'entity.too.large') return new ServiceError(413, 'payload_too_large', 'The request body exceeds the size limit');
  if (type === 'entity.parse.failed') return new BadRequestError('The request body is not valid JSON');
  if (typeof status === 'number' && status >= 400 && status < 500) return new ServiceError(status, 'bad_request', 'The request could not be read');
  return undefined;
}
