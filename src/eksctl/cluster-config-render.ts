/**
 * Renders the eksctl ClusterConfig of the service's cluster from the model.
 */
import type { Addon, ClusterConfig, ClusterLogType, WellKnownPolicies } from './cluster-config';
import type { ServiceModel } from '../spec/model';

/** A cluster controller that needs AWS permissions through its service account. */
interface ClusterController {
  readonly serviceAccount: string;
  readonly namespace: string;
  readonly policies: WellKnownPolicies;
}

/** Cluster controllers the service's Ingress depends on, and the only AWS permissions they get. */
export const CLUSTER_CONTROLLERS: readonly ClusterController[] = [
  { serviceAccount: 'aws-load-balancer-controller', namespace: 'kube-system', policies: { awsLoadBalancerController: true } },
  { serviceAccount: 'external-dns', namespace: 'kube-system', policies: { externalDNS: true } },
];

const LOG_TYPES: readonly ClusterLogType[] = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'];
/** Control-plane logs are kept long enough to investigate an incident after the fact. */
const LOG_RETENTION_DAYS = 90;

/** The ClusterConfig: node roles get no add-on policies; controllers get their own roles through pod identity or IRSA. */
export function renderClusterConfig(model: ServiceModel): ClusterConfig {
  const { cluster } = model;
  const podIdentity = cluster.podIam === 'pod-identity';
  const iam: ClusterConfig['iam'] = podIdentity
    ? {
      podIdentityAssociations: CLUSTER_CONTROLLERS.map((c) => ({
        namespace: c.namespace, serviceAccountName: c.serviceAccount, createServiceAccount: true, wellKnownPolicies: c.policies,
      })),
    }
    : {
      withOIDC: true,
      serviceAccounts: CLUSTER_CONTROLLERS.map((c) => ({
        metadata: { name: c.serviceAccount, namespace: c.namespace },
        wellKnownPolicies: c.policies,
      })),
    };
  const addons: Addon[] = [
    // With pod identity the CNI gets its own role instead of borrowing the node role's.
    podIdentity ? { name: 'vpc-cni', useDefaultPodIdentityAssociations: true } : { name: 'vpc-cni' },
    { name: 'coredns' },
    { name: 'kube-proxy' },
    // The service's HorizontalPodAutoscaler reads CPU usage from the metrics API.
    { name: 'metrics-server' },
    ...(podIdentity ? [{ name: 'eks-pod-identity-agent' }] : []),
  ];

  return {
    apiVersion: 'eksctl.io/v1alpha5',
    kind: 'ClusterConfig',
    metadata: {
      name: cluster.name,
      region: model.region,
      version: cluster.kubernetesVersion,
      tags: { 'created-by': 'eks-cognito-kit', 'service': model.name },
    },
    // Access entries only: no aws-auth ConfigMap to drift.
    accessConfig: { authenticationMode: 'API' },
    iam,
    addons,
    managedNodeGroups: cluster.nodeGroups.map((g) => ({
      name: g.name,
      amiFamily: 'AmazonLinux2023',
      instanceType: g.instanceType,
      minSize: g.minSize,
      maxSize: g.maxSize,
      desiredCapacity: g.desiredCapacity,
      privateNetworking: true,
      disableIMDSv1: true,
      volumeEncrypted: true,
      labels: { 'node-group': g.name },
    })),
    cloudWatch: { clusterLogging: { enableTypes: LOG_TYPES, logRetentionInDays: LOG_RETENTION_DAYS } },
  };
}
