/**
 * The user's spec: everything a service repository declares in `.projenrc.ts`.
 * Every field is validated once by `resolveSpec` before any file is written.
 */

/** HTTP methods a route may use. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * How a route is protected.
 * - `bearer`: an OAuth 2.0 access token from the user pool, with the route's scopes (seed 003).
 * - `alb-user`: a user signed in by the ALB through the Cognito hosted UI (seed 000).
 * - `none`: no check at all; must be spelled out.
 */
export type RouteAuth = 'bearer' | 'alb-user' | 'none';

/** One API route of the service. */
export interface RouteOptions {
  /** HTTP method. */
  readonly method: HttpMethod;
  /** Path with `{param}` placeholders, for example `/api/demo/protectedRole/{name}`. */
  readonly path: string;
  /**
   * Scope names of the resource server, all of which a token must carry (`demo.read`).
   * @default [] (any valid access token of an allowed client)
   */
  readonly scopes?: string[];
  /**
   * How the route is protected.
   * @default 'bearer'
   */
  readonly auth?: RouteAuth;
  /**
   * Name of the handler function (and of its file under `src/handlers/`).
   * @default the last fixed path segment in camelCase, for example `protectedRole`
   */
  readonly handler?: string;
  /**
   * Makes the route's starting handler relay `GET <path>` of one of the spec's `calls` and answer with
   * its JSON; only the starting handler (written once) and the generated tests use it.
   * @default none
   */
  readonly relay?: RelayOptions;
}

/** What a route's starting handler relays: one path of an outbound call. */
export interface RelayOptions {
  /** The `name` of an entry of `calls`. */
  readonly call: string;
  /** Path under the call's base URL, for example `/api/demo/protectedRole/relay`. */
  readonly path: string;
}

/**
 * An API the service calls with a client-credentials token of one of its app clients: the generated
 * `src/calls.ts` exports a client per call that fetches, caches and refreshes the token.
 */
export interface CallOptions {
  /** camelCase name of the call, the name of its client in `src/calls.ts` (for example `ordersApi`). */
  readonly name: string;
  /** Base URL of the API: https, or http on a loopback host only (for example `https://orders.example.com`). */
  readonly baseUrl: string;
  /**
   * Scope names of the resource server the token asks for; each must be granted to `client`.
   * @default every scope of `client`
   */
  readonly scopes?: string[];
  /** Name of the app client (of `cognito.clients`, with a secret) whose credentials fetch the token. */
  readonly client: string;
}

/** A custom scope of the resource server. */
export interface ScopeOptions {
  /** Scope name, for example `demo.read`. */
  readonly name: string;
  /**
   * Human-readable description shown in the Cognito console.
   * @default the scope name
   */
  readonly description?: string;
}

/** The Cognito resource server that owns the custom scopes. */
export interface ResourceServerOptions {
  /**
   * Identifier that prefixes every scope.
   * @default `https://<host>`
   */
  readonly identifier?: string;
  /**
   * Display name.
   * @default 'Gateway'
   */
  readonly name?: string;
  /**
   * Custom scopes.
   * @default demo.read and demo.write
   */
  readonly scopes?: ScopeOptions[];
}

/** A Cognito app client that obtains tokens with the client-credentials grant. */
export interface AppClientOptions {
  /** Client name, for example `readClient`. */
  readonly name: string;
  /**
   * Scope names (of the resource server) the client may request.
   * @default []
   */
  readonly scopes?: string[];
  /**
   * Whether Cognito generates a client secret (needed for the client-credentials grant).
   * @default true
   */
  readonly generateSecret?: boolean;
}

/** Values Cognito assigns when the stack is deployed (stack outputs); public identifiers, never secrets. */
export interface CognitoDeployedOptions {
  /** AWS account id that owns the user pool (12 digits). */
  readonly accountId: string;
  /** The `UserPoolId` stack output, for example `ap-southeast-1_AbCdEf123`. */
  readonly userPoolId: string;
  /** Client ids by client name (the `<Name>ClientId` stack outputs). */
  readonly clientIds: Record<string, string>;
}

/** The Cognito user pool and everything in it. */
export interface CognitoOptions {
  /**
   * User pool name.
   * @default `<name>-users`
   */
  readonly userPoolName?: string;
  /**
   * Prefix of the hosted domain `<prefix>.auth.<region>.amazoncognito.com`; unique per region.
   * @default `<name>-<cluster name>`
   */
  readonly domainPrefix?: string;
  /**
   * The resource server and its scopes.
   * @default identifier `https://<host>`, scopes demo.read and demo.write
   */
  readonly resourceServer?: ResourceServerOptions;
  /**
   * Client-credentials app clients.
   * @default readClient (demo.read), writeClient (demo.write), microService (no secret, no grant)
   */
  readonly clients?: AppClientOptions[];
  /**
   * Access token validity in minutes (5 to 1440).
   * @default 60
   */
  readonly accessTokenValidityMinutes?: number;
  /**
   * Stack outputs once deployed; they fill the ConfigMap and the ALB sign-in annotation.
   * @default none (the ConfigMap is left empty and the service refuses to start until set)
   */
  readonly deployed?: CognitoDeployedOptions;
}

