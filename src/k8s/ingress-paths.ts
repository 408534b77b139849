/**
 * Ingress paths derived from the route list, in the forms the AWS Load Balancer Controller accepts.
 * @see https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/spec/
 */
import type { Route } from '../spec/model';

/** One HTTP path of an Ingress rule, before its backend is attached. */
export interface IngressPath {
  readonly path: string;
  readonly pathType: 'Exact' | 'Prefix';
}

/**
 * The paths that reach `routes`, deduplicated, in route order. A fixed path is matched `Exact`; a
 * path with `{param}` segments is matched `Prefix` on the fixed part before the first parameter
 * (`/items/{id}` becomes `/items`, which the controller expands to `/items` and `/items/*`).
 * Wildcards are never emitted: the controller rejects `*` in Exact and Prefix paths.
 */
export function ingressPaths(routes: readonly Route[]): IngressPath[] {
  const byKey = new Map<string, IngressPath>();
  for (const route of routes) {
    const p = ingressPath(route.path);
    byKey.set(`${p.pathType} ${p.path}`, p);
  }
  return [...byKey.values()];
}

function ingressPath(path: string): IngressPath {
  const param = path.indexOf('{');
  if (param < 0) return { path, pathType: 'Exact' };
  // Parameters are whole segments, so the fixed part ends with "/"; drop it ("/" stays "/").
  const prefix = path.slice(0, param).replace(/\/$/, '');
  return { path: prefix || '/', pathType: 'Prefix' };
}
