/**
 * The one place a spec is validated: options in, a resolved `ServiceModel` out, or a `SpecError`
 * listing every problem. Nothing is written before this returns.
 */
import { DEFAULT_NODE_GROUP, DEFAULT_ROUTES, DEFAULTS } from './defaults';
import type { Cluster, IngressSettings, Route, Scope, ServiceModel, UserAuth, Workload } from './model';
import type { ServiceSpecOptions } from './options';
import { Problems } from './private/problems';
import { checkRelays, resolveCalls } from './private/resolve-calls';
import { resolveCognito } from './private/resolve-cognito';
import { resolveRoutes } from './private/resolve-routes';
import * as rules from './private/rules';
import { AnnotationSets } from '../k8s/annotation-set';
import '../k8s/annotation-sets';

/** Validates a spec and resolves every default; throws `SpecError` naming every problem. */
export function resolveSpec(options: ServiceSpecOptions): ServiceModel {
  const problems = new Problems();
  const name = options.name;
  problems.check(typeof name === 'string' && rules.isDnsLabel(name), 'name', name,
    'must be a DNS-1123 label: lower-case letters, digits and "-", starting and ending with a letter or digit, at most 63 characters (for example "demo-api").');

  const region = options.region ?? DEFAULTS.region;
  problems.check(rules.KNOWN_REGIONS.includes(region), 'region', region,
    `is not an AWS region with EKS and Cognito; use one of ${rules.KNOWN_REGIONS.join(', ')}.`);

  const namespace = options.namespace ?? DEFAULTS.namespace;
  problems.check(rules.isDnsLabel(namespace), 'namespace', namespace, 'must be a DNS-1123 label (for example "demo").');

  const host = options.host ?? DEFAULTS.host;
  problems.check(rules.isHostName(host), 'host', host, 'must be a lower-case DNS name with at least two labels and no wildcard (for example "gateway.example.com").');

  const cluster = resolveCluster(options, problems);
  const userAuth = resolveUserAuth(options, region, host, problems);
  const cognitoContext = { name, region, host, clusterName: cluster.name, webClientName: userAuth?.webClient.name };
  const cognito = resolveCognito(options.cognito ?? {}, cognitoContext, problems);
  const routeOptions = options.routes ?? DEFAULT_ROUTES;
  const callOptions = options.calls ?? [];
  const calls = resolveCalls(callOptions, cognito.clients, cognito.scopeByName, host, problems);
  const routes = checkRelays(routeOptions, resolveRoutes(routeOptions, cognito.scopeByName, userAuth !== undefined, problems), callOptions, problems);
  const workload = resolveWorkload(options, name, problems);
  const ingress = resolveIngress(options, region, userAuth !== undefined, problems);
  if (userAuth) checkSignInRoutes(userAuth, routes, problems);
  const issuerPort = options.local?.issuerPort ?? DEFAULTS.issuerPort;
  problems.check(rules.isIntIn(issuerPort, 1024, 65535) && issuerPort !== workload.port, 'local.issuerPort', issuerPort,
    'must be a port from 1024 to 65535 other than workload.port.');

  problems.throwIfAny();
  const { scopeByName: _unused, ...cognitoModel } = cognito;
  return {
    name,
    region,
    namespace,
    host,
    routes,
    cognito: cognitoModel,
    cluster,
    ingress,
    workload,
    userAuth,
    local: { issuerPort },
    calls,
    labels: { 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': name, 'app.kubernetes.io/managed-by': 'eks-cognito-kit' },
  };
}

/**
 * User sign-in only exists on the AWS side through an `alb-user` route (it is what puts a path on the
 * sign-in Ingress), and the managed sign-out route must not shadow or be shadowed by a route.
 */
function checkSignInRoutes(userAuth: UserAuth, routes: readonly Route[], problems: Problems): void {
  problems.check(routes.some((r) => r.auth === 'alb-user'), 'userAuth', { host: userAuth.host },
    'has no route with auth: \'alb-user\', so no sign-in Ingress would be written; add { method: \'GET\', path: \'/\', auth: \'alb-user\' } to routes, or remove userAuth.');
  const clash = routes.findIndex((r) => r.path === userAuth.signOutPath);
  // An invalid path is reported once, by resolveUserAuth.
  problems.check(clash < 0 || !isSignOutPath(userAuth.signOutPath), 'userAuth.signOutPath', userAuth.signOutPath,
    `is also the path of routes[${clash}], and the managed sign-out route would shadow it; choose another signOutPath or route path.`);
}

function isSignOutPath(path: unknown): boolean {
  return typeof path === 'string' && /^(?:\/[A-Za-z0-9._~-]+)+$/.test(path) && !['/healthz', '/readyz', '/oauth2/idpresponse'].includes(path);
}

/** Every scope some route needs, in declaration order. */
export function scopesInUse(routes: readonly Route[]): Scope[] {
  const seen = new Map<string, Scope>();
  routes.forEach((r) => r.scopes.forEach((s) => seen.set(s.name, s)));
  return [...seen.values()];
}

function resolveCluster(options: ServiceSpecOptions, problems: Problems): Cluster {
  const c = options.cluster ?? {};
  const name = c.name ?? DEFAULTS.clusterName;
  problems.check(/^[a-zA-Z][-a-zA-Z0-9]{0,99}$/.test(name), 'cluster.name', name,
    'must start with a letter and use letters, digits and "-" (at most 100 characters).');
  const version = c.kubernetesVersion ?? DEFAULTS.kubernetesVersion;
  const minor = /^1\.(\d+)$/.exec(version);
  const { oldest, newest } = rules.KUBERNETES_MINORS;
  problems.check(minor !== null && Number(minor[1]) >= oldest && Number(minor[1]) <= newest, 'cluster.kubernetesVersion', version,
    `is not a version EKS supports; use "1.${oldest}" to "1.${newest}" (eksctl rejects older ones).`);
  const groups = (c.nodeGroups ?? [DEFAULT_NODE_GROUP]).map((g, i) => {
    const ng = { ...DEFAULT_NODE_GROUP, ...g };
    const at = `cluster.nodeGroups[${i}]`;
    problems.check(/^[a-zA-Z][-a-zA-Z0-9]{0,62}$/.test(ng.name), `${at}.name`, ng.name, 'must start with a letter and use letters, digits and "-".');
    problems.check(/^[a-z][a-z0-9-]*\.[a-z0-9]+$/.test(ng.instanceType), `${at}.instanceType`, ng.instanceType, 'must be an EC2 instance type such as "m6i.large".');
    const sizesOk = rules.isIntIn(ng.minSize, 0, 1000) && rules.isIntIn(ng.maxSize, 1, 1000)
      && ng.minSize <= ng.desiredCapacity && ng.desiredCapacity <= ng.maxSize;
    problems.check(sizesOk,
      `${at}.desiredCapacity`, { minSize: ng.minSize, desiredCapacity: ng.desiredCapacity, maxSize: ng.maxSize },
      'needs whole numbers with minSize <= desiredCapacity <= maxSize and maxSize >= 1.');
    return ng;
  });
  problems.check(groups.length > 0, 'cluster.nodeGroups', [], 'must list at least one node group.');
  problems.unique(groups, (g) => g.name, (i) => `cluster.nodeGroups[${i}].name`, 'the node group');
  const podIam = c.podIam ?? 'pod-identity';
  problems.check(podIam === 'pod-identity' || podIam === 'irsa', 'cluster.podIam', podIam, 'must be "pod-identity" or "irsa".');
  return { name, kubernetesVersion: version, nodeGroups: groups, podIam };
}

function resolveWorkload(options: ServiceSpecOptions, name: string, problems: Problems): Workload {
  const w = options.workload ?? {};
  const port = w.port ?? DEFAULTS.port;
  problems.check(rules.isIntIn(port, 1024, 65535), 'workload.port', port, 'must be a port from 1024 to 65535 (the container runs as non-root).');
  const image = w.image ?? `${name}:latest`;
  problems.check(/^[^\s]+$/.test(image), 'workload.image', image, 'must be an image reference without spaces.');
  const minReplicas = w.minReplicas ?? DEFAULTS.minReplicas;
  const maxReplicas = w.maxReplicas ?? DEFAULTS.maxReplicas;
  problems.check(rules.isIntIn(minReplicas, 1, 100), 'workload.minReplicas', minReplicas, 'must be a whole number from 1 to 100.');
  problems.check(rules.isIntIn(maxReplicas, 1, 100) && maxReplicas >= minReplicas, 'workload.maxReplicas', maxReplicas,
    'must be a whole number from 1 to 100, at least workload.minReplicas.');
  return { port, image, minReplicas, maxReplicas };
}

function resolveIngress(options: ServiceSpecOptions, region: string, hasUserAuth: boolean, problems: Problems): IngressSettings {
  const i = options.ingress ?? {};
  const sets = i.annotationSets ?? [...DEFAULTS.annotationSets];
  sets.forEach((s, n) => {
    problems.check(AnnotationSets.get(s) !== undefined, `ingress.annotationSets[${n}]`, s,
      `is not a registered annotation set (known: ${AnnotationSets.names().join(', ')}); register it with AnnotationSets.register() before the project is created.`);
    problems.check(s !== 'cognito-user-auth', `ingress.annotationSets[${n}]`, s,
      hasUserAuth ? 'is applied to the sign-in Ingress automatically; remove it here.' : 'needs user sign-in; set userAuth: { host } instead of listing it here.');
  });
  const scheme = i.scheme ?? 'internet-facing';
  problems.check(scheme === 'internet-facing' || scheme === 'internal', 'ingress.scheme', scheme, 'must be "internet-facing" or "internal".');
  const inboundCidrs = i.inboundCidrs ?? [...DEFAULTS.inboundCidrs];
  problems.check(inboundCidrs.length > 0, 'ingress.inboundCidrs', inboundCidrs, 'must list at least one CIDR.');
  inboundCidrs.forEach((c, n) => problems.check(rules.isCidr(c), `ingress.inboundCidrs[${n}]`, c,
    'is not a CIDR; write an address and a prefix length such as "10.0.0.0/8" or "2001:db8::/32".'));
  if (i.certificateArn !== undefined) {
    problems.check(rules.isCertificateArn(i.certificateArn, region), 'ingress.certificateArn', i.certificateArn,
      `must be an ACM certificate ARN in ${region}: arn:aws:acm:${region}:<account>:certificate/<uuid>.`);
  }
  if (i.wafAclArn !== undefined) {
    problems.check(rules.isWafAclArn(i.wafAclArn, region), 'ingress.wafAclArn', i.wafAclArn,
      `must be a regional WAFv2 web ACL ARN in ${region}: arn:aws:wafv2:${region}:<account>:regional/webacl/<name>/<uuid>.`);
  }
  if (i.groupName !== undefined) {
    problems.check(rules.isIngressGroupName(i.groupName), 'ingress.groupName', i.groupName,
      'must be lower-case alphanumerics, "-" or ".", start and end with an alphanumeric, at most 63 characters.');
  }
  const sslPolicy = i.sslPolicy ?? DEFAULTS.sslPolicy;
  problems.check(/^ELBSecurityPolicy-[A-Za-z0-9-]+$/.test(sslPolicy), 'ingress.sslPolicy', sslPolicy,
    'must name an ELB security policy, for example "ELBSecurityPolicy-TLS13-1-2-2021-06".');
  return {
    annotationSets: sets,
    scheme,
    inboundCidrs,
    certificateArn: i.certificateArn,
    wafAclArn: i.wafAclArn,
    groupName: i.groupName,
    sslPolicy,
    healthCheckPath: DEFAULTS.healthCheckPath,
  };
}

function resolveUserAuth(options: ServiceSpecOptions, region: string, host: string, problems: Problems): UserAuth | undefined {
  const u = options.userAuth;
  if (!u) return undefined;
  problems.check(rules.isHostName(u.host) && u.host !== host, 'userAuth.host', u.host,
    `must be a DNS name other than the API host "${host}" (each ALB needs its own name).`);
  const timeout = u.sessionTimeoutSeconds ?? DEFAULTS.sessionTimeoutSeconds;
  problems.check(rules.isIntIn(timeout, 1, 604800), 'userAuth.sessionTimeoutSeconds', timeout, 'must be a whole number of seconds from 1 to 604800.');
  if (u.albArn !== undefined) {
    problems.check(rules.isAlbArn(u.albArn, region), 'userAuth.albArn', u.albArn,
      `must be an Application Load Balancer ARN in ${region}: arn:aws:elasticloadbalancing:${region}:<account>:loadbalancer/app/<name>/<id>.`);
  }
  problems.check(u.selfSignUp === undefined || typeof u.selfSignUp === 'boolean', 'userAuth.selfSignUp', u.selfSignUp,
    'must be true or false.');
  const signOutPath = u.signOutPath ?? DEFAULTS.signOutPath;
  problems.check(isSignOutPath(signOutPath),
    'userAuth.signOutPath', signOutPath,
    'must be a fixed path of letters, digits and "._~-" segments other than /, /healthz, /readyz and /oauth2/idpresponse (for example "/logout").');
  return {
    host: u.host,
    sessionTimeoutSeconds: timeout,
    albArn: u.albArn,
    selfSignUp: u.selfSignUp === true,
    signOutPath,
    webClient: { name: 'webClient', logicalId: 'WebClient', callbackUrl: `https://${u.host}/oauth2/idpresponse` },
  };
}
