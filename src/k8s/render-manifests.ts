/**
 * Every Kubernetes object of the service, built from the model in dependency order so each one
 * derives names, labels and ports from the objects it refers to.
 */
import { buildHorizontalPodAutoscaler, buildPodDisruptionBudget } from './availability';
import { buildConfigMap } from './config-map';
import { buildIngress, ingressSpecs } from './ingress';
import { KubeObject } from './kube-objects';
import { buildNamespace, buildServiceAccount } from './namespace';
import { buildNetworkPolicy } from './network-policy';
import { buildService } from './service';
import { buildDeployment } from './workload';
import type { ServiceModel } from '../spec/model';

/** Folder of the managed manifests, applied as a whole by `k8s:apply`. */
export const MANIFEST_DIR = 'k8s';

/** One manifest file: its path in the repository and the object it holds. */
export interface Manifest {
  readonly path: string;
  readonly object: KubeObject;
}

/** The manifests of the service, one object per file. */
export function renderManifests(model: ServiceModel): Manifest[] {
  const serviceAccount = buildServiceAccount(model);
  const configMap = buildConfigMap(model);
  const deployment = buildDeployment(model, { serviceAccount, configMap });
  const service = buildService(model, deployment);
  const objects: Array<[string, KubeObject]> = [
    ['namespace', buildNamespace(model)],
    ['service-account', serviceAccount],
    ['config-map', configMap],
    ['deployment', deployment],
    ['service', service],
    ['pod-disruption-budget', buildPodDisruptionBudget(model, deployment)],
    ['horizontal-pod-autoscaler', buildHorizontalPodAutoscaler(model, deployment)],
    ['network-policy', buildNetworkPolicy(model, deployment)],
    ...ingressSpecs(model).map((spec): [string, KubeObject] => [`ingress-${spec.role}`, buildIngress(model, spec, service)]),
  ];
  return objects.map(([file, object]) => ({ path: `${MANIFEST_DIR}/${file}.yaml`, object }));
}
