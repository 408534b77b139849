/**
 * What the local ALB's request handlers share: the route table, the IdP, the web client, the
 * session machinery and the signer of `x-amzn-oidc-data`.
 */
import type { IdTokenVerifier } from './id-token-verifier';
import type { IdpEndpoints, WebClient } from './idp-client';
import type { LocalIngress } from './ingress-model';
import type { RouteTable } from './route-table';
import type { SessionSealer } from './session-sealer';
import type { SessionStore } from './session-store';

/** One line per request, without tokens, codes, states or secrets. */
export type AlbLog = (line: string) => void;

/** The sign-in half, present when some Ingress has `auth-type: cognito`. */
export interface AlbSignIn {
  readonly endpoints: IdpEndpoints;
  readonly client: WebClient;
  readonly idTokens: IdTokenVerifier;
  /** Signs `x-amzn-oidc-data` for the claims, valid until `exp` (seconds). */
  readonly signClaims: (claims: Readonly<Record<string, unknown>>, exp: number) => string;
}

/** The local ALB's state. */
export interface AlbContext {
  /** `http://localhost:<port>`: the origin of `redirect_uri` and of the session cookies. */
  readonly origin: string;
  readonly port: number;
  readonly ingresses: readonly LocalIngress[];
  readonly table: RouteTable;
  /** Host names (no port) the ALB answers: localhost, 127.0.0.1 and every Ingress host. */
  readonly hosts: ReadonlySet<string>;
  readonly backend: URL;
  readonly sealer: SessionSealer;
  readonly sessions: SessionStore;
  readonly signIn?: AlbSignIn;
}

/** An answer the ALB writes itself. */
export interface AlbReply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string | string[]>>;
  /** Extra words for the log line. */
  readonly note?: string;
}
