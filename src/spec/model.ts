/**
 * The validated, fully resolved service model. Components render from this and nothing else.
 */
import type { HttpMethod, PodIamMode, RouteAuth } from './options';

/** A resource-server scope, with its full name as it appears in tokens. */
export interface Scope {
  readonly name: string;
  readonly description: string;
  /** `<identifier>/<name>`, the value found in a token's `scope` claim. */
  readonly fullName: string;
}

/** A Cognito app client. */
export interface AppClient {
  readonly name: string;
  /** CloudFormation logical id, for example `ReadClient`. */
  readonly logicalId: string;
  /** Suffix of `CLIENT_CREDENTIALS_<envName>`: `readClient` becomes `READ`. */
  readonly envName: string;
  readonly scopes: readonly Scope[];
  readonly generateSecret: boolean;
}

/** An API route with everything derived from it. */
export interface Route {
  readonly method: HttpMethod;
  /** The spec path, `{param}` style. */
  readonly path: string;
  /** Express 5 path, `:param` style. */
  readonly expressPath: string;
  /** A sample request path with every parameter filled in (`sample-<param>`). */
  readonly samplePath: string;
  readonly auth: RouteAuth;
  /** Whether the method carries a JSON body (POST, PUT, PATCH). */
  readonly hasBody: boolean;
  readonly scopes: readonly Scope[];
  /** Handler function name, camelCase. */
  readonly handler: string;
  /** Handler module name, kebab-case (file `src/handlers/<module>.ts`). */
  readonly handlerModule: string;
  /** The call path the starting handler relays, when the spec asks for one. */
  readonly relay?: { readonly call: string; readonly path: string };
}

/** An API the service calls with a client-credentials token. */
export interface OutboundCall {
  /** camelCase name, the export of `src/calls.ts`. */
  readonly name: string;
  /** Suffix of `CALL_<envName>_BASE_URL`: `ordersApi` becomes `ORDERS_API`. */
  readonly envName: string;
  readonly baseUrl: string;
  /** Whether the base URL's host is the service's own API host (locally, the call goes to the local service). */
  readonly self: boolean;
  /** Scopes the token asks for. */
  readonly scopes: readonly Scope[];
  /** The app client whose credentials fetch the token (`CLIENT_ID_<envName>`, `CLIENT_SECRET_<envName>`). */
  readonly client: AppClient;
}

/** ALB user sign-in settings. */
export interface UserAuth {
  readonly host: string;
  readonly sessionTimeoutSeconds: number;
  readonly albArn?: string;
  /** Whether users may sign themselves up; false means only an administrator creates users. */
  readonly selfSignUp: boolean;
  /** Path of the managed sign-out route on the sign-in host. */
  readonly signOutPath: string;
  /** The web app client the ALB signs users in with. */
  readonly webClient: { readonly name: string; readonly logicalId: string; readonly callbackUrl: string };
}

/** Cognito stack outputs once deployed. */
export interface CognitoDeployed {
  readonly accountId: string;
  readonly userPoolId: string;
  readonly userPoolArn: string;
  readonly clientIds: Readonly<Record<string, string>>;
}

/** The Cognito user pool. */
export interface Cognito {
  readonly userPoolName: string;
  readonly domainPrefix: string;
  readonly resourceServer: { readonly identifier: string; readonly name: string; readonly scopes: readonly Scope[] };
  readonly clients: readonly AppClient[];
  readonly accessTokenValidityMinutes: number;
  readonly deployed?: CognitoDeployed;
  /** The hosted UI's origin, `https://<prefix>.auth.<region>.amazoncognito.com`. */
  readonly hostedUiUrl: string;
  /** `https://<prefix>.auth.<region>.amazoncognito.com/oauth2/token`. */
  readonly tokenEndpoint: string;
}

/** A managed node group. */
export interface NodeGroup {
  readonly name: string;
  readonly instanceType: string;
  readonly minSize: number;
  readonly maxSize: number;
  readonly desiredCapacity: number;
}

/** The EKS cluster. */
export interface Cluster {
  readonly name: string;
  readonly kubernetesVersion: string;
  readonly nodeGroups: readonly NodeGroup[];
  readonly podIam: PodIamMode;
}

/** Shared ALB Ingress settings. */
export interface IngressSettings {
  readonly annotationSets: readonly string[];
  readonly scheme: 'internet-facing' | 'internal';
  readonly inboundCidrs: readonly string[];
  readonly certificateArn?: string;
  readonly wafAclArn?: string;
  readonly groupName?: string;
  readonly sslPolicy: string;
  readonly healthCheckPath: string;
}

/** The Deployment. */
export interface Workload {
  readonly port: number;
  readonly image: string;
  readonly minReplicas: number;
  readonly maxReplicas: number;
}

/** The whole service, validated. */
export interface ServiceModel {
  readonly name: string;
  readonly region: string;
  readonly namespace: string;
  readonly host: string;
  readonly routes: readonly Route[];
  readonly cognito: Cognito;
  readonly cluster: Cluster;
  readonly ingress: IngressSettings;
  readonly workload: Workload;
  readonly userAuth?: UserAuth;
  readonly local: { readonly issuerPort: number };
  /** The APIs the service calls; empty when it calls none. */
  readonly calls: readonly OutboundCall[];
  /** Labels shared by every Kubernetes object of the service; the selector is derived from them. */
  readonly labels: Readonly<Record<string, string>>;
}