/** A managed node group of the cluster. */
export interface NodeGroupOptions {
  /** Node group name. */
  readonly name: string;
  /**
   * EC2 instance type.
   * @default 'm6i.large'
   */
  readonly instanceType?: string;
  /** @default 1 */
  readonly minSize?: number;
  /** @default 3 */
  readonly maxSize?: number;
  /** @default 2 */
  readonly desiredCapacity?: number;
}

/** How pods get AWS permissions. */
export type PodIamMode = 'pod-identity' | 'irsa';

/** The EKS cluster (eksctl ClusterConfig). */
export interface ClusterOptions {
  /**
   * Cluster name.
   * @default 'token-demo'
   */
  readonly name?: string;
  /**
   * Kubernetes version (1.33 or newer).
   * @default '1.34'
   */
  readonly kubernetesVersion?: string;
  /**
   * Managed node groups.
   * @default one group `ng0` of m6i.large, 1 to 3 nodes
   */
  readonly nodeGroups?: NodeGroupOptions[];
  /**
   * How the load balancer controller and ExternalDNS get their IAM roles.
   * @default 'pod-identity'
   */
  readonly podIam?: PodIamMode;
}

/** ALB Ingress settings shared by every annotation set. */
export interface IngressOptions {
  /**
   * Annotation sets applied to the API Ingress, in order (later sets win on a shared key).
   * @default ['bearer-api']
   */
  readonly annotationSets?: string[];
  /**
   * `internet-facing` or `internal`.
   * @default 'internet-facing'
   */
  readonly scheme?: 'internet-facing' | 'internal';
  /**
   * CIDRs allowed to reach the load balancer.
   * @default ['0.0.0.0/0']
   */
  readonly inboundCidrs?: string[];
  /**
   * ACM certificate ARN for the HTTPS listener.
   * @default none (the controller discovers a certificate for the host)
   */
  readonly certificateArn?: string;
  /**
   * Regional WAFv2 web ACL ARN to attach.
   * @default none
   */
  readonly wafAclArn?: string;
  /**
   * IngressGroup name, to share one ALB between services.
   * @default none (one ALB per Ingress)
   */
  readonly groupName?: string;
  /**
   * ELB TLS security policy.
   * @default 'ELBSecurityPolicy-TLS13-1-2-2021-06'
   */
  readonly sslPolicy?: string;
}

/** ALB user sign-in through the Cognito hosted UI (seed 000). */
export interface UserAuthOptions {
  /** Host name of the signed-in web entry point; must differ from the API host. */
  readonly host: string;
  /**
   * Session timeout in seconds (1 to 604800).
   * @default 3600
   */
  readonly sessionTimeoutSeconds?: number;
  /**
   * ARN of the ALB that signs `x-amzn-oidc-data`, once known.
   * @default none (the service refuses to start alb-user routes until `ALB_ARN` is set)
   */
  readonly albArn?: string;
  /**
   * Whether users may sign themselves up through the hosted UI (the pool's `AllowAdminCreateUserOnly`
   * becomes false); otherwise only an administrator creates users.
   * @default false
   */
  readonly selfSignUp?: boolean;
  /**
   * Path of the managed sign-out route, served behind the sign-in Ingress: it expires the ALB's session
   * cookies and sends the browser to the hosted UI's `/logout`.
   * @default '/logout'
   */
  readonly signOutPath?: string;
}

/** The service's Deployment. */
export interface WorkloadOptions {
  /**
   * Container port of the service.
   * @default 8080
   */
  readonly port?: number;
  /**
   * Container image.
   * @default `<name>:latest`
   */
  readonly image?: string;
  /**
   * Minimum replicas (HorizontalPodAutoscaler lower bound).
   * @default 2
   */
  readonly minReplicas?: number;
  /**
   * Maximum replicas.
   * @default 6
   */
  readonly maxReplicas?: number;
}

/** Ports of the local development loop. */
export interface LocalOptions {
  /**
   * Port of the local Cognito-compatible issuer used by `npm run dev`.
   * @default 9400
   */
  readonly issuerPort?: number;
}

/** Everything that describes the service's AWS and EKS footprint. */
export interface ServiceSpecOptions {
  /** Service name (DNS-1123 label); also the Kubernetes app name. */
  readonly name: string;
  /**
   * AWS region.
   * @default 'ap-southeast-1'
   */
  readonly region?: string;
  /**
   * Kubernetes namespace.
   * @default 'demo'
   */
  readonly namespace?: string;
  /**
   * Public host name of the API.
   * @default 'gateway.example.com'
   */
  readonly host?: string;
  /**
   * API routes; the single source of Cognito scopes, the route table, the tests and the Ingress paths.
   * @default seed 003's two demo routes
   */
  readonly routes?: RouteOptions[];
  /** @default see CognitoOptions */
  readonly cognito?: CognitoOptions;
  /** @default see ClusterOptions */
  readonly cluster?: ClusterOptions;
  /** @default see IngressOptions */
  readonly ingress?: IngressOptions;
  /** @default see WorkloadOptions */
  readonly workload?: WorkloadOptions;
  /**
   * ALB user sign-in; enables the `cognito-user-auth` Ingress and `alb-user` routes.
   * @default none
   */
  readonly userAuth?: UserAuthOptions;
  /** @default see LocalOptions */
  readonly local?: LocalOptions;
  /**
   * APIs the service calls with client-credentials tokens (one typed client each in `src/calls.ts`).
   * @default none
   */
  readonly calls?: CallOptions[];
}
