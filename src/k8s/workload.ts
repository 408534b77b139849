/**
 * The service's Deployment: a non-root, read-only container that other objects find by its
 * labels and its one named port.
 */
import { ConfigMap, Deployment, KubeObject, objectMeta } from './kube-objects';
import type { ServiceModel } from '../spec/model';

/** Name of the container port; the Service, NetworkPolicy and probes refer to it by this name. */
export const HTTP_PORT_NAME = 'http';

/** Liveness endpoint of the generated service (readiness uses `ingress.healthCheckPath`, like the ALB). */
export const LIVENESS_PATH = '/healthz';

/** UID and GID of the `node` user of the official Node.js images. */
export const NODE_USER_ID = 1000;

/** Seconds the pod keeps serving after it is marked terminating, while the ALB deregisters it. */
const DRAIN_SECONDS = 15;

/** Name of the Secret the deploy creates from Cognito with the secrets of the clients outbound calls use. */
export function clientSecretsName(model: ServiceModel): string {
  return `${model.name}-client-secrets`;
}

/** The app clients outbound calls authenticate with, once each. */
export function callClients(model: ServiceModel): ServiceModel['calls'][number]['client'][] {
  return [...new Map(model.calls.map((c) => [c.client.name, c.client])).values()];
}

// CLIENT_SECRET_<CLIENT> from the Secret, never from the ConfigMap; the pod does not start without it.
function clientSecretEnv(model: ServiceModel): object[] {
  return callClients(model).map((c) => ({
    name: `CLIENT_SECRET_${c.envName}`,
    valueFrom: { secretKeyRef: { name: clientSecretsName(model), key: `CLIENT_SECRET_${c.envName}` } },
  }));
}

/** What the Deployment refers to by name. */
export interface WorkloadRefs {
  readonly serviceAccount: KubeObject;
  readonly configMap: ConfigMap;
}

/** The Deployment, named after the service, running as `refs.serviceAccount` with `refs.configMap` as its environment. */
export function buildDeployment(model: ServiceModel, refs: WorkloadRefs): Deployment {
  const podLabels = { ...model.labels };
  const probe = (path: string, periodSeconds: number, failureThreshold: number) => ({
    httpGet: { path, port: HTTP_PORT_NAME },
    periodSeconds,
    timeoutSeconds: 2,
    failureThreshold,
  });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: objectMeta(model, model.name),
    spec: {
      // No replicas: the HorizontalPodAutoscaler owns the count, and `kubectl apply` must not reset it.
      revisionHistoryLimit: 5,
      selector: { matchLabels: podLabels },
      // Surge before removing a pod, so a rollout never drops below the PodDisruptionBudget.
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: {
        metadata: { labels: podLabels },
        spec: {
          serviceAccountName: refs.serviceAccount.metadata.name,
          automountServiceAccountToken: false,
          securityContext: {
            runAsNonRoot: true,
            runAsUser: NODE_USER_ID,
            runAsGroup: NODE_USER_ID,
            fsGroup: NODE_USER_ID,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          // The preStop drain plus the service's own shutdown must fit in the grace period.
          terminationGracePeriodSeconds: DRAIN_SECONDS + 30,
          topologySpreadConstraints: [{
            maxSkew: 1,
            topologyKey: 'topology.kubernetes.io/zone',
            // Schedule anyway: a node group may span fewer zones than there are replicas.
            whenUnsatisfiable: 'ScheduleAnyway',
            labelSelector: { matchLabels: podLabels },
            matchLabelKeys: ['pod-template-hash'],
          }],
          containers: [{
            name: model.name,
            image: model.workload.image,
            ports: [{ name: HTTP_PORT_NAME, containerPort: model.workload.port, protocol: 'TCP' }],
            envFrom: [{ configMapRef: { name: refs.configMap.metadata.name } }],
            ...(model.calls.length > 0 ? { env: clientSecretEnv(model) } : {}),
            readinessProbe: probe(model.ingress.healthCheckPath, 5, 3),
            livenessProbe: probe(LIVENESS_PATH, 10, 3),
            // Up to a minute to start before liveness applies, without slowing liveness afterwards.
            startupProbe: probe(LIVENESS_PATH, 2, 30),
            // With target-type ip the ALB keeps sending to a pod until deregistration completes.
            lifecycle: { preStop: { sleep: { seconds: DRAIN_SECONDS } } },
            resources: {
              requests: { cpu: '100m', memory: '128Mi' },
              limits: { cpu: '500m', memory: '256Mi' },
            },
            securityContext: {
              allowPrivilegeEscalation: false,
              readOnlyRootFilesystem: true,
              capabilities: { drop: ['ALL'] },
            },
            volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
          }],
          // The root filesystem is read-only; Node.js and libraries still need a scratch /tmp.
          volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }],
        },
      },
    },
  };
}
