import { validateAlbAnnotations, validateCloudFormationTemplate, validateEksctl, validateKubernetes } from './schemas';

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'demo-api', namespace: 'demo' },
  spec: {
    selector: { matchLabels: { app: 'demo-api' } },
    template: {
      metadata: { labels: { app: 'demo-api' } },
      spec: { containers: [{ name: 'app', image: 'demo-api:latest', ports: [{ containerPort: 8080 }] }] },
    },
  },
};

const ingress = (path: string, pathType: string) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name: 'demo-api', namespace: 'demo' },
  spec: {
    ingressClassName: 'alb',
    rules: [{ host: 'gateway.example.com', http: { paths: [{ path, pathType, backend: { service: { name: 'demo-api', port: { number: 8080 } } } }] } }],
  },
});

const clusterConfig = (version: string) => ({
  apiVersion: 'eksctl.io/v1alpha5',
  kind: 'ClusterConfig',
  metadata: { name: 'token-demo', region: 'ap-southeast-1', version },
  managedNodeGroups: [{ name: 'ng0', instanceType: 'm6i.large', minSize: 1, maxSize: 3, desiredCapacity: 2 }],
});

const template = (clientProps: Record<string, unknown>) => ({
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: {
    UserPool: { Type: 'AWS::Cognito::UserPool', Properties: { UserPoolName: 'demo-api-users' } },
    ReadClient: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: { Ref: 'UserPool' }, ClientName: 'readClient', ...clientProps } },
  },
  Outputs: { UserPoolArn: { Value: { 'Fn::GetAtt': ['UserPool', 'Arn'] } } },
});

describe('validateKubernetes', () => {
  test('accepts a minimal Deployment', () => {
    expect(validateKubernetes(deployment)).toEqual([]);
  });

  test('rejects a Deployment with an unknown key', () => {
    const errors = validateKubernetes({ ...deployment, spec: { ...deployment.spec, replica: 2 } });
    expect(errors.join('\n')).toMatch(/replica/);
  });

  test('rejects an unknown kind and a Namespace with a bad name', () => {
    expect(validateKubernetes({ apiVersion: 'v1', kind: 'Pod' })).toHaveLength(1);
    expect(validateKubernetes({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'Demo_NS' } })).not.toEqual([]);
    expect(validateKubernetes({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'demo' } })).toEqual([]);
  });
});

describe('validateAlbAnnotations', () => {
  test('rejects a wildcard in a Prefix path but accepts the prefix itself', () => {
    expect(validateAlbAnnotations({}, ingress('/api/demo/*', 'Prefix'))).toEqual(["prefix path shouldn't contain wildcards: /api/demo/*"]);
    expect(validateAlbAnnotations({}, ingress('/api/demo', 'Prefix'))).toEqual([]);
  });

  test('rejects unknown keys, a boolean ssl-redirect and cognito auth without HTTPS', () => {
    const errors = validateAlbAnnotations({
      'alb.ingress.kubernetes.io/listen-ports': '[{"HTTP":80}]',
      'alb.ingress.kubernetes.io/ssl-redirect': 'true',
      'alb.ingress.kubernetes.io/auth-type': 'cognito',
      'alb.ingress.kubernetes.io/made-up': 'x',
    });
    expect(errors.join('\n')).toMatch(/made-up: unknown annotation/);
    expect(errors.join('\n')).toMatch(/ssl-redirect: "true" is not an integer/);
    expect(errors.join('\n')).toMatch(/missing alb.ingress.kubernetes.io\/auth-idp-cognito/);
    expect(errors.join('\n')).toMatch(/needs an HTTPS listener/);
  });

  test('rejects the class annotation next to ingressClassName and a bad CIDR', () => {
    const errors = validateAlbAnnotations({ 'kubernetes.io/ingress.class': 'alb', 'alb.ingress.kubernetes.io/inbound-cidrs': '10.0.0.1' }, ingress('/api', 'Prefix'));
    expect(errors).toHaveLength(2);
  });
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

describe('validateCloudFormationTemplate', () => {
  test('accepts a client whose pool is a Ref', () => {
    expect(validateCloudFormationTemplate(template({ GenerateSecret: true }))).toEqual([]);
  });

  test('rejects a client that sets ClientSecret', () => {
    expect(validateCloudFormationTemplate(template({ ClientSecret: 'shh' }))).toEqual([
      'Resources.ReadClient.Properties.ClientSecret is read-only and must not be set in a template',
    ]);
  });

  test('rejects dangling references, unknown types and unknown properties', () => {
    const t: any = template({ UserPoolId: { Ref: 'Missing' }, Colour: 'blue' });
    t.Resources.Bucket = { Type: 'AWS::S3::Bucket' };
    t.Outputs.Id = { Value: { 'Fn::Sub': '${Nowhere.Arn}' } };
    const errors = validateCloudFormationTemplate(t).join('\n');
    expect(errors).toMatch(/Ref target Missing/);
    expect(errors).toMatch(/Colour/);
    expect(errors).toMatch(/unknown resource type "AWS::S3::Bucket"/);
    expect(errors).toMatch(/GetAtt target Nowhere/);
  });
});
