/**
 * Keeping the Deployment available and sized: a PodDisruptionBudget and a HorizontalPodAutoscaler.
 */
import { Deployment, KubeObject, objectMeta } from './kube-objects';
import type { ServiceModel } from '../spec/model';

/** Average CPU utilisation (percent of the request) the autoscaler aims for. */
const TARGET_CPU_PERCENT = 70;

/** A PodDisruptionBudget keeping one pod of the Deployment up through voluntary disruptions such as node drains. */
export function buildPodDisruptionBudget(model: ServiceModel, deployment: Deployment): KubeObject {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: objectMeta(model, deployment.metadata.name),
    spec: {
      minAvailable: 1,
      selector: { matchLabels: { ...deployment.spec.selector.matchLabels } },
      // A pod that never became ready protects nothing; let a drain evict it.
      unhealthyPodEvictionPolicy: 'AlwaysAllow',
    },
  };
}

/** An autoscaling/v2 HorizontalPodAutoscaler scaling the Deployment on CPU between the model's bounds. */
export function buildHorizontalPodAutoscaler(model: ServiceModel, deployment: Deployment): KubeObject {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: objectMeta(model, deployment.metadata.name),
    spec: {
      scaleTargetRef: { apiVersion: deployment.apiVersion, kind: deployment.kind, name: deployment.metadata.name },
      minReplicas: model.workload.minReplicas,
      maxReplicas: model.workload.maxReplicas,
      metrics: [{
        type: 'Resource',
        resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: TARGET_CPU_PERCENT } },
      }],
    },
  };
}
