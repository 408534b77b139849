import { validateEksctl } from './eksctl';

const clusterConfig = (version: string) => ({
  apiVersion: 'eksctl.io/v1alpha5',
  kind: 'ClusterConfig',
  metadata: { name: 'token-demo', region: 'ap-southeast-1', version },
  managedNodeGroups: [{ name: 'ng0', instanceType: 'm6i.large', minSize: 1, maxSize: 3, desiredCapacity: 2 }],
});

describe('validateEksctl', () => {
  test('accepts a supported version and rejects 1.20', () => {
    expect(validateEksctl(clusterConfig('1.34'))).toEqual([]);
    expect(validateEksctl(clusterConfig('1.20'))).toEqual([
      'metadata.version: invalid version, 1.20 is no longer supported, supported values: 1.33, 1.34, 1.35',
    ]);
  });

  test('rejects albIngress and a pod identity association without the agent or a permission', () => {
    const config = {
      ...clusterConfig('1.34'),
      managedNodeGroups: [{ name: 'ng0', iam: { withAddonPolicies: { albIngress: true } } }],
      iam: { podIdentityAssociations: [{ namespace: 'kube-system', serviceAccountName: 'aws-load-balancer-controller' }] },
    };
    expect(validateEksctl(config)).toHaveLength(3);
  });
});
