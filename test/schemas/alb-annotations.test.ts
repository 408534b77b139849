import { validateAlbAnnotations } from './alb-annotations';

const ingress = (path: string, pathType: string) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name: 'demo-api', namespace: 'demo' },
  spec: {
    ingressClassName: 'alb',
    rules: [{ host: 'gateway.example.com', http: { paths: [{ path, pathType, backend: { service: { name: 'demo-api', port: { number: 8080 } } } }] } }],
  },
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
