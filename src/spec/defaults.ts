/**
 * Defaults that reproduce seed 003's demo: one place, resolved once by `resolveSpec`.
 */
import type { AppClientOptions, NodeGroupOptions, RouteOptions, ScopeOptions } from './options';

/** Default values of the spec. */
export const DEFAULTS = {
  region: 'ap-southeast-1',
  namespace: 'demo',
  host: 'gateway.example.com',
  clusterName: 'token-demo',
  kubernetesVersion: '1.34',
  resourceServerName: 'Gateway',
  accessTokenValidityMinutes: 60,
  port: 8080,
  minReplicas: 2,
  maxReplicas: 6,
  issuerPort: 9400,
  sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
  inboundCidrs: ['0.0.0.0/0'],
  annotationSets: ['bearer-api'],
  sessionTimeoutSeconds: 3600,
  signOutPath: '/logout',
  healthCheckPath: '/readyz',
} as const;

/** Seed 003's scopes. */
export const DEFAULT_SCOPES: readonly ScopeOptions[] = [
  { name: 'demo.read', description: 'Demo Read role' },
  { name: 'demo.write', description: 'Demo Write role' },
];

/**
 * Seed 003's three app clients. Cognito refuses the client-credentials grant to a client
 * without a secret, so the service's own client gets no scopes.
 */
export const DEFAULT_CLIENTS: readonly AppClientOptions[] = [
  { name: 'readClient', scopes: ['demo.read'] },
  { name: 'writeClient', scopes: ['demo.write'] },
  { name: 'microService', generateSecret: false },
];

/** Seed 003's two protected routes. */
export const DEFAULT_ROUTES: readonly RouteOptions[] = [
  { method: 'GET', path: '/api/demo/protectedRole/{name}', scopes: ['demo.read'] },
  { method: 'POST', path: '/api/demo/protectedUpload', scopes: ['demo.write'] },
];

/** The default managed node group. */
export const DEFAULT_NODE_GROUP: Required<NodeGroupOptions> = {
  name: 'ng0',
  instanceType: 'm6i.large',
  minSize: 1,
  maxSize: 3,
  desiredCapacity: 2,
};
