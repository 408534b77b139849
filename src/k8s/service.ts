/**
 * The ClusterIP Service in front of the Deployment, and Ingress backends that point at it.
 */
import { containerPort, Deployment, objectMeta, Service } from './kube-objects';
import { HTTP_PORT_NAME } from './workload';
import type { ServiceModel } from '../spec/model';

/** A networking.k8s.io/v1 Ingress backend. */
export interface IngressBackend {
  readonly service: { readonly name: string; readonly port: { readonly number: number } };
}

/** The Service named after the Deployment, selecting its pods and forwarding to its `http` port by name. */
export function buildService(model: ServiceModel, deployment: Deployment): Service {
  const target = containerPort(deployment, HTTP_PORT_NAME);
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: objectMeta(model, deployment.metadata.name),
    spec: {
      type: 'ClusterIP',
      selector: { ...deployment.spec.template.metadata.labels },
      ports: [{ name: target.name, port: model.workload.port, targetPort: target.name, protocol: 'TCP' }],
    },
  };
}

/**
 * An Ingress backend for the Service's port called `portName`; throws if the Service has no such
 * port, so an Ingress never points at a port that does not exist.
 */
export function backendFor(service: Service, portName: string = HTTP_PORT_NAME): IngressBackend {
  const port = service.spec.ports.find((p) => p.name === portName);
  if (!port) {
    throw new Error(`Service "${service.metadata.name}" has no port named "${portName}" (ports: ${service.spec.ports.map((p) => p.name).join(', ') || 'none'}); add the port to the Service or use one of its names.`);
  }
  return { service: { name: service.metadata.name, port: { number: port.port } } };
}
