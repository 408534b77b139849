import type { CognitoAccessTokenPayload } from 'aws-jwt-verify/jwt-model';
import type { RequestHandler } from 'express';

/** One HTTP route of the service: where it lives, who may call it and what answers. */
export interface RouteDefinition {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The Express 5 path, with `:param` placeholders. */
  readonly path: string;
  /** How the caller is authenticated: a Cognito access token, the user the ALB signed in, or nobody. */
  readonly auth: 'bearer' | 'alb-user' | 'none';
  /** Full scope names (`<resource server>/<scope>`), all required; empty unless `auth` is `bearer`. */
  readonly scopes: readonly string[];
  /** The handler; it reads the verified caller from `res.locals.auth`. */
  readonly handler: RequestHandler;
}

/** What a `bearer` route's handler finds in `res.locals.auth` (frozen: one object serves every request with the token). */
export interface BearerAuthContext {
  readonly kind: 'bearer';
  /** The app client the token was issued to (`client_id`). */
  readonly clientId: string;
  /** The token's granted scopes. */
  readonly scopes: readonly string[];
  /** Every verified claim. */
  readonly claims: CognitoAccessTokenPayload;
}

/** The verified caller of each kind of protected route; alb-user-verifier.ts adds `alb-user` where the spec has user sign-in. */
export interface AuthContexts {
  /** The caller of a `bearer` route. */
  readonly bearer: BearerAuthContext;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** The verified caller, set before the handler runs; absent on routes with `auth: 'none'`. */
      auth?: AuthContexts[keyof AuthContexts];
    }
  }
}
