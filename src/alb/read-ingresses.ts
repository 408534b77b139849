/**
 * Reads the ALB Ingresses of a service repository from its generated `k8s/` manifests on disk (not
 * from the model), so the local ALB runs exactly what would be applied to the cluster.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/service-resources/ingress-v1/
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as YAML from 'yaml';
import { AlbConfigError } from './alb-config-error';
import { cognitoAuthOf } from './cognito-auth-annotations';
import type { IngressPathRule, LocalIngress, PathType } from './ingress-model';

/** Folder of the manifests, relative to the repository root. */
export const MANIFESTS_DIR = 'k8s';

const PATH_TYPES: readonly PathType[] = ['Exact', 'Prefix', 'ImplementationSpecific'];

/** Every ALB Ingress in `<dir>/k8s/*.y(a)ml`, files in name order; throws `AlbConfigError` listing every problem. */
export function readIngresses(dir: string): LocalIngress[] {
  const folder = join(dir, MANIFESTS_DIR);
  let files: string[];
  try {
    files = readdirSync(folder).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    throw new AlbConfigError(`${folder} not found; run \`npx projen\` in the service repository first (or pass --dir <repo>).`);
  }
  const problems: string[] = [];
  const ingresses = files.flatMap((f) => ingressesIn(`${MANIFESTS_DIR}/${f}`, readFileSync(join(folder, f), 'utf8'), problems));
  if (problems.length > 0) throw new AlbConfigError(`the Ingress manifests cannot be served:\n  ${problems.join('\n  ')}`);
  return ingresses;
}

/** The ALB Ingresses in one manifest file's YAML documents. */
export function ingressesIn(file: string, text: string, problems: string[]): LocalIngress[] {
  return YAML.parseAllDocuments(text).flatMap((doc) => {
    if (doc.errors.length > 0) {
      problems.push(`${file}: not valid YAML (${doc.errors[0].message.split('\n')[0]}); run \`npx projen\` to rewrite it`);
      return [];
    }
    const object: any = doc.toJS();
    if (object?.kind !== 'Ingress' || !isAlbIngress(object)) return [];
    const id = `${object.metadata?.namespace ?? 'default'}/${object.metadata?.name}`;
    const where = `${file} (Ingress ${id})`;
    const paths = pathRules(object.spec, where, problems);
    const hosts = (object.spec?.rules ?? []).map((r: any) => r?.host).filter((h: unknown): h is string => typeof h === 'string');
    const auth = cognitoAuthOf(object.metadata?.annotations ?? {}, where, problems);
    return [{ id, file, hosts, paths, ...(auth && { auth }) }];
  });
}

function isAlbIngress(object: any): boolean {
  // The deprecated annotation is checked before spec.ingressClassName, as the controller does.
  const annotation = object.metadata?.annotations?.['kubernetes.io/ingress.class'];
  return annotation !== undefined ? annotation === 'alb' : object.spec?.ingressClassName === 'alb';
}

function pathRules(spec: any, where: string, problems: string[]): IngressPathRule[] {
  const rules: IngressPathRule[] = [];
  for (const rule of spec?.rules ?? []) {
    for (const p of rule?.http?.paths ?? []) {
      const pathType: PathType = p?.pathType ?? 'ImplementationSpecific';
      const path = p?.path ?? '/';
      const problem = !PATH_TYPES.includes(pathType) ? `pathType "${pathType}" is not one of ${PATH_TYPES.join(', ')}`
        : typeof path !== 'string' || !path.startsWith('/') ? `path "${path}" must start with "/"`
          : pathType !== 'ImplementationSpecific' && /[*?]/.test(path) ? `${pathType.toLowerCase()} path shouldn't contain wildcards: ${path} (the controller refuses it); use pathType ImplementationSpecific or drop the wildcard`
            : undefined;
      if (problem) problems.push(`${where}: ${problem}`);
      else rules.push({ path, pathType, backend: backendOf(p.backend) });
    }
  }
  if (spec?.defaultBackend) rules.push({ pathType: 'ImplementationSpecific', backend: backendOf(spec.defaultBackend) });
  return rules;
}

function backendOf(backend: any): string {
  const port = backend?.service?.port;
  return `${backend?.service?.name ?? '?'}:${port?.number ?? port?.name ?? '?'}`;
}
