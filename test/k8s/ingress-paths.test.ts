import { ingressPaths } from '../../src/k8s/ingress-paths';
import { containerPort, Deployment, Service } from '../../src/k8s/kube-objects';
import { backendFor } from '../../src/k8s/service';
import { resolveSpec } from '../../src/spec';

const routesFor = (...paths: string[]) =>
  resolveSpec({ name: 'demo-api', routes: paths.map((path, i) => ({ method: 'GET', path, handler: `h${i}` })) }).routes;

describe('ingressPaths', () => {
  test('a fixed path is Exact, a parameterised one a Prefix of its fixed part', () => {
    expect(ingressPaths(routesFor('/api/items', '/api/items/{id}', '/api/items/{id}/tags/{tag}', '/{id}'))).toEqual([
      { path: '/api/items', pathType: 'Exact' },
      { path: '/api/items', pathType: 'Prefix' },
      { path: '/', pathType: 'Prefix' },
    ]);
  });

  test('duplicates collapse, order follows the routes, no wildcard ever', () => {
    const paths = ingressPaths(routesFor('/b/{x}', '/a', '/b/{y}/c', '/a/{z}'));
    expect(paths.map((p) => `${p.pathType} ${p.path}`)).toEqual(['Prefix /b', 'Exact /a', 'Prefix /a']);
    for (const p of paths) expect(p.path).not.toMatch(/[*?{}]|.\/$/);
  });
});

describe('backends and ports', () => {
  const service: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'svc' },
    spec: { type: 'ClusterIP', selector: {}, ports: [{ name: 'http', port: 8080, targetPort: 'http', protocol: 'TCP' }] },
  };

  test('a backend uses the Service name and the number of the named port', () => {
    expect(backendFor(service)).toEqual({ service: { name: 'svc', port: { number: 8080 } } });
  });

  test('a missing Service port is an error naming the ports that exist', () => {
    expect(() => backendFor(service, 'grpc')).toThrow('Service "svc" has no port named "grpc" (ports: http)');
  });

  test('a missing container port is an error', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { replicas: 1, selector: { matchLabels: {} }, template: { metadata: { labels: {} }, spec: { containers: [{ name: 'c', ports: [] }] } } },
    } as Deployment;
    expect(() => containerPort(deployment, 'http')).toThrow('Deployment "d" has no container port named "http" (ports: none)');
  });
});
