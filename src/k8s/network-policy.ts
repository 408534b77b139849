/**
 * The NetworkPolicy isolating the service's pods.
 */
import { containerPort, Deployment, KubeObject, objectMeta } from './kube-objects';
import { HTTP_PORT_NAME } from './workload';
import type { ServiceModel } from '../spec/model';

/**
 * Lets traffic in only on the `http` port and out only to cluster DNS and HTTPS. Ingress has no
 * source filter: with target-type ip the ALB reaches pod IPs directly from its own subnets. Egress
 * on 443 is for the Cognito JWKS and token endpoints and the outbound calls, whose addresses are not
 * fixed; a call whose base URL names another port adds that port.
 */
export function buildNetworkPolicy(model: ServiceModel, deployment: Deployment): KubeObject {
  const http = containerPort(deployment, HTTP_PORT_NAME);
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: objectMeta(model, deployment.metadata.name),
    spec: {
      podSelector: { matchLabels: { ...deployment.spec.selector.matchLabels } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ ports: [{ protocol: http.protocol, port: http.name }] }],
      egress: [
        {
          to: [{
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
            podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
          }],
          ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
        },
        { ports: [443, ...callPorts(model)].map((port) => ({ protocol: 'TCP', port })) },
      ],
    },
  };
}

// The ports of the calls' base URLs other than 443, once each, in order.
function callPorts(model: ServiceModel): number[] {
  const ports = model.calls.map((c) => Number(new URL(c.baseUrl).port || (c.baseUrl.startsWith('https:') ? 443 : 80)));
  return [...new Set(ports)].filter((p) => p !== 443);
}
