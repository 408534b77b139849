/**
 * Synthesizes a service project and returns its `k8s/` manifests as parsed objects.
 */
import * as YAML from 'yaml';
import { ALB_PREFIX } from '../../src/k8s';
import { synth, TestProjectOptions } from '../util';

/** `k8s/<file>.yaml` -> the parsed object, for every manifest the project produced. */
export function synthManifests(options: TestProjectOptions = {}): Record<string, any> {
  const files = synth(options);
  return Object.fromEntries(Object.entries(files)
    .filter(([path]) => path.startsWith('k8s/'))
    .map(([path, content]) => [path, typeof content === 'string' ? YAML.parse(content) : content]));
}

/** Every Ingress among the manifests. */
export function ingresses(manifests: Record<string, any>): any[] {
  return Object.values(manifests).filter((o) => o.kind === 'Ingress');
}

/**
 * The annotations the AWS Load Balancer Controller reads. Other controllers' keys on the same
 * Ingress (ExternalDNS's hostname) are not its business and are checked separately.
 */
export function albAnnotations(ingress: any): Record<string, string> {
  return Object.fromEntries(Object.entries<string>(ingress.metadata.annotations ?? {})
    .filter(([key]) => key.startsWith(ALB_PREFIX) || key === 'kubernetes.io/ingress.class'));
}

/** The `path (pathType)` entries of an Ingress's one rule. */
export function pathsOf(ingress: any): string[] {
  return ingress.spec.rules[0].http.paths.map((p: any) => `${p.path} (${p.pathType})`);
}

/** Stack outputs for the default clients, as `cognito.deployed`. */
export const DEPLOYED = {
  accountId: '123456789012',
  userPoolId: 'ap-southeast-1_AbCdEf123',
  clientIds: { readClient: '1readclientid0000000000000', writeClient: '2writeclientid000000000000', microService: '3microserviceid00000000000' },
};

/** Stack outputs with user sign-in, which adds the web client. */
export const DEPLOYED_WITH_WEB = { ...DEPLOYED, clientIds: { ...DEPLOYED.clientIds, webClient: '4webclientid00000000000000' } };

export { synthToDisk, tempDir } from '../util';
