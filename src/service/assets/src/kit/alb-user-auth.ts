import type { RequestHandler } from 'express';
import type { AlbUserVerifier } from './alb-user-verifier';
import { UnauthorizedError } from './errors';

/**
 * Express middleware for `alb-user` routes: verifies the ALB's `x-amzn-oidc-data`, requires
 * `x-amzn-oidc-identity` to name the same subject, and sets `res.locals.auth`; 401 otherwise.
 */
export function albUserAuth(verifier: AlbUserVerifier): RequestHandler {
  return (req, res, next) => {
    const data = req.headers['x-amzn-oidc-data'];
    const identity = req.headers['x-amzn-oidc-identity'];
    if (typeof data !== 'string' || typeof identity !== 'string' || data === '' || identity === '') {
      next(new UnauthorizedError('This route requires a user signed in at the load balancer', undefined));
      return;
    }
    verifier.verify(data).then((claims) => {
      if (claims.sub !== identity) return next(new UnauthorizedError('The load balancer identity does not match its user claims', undefined));
      res.locals.auth = { kind: 'alb-user', sub: claims.sub, claims };
      next();
    }, next);
  };
}
