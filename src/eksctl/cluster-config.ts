/**
 * The slice of eksctl's ClusterConfig (v1alpha5) the kit emits.
 * @see https://github.com/eksctl-io/eksctl/blob/main/pkg/apis/eksctl.io/v1alpha5/assets/schema.json
 */

/** IAM policies eksctl knows by name; each maps to the controller's least-privilege policy. */
export interface WellKnownPolicies {
  readonly awsLoadBalancerController?: boolean;
  readonly externalDNS?: boolean;
}

/** An EKS Pod Identity association: a service account and the role its pods assume. */
export interface PodIdentityAssociation {
  readonly namespace: string;
  readonly serviceAccountName: string;
  readonly createServiceAccount: boolean;
  readonly wellKnownPolicies: WellKnownPolicies;
}

/** An IAM role for a service account through the cluster's OIDC provider (IRSA). */
export interface IamServiceAccount {
  readonly metadata: { readonly name: string; readonly namespace: string };
  readonly wellKnownPolicies: WellKnownPolicies;
}

/** An EKS add-on. */
export interface Addon {
  readonly name: string;
  readonly useDefaultPodIdentityAssociations?: boolean;
}

/** A managed node group. */
export interface ManagedNodeGroupConfig {
  readonly name: string;
  readonly amiFamily: string;
  readonly instanceType: string;
  readonly minSize: number;
  readonly maxSize: number;
  readonly desiredCapacity: number;
  readonly privateNetworking: boolean;
  readonly disableIMDSv1: boolean;
  readonly volumeEncrypted: boolean;
  readonly labels: Readonly<Record<string, string>>;
}

/** Control-plane log types. */
export type ClusterLogType = 'api' | 'audit' | 'authenticator' | 'controllerManager' | 'scheduler';

/** An eksctl cluster definition, for `eksctl create cluster -f`. */
export interface ClusterConfig {
  readonly apiVersion: 'eksctl.io/v1alpha5';
  readonly kind: 'ClusterConfig';
  readonly metadata: { readonly name: string; readonly region: string; readonly version: string; readonly tags: Readonly<Record<string, string>> };
  readonly accessConfig: { readonly authenticationMode: 'API' | 'API_AND_CONFIG_MAP' };
  readonly iam: {
    readonly withOIDC?: boolean;
    readonly serviceAccounts?: readonly IamServiceAccount[];
    readonly podIdentityAssociations?: readonly PodIdentityAssociation[];
  };
  readonly addons: readonly Addon[];
  readonly managedNodeGroups: readonly ManagedNodeGroupConfig[];
  readonly cloudWatch: { readonly clusterLogging: { readonly enableTypes: readonly ClusterLogType[]; readonly logRetentionInDays: number } };
}
