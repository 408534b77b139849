/**
 * The slice of the Kubernetes object model the manifests are built from: only the fields other
 * builders read back (names, labels, ports) are typed; the rest stays a plain object.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/
 */
import type { ServiceModel } from '../spec/model';

/** Object metadata: name, namespace, labels and annotations. */
export interface ObjectMeta {
  readonly name: string;
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

/** Any Kubernetes object. */
export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: ObjectMeta;
  readonly [field: string]: unknown;
}

/** A label selector that only matches exact labels. */
export interface LabelSelector {
  readonly matchLabels: Readonly<Record<string, string>>;
}

/** A named container port. */
export interface ContainerPort {
  readonly name: string;
  readonly containerPort: number;
  readonly protocol: 'TCP';
}

/** A container, typed as far as its name and ports. */
export interface Container {
  readonly name: string;
  readonly ports: readonly ContainerPort[];
  readonly [field: string]: unknown;
}

/** An apps/v1 Deployment with the fields other objects derive from. */
export interface Deployment extends KubeObject {
  readonly kind: 'Deployment';
  readonly spec: {
    readonly selector: LabelSelector;
    readonly template: {
      readonly metadata: { readonly labels: Readonly<Record<string, string>> };
      readonly spec: { readonly containers: readonly Container[] } & Record<string, unknown>;
    };
  } & Record<string, unknown>;
}

/** A port of a Service. */
export interface ServicePort {
  readonly name: string;
  readonly port: number;
  readonly targetPort: string;
  readonly protocol: 'TCP';
}

/** A v1 Service. */
export interface Service extends KubeObject {
  readonly kind: 'Service';
  readonly spec: {
    readonly type: 'ClusterIP';
    readonly selector: Readonly<Record<string, string>>;
    readonly ports: readonly ServicePort[];
  };
}

/** A v1 ConfigMap. */
export interface ConfigMap extends KubeObject {
  readonly kind: 'ConfigMap';
  readonly data: Readonly<Record<string, string>>;
}

/** Metadata of an object of the service: its name, the service's namespace and the shared labels. */
export function objectMeta(model: ServiceModel, name: string, annotations?: Record<string, string>): ObjectMeta {
  return { name, namespace: model.namespace, labels: { ...model.labels }, ...(annotations ? { annotations } : {}) };
}

/** The one container of a Deployment; every builder reads ports from here. */
export function mainContainer(deployment: Deployment): Container {
  const container = deployment.spec.template.spec.containers[0];
  if (!container) {
    throw new Error(`Deployment "${deployment.metadata.name}" has no container; build it with buildDeployment().`);
  }
  return container;
}

/** The container port named `name`, or an error naming the ports that exist. */
export function containerPort(deployment: Deployment, name: string): ContainerPort {
  const ports = mainContainer(deployment).ports;
  const port = ports.find((p) => p.name === name);
  if (!port) {
    throw new Error(`Deployment "${deployment.metadata.name}" has no container port named "${name}" (ports: ${ports.map((p) => p.name).join(', ') || 'none'}); add it to the container or use an existing name.`);
  }
  return port;
}
