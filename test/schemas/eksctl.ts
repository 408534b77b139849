/**
 * Validates eksctl ClusterConfigs against the upstream schema plus the run-time rules eksctl enforces beyond it.
 * @see https://github.com/eksctl-io/eksctl/blob/main/pkg/apis/eksctl.io/v1alpha5/assets/schema.json
 */
import { format, newAjv } from './private/ajv';
import { load } from './private/schema-files';
import { cached, isObject, notAnObject } from './private/util';

const SUPPORTED_EKS_VERSIONS = ['1.33', '1.34', '1.35'];
const POD_IDENTITY_PERMISSIONS = ['roleARN', 'permissionPolicy', 'permissionPolicyARNs', 'wellKnownPolicies'];

const eksctlFacts = cached(() => load('eksctl/eksctl-facts.json'));
const eksctlValidator = cached(() => {
  const ajv = newAjv({ allErrors: true, strictTypes: false });
  ['preferredOrder', 'x-intellij-html-description', 'x-kubernetes-group-version-kind'].forEach((k) => ajv.addKeyword(k));
  return ajv.compile(load('eksctl/clusterconfig-v1alpha5.schema.json'));
});

/** Validates an eksctl ClusterConfig against the schema and the run-time rules in eksctl-facts.json. */
export function validateEksctl(obj: any): string[] {
  if (!isObject(obj)) return [notAnObject('ClusterConfig', obj)];
  const facts = eksctlFacts();
  const validate = eksctlValidator();
  const errors = validate(obj) ? [] : format(validate.errors, 'ClusterConfig ');

  const version = obj?.metadata?.version;
  const known: string[] = facts.kubernetesVersions.versionConstantsInTypesGo;
  if (!SUPPORTED_EKS_VERSIONS.includes(version)) {
    errors.push(known.includes(version) && Number(version.split('.')[1]) < 33
      ? `metadata.version: invalid version, ${version} is no longer supported, supported values: ${SUPPORTED_EKS_VERSIONS.join(', ')}`
      : `metadata.version: invalid version ${JSON.stringify(version)}, supported values: ${SUPPORTED_EKS_VERSIONS.join(', ')}`);
  }

  for (const key of ['managedNodeGroups', 'nodeGroups']) {
    (obj?.[key] ?? []).forEach((ng: any, i: number) => {
      if (ng?.iam?.withAddonPolicies?.albIngress !== undefined) {
        errors.push(`${key}[${i}].iam.withAddonPolicies.albIngress is deprecated; use awsLoadBalancerController (better: a pod identity association)`);
      }
    });
  }

  const associations: Array<[string, any]> = [
    ...(obj?.iam?.podIdentityAssociations ?? []).map((a: any, i: number) => [`iam.podIdentityAssociations[${i}]`, a]),
    ...(obj?.addons ?? []).flatMap((addon: any, j: number) =>
      (addon?.podIdentityAssociations ?? []).map((a: any, i: number) => [`addons[${j}].podIdentityAssociations[${i}]`, a])),
  ];
  for (const [at, a] of associations) {
    if (!a?.namespace) errors.push(`${at}.namespace must be set`);
    if (!a?.serviceAccountName) errors.push(`${at}.serviceAccountName must be set`);
    const given = POD_IDENTITY_PERMISSIONS.filter((k) => a?.[k] !== undefined);
    if (given.length === 0) errors.push(`${at} needs at least one of ${POD_IDENTITY_PERMISSIONS.join(', ')}`);
    if (given.includes('roleARN') && given.length > 1) errors.push(`${at}.roleARN excludes ${given.filter((k) => k !== 'roleARN').join(', ')}`);
  }
  const hasAgent = (obj?.addons ?? []).some((a: any) => a?.name === 'eks-pod-identity-agent');
  if (associations.length > 0 && !hasAgent) errors.push('addons must include eks-pod-identity-agent when pod identity associations are used');
  return errors;
}
