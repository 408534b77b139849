import type { AlbJwtPayload, CognitoAccessTokenPayload } from 'aws-jwt-verify/jwt-model';
import type { RequestHandler } from 'express';

/**
 * How a route authenticates its caller: a Cognito access token (`bearer`), the user the ALB
 * authenticated (`alb-user`), or nobody (`none`).
 */
export type RouteAuth = 'bearer' | 'alb-user' | 'none';

/** One HTTP route of the service: where it lives, who may call it and what answers. */
export interface RouteDefinition {
  /** The HTTP method. */
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The Express 5 path, with `:param` placeholders. */
  readonly path: string;
  /** How the caller is authenticated. */
  readonly auth: RouteAuth;
  /** Full scope names (`<resource server>/<scope>`), all required; empty unless `auth` is `bearer`. */
  readonly scopes: readonly string[];
  /** The handler; it reads the verified caller from `res.locals.auth`. */
  readonly handler: RequestHandler;
}

/** The verified claims of a Cognito access token. */
export type BearerClaims = CognitoAccessTokenPayload;

/** The verified claims of the ALB's `x-amzn-oidc-data` header. */
export type AlbUserClaims = AlbJwtPayload;

/** What a `bearer` route's handler finds in `res.locals.auth`. */
export interface BearerAuthContext {
  /** Discriminates the context. */
  readonly kind: 'bearer';
  /** The app client the token was issued to (`client_id`). */
  readonly clientId: string;
  /** The token's granted scopes. */
  readonly scopes: readonly string[];
  /** Every verified claim (frozen: the same object serves every request with this token). */
  readonly claims: BearerClaims;
}

/** What an `alb-user` route's handler finds in `res.locals.auth`. */
export interface AlbUserAuthContext {
  /** Discriminates the context. */
  readonly kind: 'alb-user';
  /** The user's subject, equal to the `x-amzn-oidc-identity` header. */
  readonly sub: string;
  /** Every verified claim of `x-amzn-oidc-data`. */
  readonly claims: AlbUserClaims;
}

/** The verified caller of a protected route, set by the auth middleware before the handler runs. */
export type AuthContext = BearerAuthContext | AlbUserAuthContext;

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** The verified caller; absent on routes with `auth: 'none'`. */
      auth?: AuthContext;
    }
  }
}
