/**
 * What the local ALB takes from the generated Ingress manifests: path rules with their backends,
 * and the Cognito authentication settings of each Ingress.
 * @see https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/#authentication
 */

/** How an Ingress path is matched, as the AWS Load Balancer Controller turns it into ALB path patterns. */
export type PathType = 'Exact' | 'Prefix' | 'ImplementationSpecific';

/** What the ALB does with a request that has no valid session (`auth-on-unauthenticated-request`). */
export type UnauthenticatedAction = 'authenticate' | 'allow' | 'deny';

/** The `auth-idp-cognito` annotation. */
export interface CognitoIdp {
  readonly userPoolARN: string;
  /** `NotYetDeployed` before the stack exists; locally replaced by the local web client (see `startLocalAlb`). */
  readonly userPoolClientID: string;
  readonly userPoolDomain: string;
  /** Extra query parameters of the authorize redirect. */
  readonly authenticationRequestExtraParams: Readonly<Record<string, string>>;
}

/** The authenticate-cognito action of an Ingress, annotation defaults applied. */
export interface CognitoAuth {
  readonly idp: CognitoIdp;
  /** `auth-scope`, default `openid`. */
  readonly scope: string;
  /** `auth-session-cookie`, default `AWSELBAuthSessionCookie`; shards are `<name>-0`, `<name>-1`, ... */
  readonly sessionCookie: string;
  /** `auth-session-timeout` in seconds, default 604800 (7 days). */
  readonly sessionTimeoutSeconds: number;
  /** `auth-on-unauthenticated-request`, default `authenticate`. */
  readonly onUnauthenticatedRequest: UnauthenticatedAction;
}

/** One `http.paths` entry of an Ingress rule (or its `defaultBackend`, which has no path). */
export interface IngressPathRule {
  /** The path, or undefined for `spec.defaultBackend`. */
  readonly path?: string;
  readonly pathType: PathType;
  /** `<service name>:<port>`; locally every backend is the one service URL. */
  readonly backend: string;
}

/** One ALB Ingress read from `k8s/`. */
export interface LocalIngress {
  /** `<namespace>/<name>`. */
  readonly id: string;
  /** Repository-relative manifest file. */
  readonly file: string;
  /** Rule hosts; locally `localhost` stands for each of them. */
  readonly hosts: readonly string[];
  readonly paths: readonly IngressPathRule[];
  /** Present when `auth-type` is `cognito`. */
  readonly auth?: CognitoAuth;
}
