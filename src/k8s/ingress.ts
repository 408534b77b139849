/**
 * ALB Ingresses: one per kind of caller, each with the routes it serves and its annotation sets.
 * @see https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/
 */
import { ALB_PREFIX, AnnotationSets, IngressTarget } from './annotation-set';
import { IngressPath, ingressPaths } from './ingress-paths';
import { KubeObject, objectMeta, Service } from './kube-objects';
import { backendFor } from './service';
import type { ServiceModel } from '../spec/model';

/** The IngressClass the AWS Load Balancer Controller's Helm chart creates. */
export const INGRESS_CLASS = 'alb';

/** What an Ingress is built from: its role, name and host, the paths it serves and its annotation sets in order. */
export interface IngressSpec extends IngressTarget {
  /** `api` for token callers, `web` for signed-in users; names the file `ingress-<role>.yaml`. */
  readonly role: 'api' | 'web';
  readonly paths: readonly IngressPath[];
  readonly annotationSets: readonly string[];
}

/** The Ingresses of the service: `<name>` for bearer and open routes, `<name>-web` for ALB sign-in routes when `userAuth` is set. */
export function ingressSpecs(model: ServiceModel): IngressSpec[] {
  const specs: IngressSpec[] = [{
    role: 'api',
    name: model.name,
    host: model.host,
    paths: ingressPaths(model.routes.filter((r) => r.auth === 'bearer' || r.auth === 'none')),
    annotationSets: model.ingress.annotationSets,
  }];
  if (model.userAuth) {
    specs.push({
      role: 'web',
      name: `${model.name}-web`,
      host: model.userAuth.host,
      // The managed sign-out route must see the session cookies, which only the sign-in host's ALB sets.
      paths: [...ingressPaths(model.routes.filter((r) => r.auth === 'alb-user')), { path: model.userAuth.signOutPath, pathType: 'Exact' }],
      annotationSets: ['cognito-user-auth'],
    });
  }
  // An Ingress rule needs at least one path; an Ingress with no routes is not produced.
  return specs.filter((s) => s.paths.length > 0);
}

/** A networking.k8s.io/v1 Ingress for `spec`, every path pointing at `service`. */
export function buildIngress(model: ServiceModel, spec: IngressSpec, service: Service): KubeObject {
  const target: IngressTarget = { name: spec.name, host: spec.host };
  const backend = backendFor(service);
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: objectMeta(model, spec.name, ingressAnnotations(model, target, spec.annotationSets)),
    spec: {
      ingressClassName: INGRESS_CLASS,
      rules: [{
        host: spec.host,
        http: { paths: spec.paths.map((p) => ({ ...p, backend })) },
      }],
    },
  };
}

/** Settings every Ingress of the service shares, then the named sets in order (a later one wins on a shared key). */
export function ingressAnnotations(model: ServiceModel, target: IngressTarget, sets: readonly string[]): Record<string, string> {
  return { ...sharedAnnotations(model, target), ...AnnotationSets.compose(sets, model, target) };
}

/**
 * Settings every Ingress of the service gets. Deletion protection is left off: the controller owns
 * the ALB and must be able to delete it when the Ingress goes (with it on, the delete fails, the
 * Ingress keeps its finalizer and the namespace cannot be removed); the ALB holds no state and
 * ExternalDNS repoints the name at its replacement.
 */
export function sharedAnnotations(model: ServiceModel, target: IngressTarget): Record<string, string> {
  const { scheme, certificateArn, sslPolicy, healthCheckPath } = model.ingress;
  return {
    [`${ALB_PREFIX}scheme`]: scheme,
    // Pods are registered directly, so the ClusterIP Service needs no NodePort.
    [`${ALB_PREFIX}target-type`]: 'ip',
    ...(certificateArn ? { [`${ALB_PREFIX}certificate-arn`]: certificateArn } : {}),
    [`${ALB_PREFIX}ssl-policy`]: sslPolicy,
    [`${ALB_PREFIX}healthcheck-path`]: healthCheckPath,
    [`${ALB_PREFIX}success-codes`]: '200',
    // Requests with malformed header names never reach the service (Security Hub ELB.4).
    [`${ALB_PREFIX}load-balancer-attributes`]: 'routing.http.drop_invalid_header_fields.enabled=true',
    'external-dns.alpha.kubernetes.io/hostname': target.host,
  };
}
