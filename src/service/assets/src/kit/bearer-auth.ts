import type { IncomingMessage } from 'node:http';
import type { NextFunction, RequestHandler, Response } from 'express';
import { bearerContextOf, type BearerVerifier } from './bearer-verifier';
import { BadRequestError, InvalidTokenError, ServiceError, UnauthorizedError } from './errors';
import type { BearerAuthContext } from './route';

// The longest Authorization header looked at; Cognito access tokens are a few kilobytes at most.
const MAX_AUTHORIZATION_LENGTH = 8192;

/**
 * Express middleware for `bearer` routes (RFC 6750): reads exactly one bearer token from the
 * Authorization header, verifies it, checks that it has every one of the route's scopes and sets
 * `res.locals.auth`. Failures go to the error handler as ServiceErrors carrying the challenge to send.
 */
export function bearerAuth(verifier: BearerVerifier, scopes: readonly string[]): RequestHandler {
  // Runs on every request of the route: no closure or array is allocated on the cached-token path.
  const grant = (auth: BearerAuthContext, res: Response, next: NextFunction): void => {
    for (const scope of scopes) {
      if (!auth.scopes.includes(scope)) {
        const challenge = { error: 'insufficient_scope', scope: scopes } as const;
        return next(new ServiceError(403, 'insufficient_scope', 'The access token lacks a scope this route requires', challenge));
      }
    }
    res.locals.auth = auth;
    next();
  };
  return (req, res, next) => {
    let token: string;
    try {
      const value = readAuthorization(req);
      // A token verified before, sent exactly as `Bearer <token>`, continues synchronously: the hit proves
      // the credential's syntax (a verified JWT has no space or comma), so only the query is left to check.
      const known = verifier.peek?.(value);
      if (known !== undefined) {
        assertNoQueryToken(req);
        return grant(known, res, next);
      }
      token = parseBearerCredential(value, req);
    } catch (err) {
      return next(err);
    }
    verifier.verify(token).then((claims) => grant(bearerContextOf(claims), res, next), next);
  };
}

// The value of the request's only Authorization header; Node keeps only the first of repeated
// headers, the raw list shows them all.
function readAuthorization(req: IncomingMessage): string {
  let value: string | undefined;
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i];
    // The common spellings first: no lowercase copy of the name on the hot path.
    if (name.length === 13 && (name === 'Authorization' || name === 'authorization' || name.toLowerCase() === 'authorization')) {
      if (value !== undefined) throw multipleCredentials();
      value = req.rawHeaders[i + 1];
    }
  }
  if (value === undefined) throw new UnauthorizedError('This route requires a bearer access token', {});
  if (value.length > MAX_AUTHORIZATION_LENGTH) throw new BadRequestError('The Authorization header is too large', { error: 'invalid_request' });
  return value;
}

// RFC 6750 section 2.1: a case-insensitive scheme, then one credential, whose syntax aws-jwt-verify's
// stricter JWT parser checks. Another scheme counts as no bearer credentials (section 3.1): no error code.
function parseBearerCredential(value: string, req: IncomingMessage): string {
  const space = value.indexOf(' ');
  if ((space === -1 ? value : value.slice(0, space)).toLowerCase() !== 'bearer') {
    throw value.includes(',') ? multipleCredentials() : new UnauthorizedError('This route requires a bearer access token', {});
  }
  const token = space === -1 ? '' : value.slice(space + 1).trimStart();
  if (token.includes(',')) throw multipleCredentials();
  if (token === '' || token.includes(' ')) throw new InvalidTokenError('The access token is malformed');
  assertNoQueryToken(req);
  return token;
}

// RFC 6750 section 2.3 allows a token in the query; accepting it would write tokens into access logs.
function assertNoQueryToken(req: IncomingMessage): void {
  if (req.url?.includes('access_token=') && /[?&]access_token=/.test(req.url)) {
    throw new BadRequestError('Send the access token in the Authorization header only', { error: 'invalid_request' });
  }
}

function multipleCredentials(): Error {
  return new BadRequestError('Send exactly one credential in one Authorization header', { error: 'invalid_request' });
}
