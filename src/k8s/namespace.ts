/**
 * Where and as whom the service runs: its Namespace and its ServiceAccount.
 */
import { KubeObject, objectMeta } from './kube-objects';
import type { ServiceModel } from '../spec/model';

/**
 * The service's Namespace, enforcing the `restricted` Pod Security Standard the Deployment is
 * written to meet, so a later edit that weakens the pod is refused at admission.
 */
export function buildNamespace(model: ServiceModel): KubeObject {
  const { namespace: _none, ...meta } = objectMeta(model, model.namespace);
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      ...meta,
      labels: {
        ...meta.labels,
        'pod-security.kubernetes.io/enforce': 'restricted',
        'pod-security.kubernetes.io/warn': 'restricted',
        'pod-security.kubernetes.io/audit': 'restricted',
      },
    },
  };
}

/**
 * The ServiceAccount the pods run as. The service never calls the Kubernetes API, so no token is
 * mounted; it is the identity a pod identity association or IRSA role binds to.
 */
export function buildServiceAccount(model: ServiceModel): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: objectMeta(model, model.name),
    automountServiceAccountToken: false,
  };
}
