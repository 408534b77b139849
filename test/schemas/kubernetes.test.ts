import { validateKubernetes } from './kubernetes';

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
