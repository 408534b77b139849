import { globToRegExp, IngressPathRule, LocalIngress, matches, RouteTable } from '../../src/alb';

const rule = (path: string | undefined, pathType: IngressPathRule['pathType']): IngressPathRule => ({ path, pathType, backend: 'demo-api:8080' });
const ingress = (id: string, paths: IngressPathRule[]): LocalIngress => ({ id, file: `k8s/${id}.yaml`, hosts: [`${id}.example.com`], paths });

describe('path matching, as the controller turns pathType into ALB path patterns', () => {
  test.each<[string, IngressPathRule['pathType'], string, boolean]>([
    ['/app/profile', 'Exact', '/app/profile', true],
    ['/app/profile', 'Exact', '/app/profile/', false],
    ['/app/profile', 'Exact', '/App/profile', false],
    ['/app/orders', 'Prefix', '/app/orders', true],
    ['/app/orders', 'Prefix', '/app/orders/42', true],
    ['/app/orders', 'Prefix', '/app/ordersX', false],
    ['/app/orders/', 'Prefix', '/app/orders', true],
    ['/', 'Prefix', '/anything/at/all', true],
    ['/api/*/items', 'ImplementationSpecific', '/api/v1/x/items', true],
    ['/api/*/items', 'ImplementationSpecific', '/api/v1/items/2', false],
    ['/file?.txt', 'ImplementationSpecific', '/file1.txt', true],
    ['/file?.txt', 'ImplementationSpecific', '/file12.txt', false],
    ['/a.b', 'ImplementationSpecific', '/aXb', false],
  ])('%s (%s) matches %s: %s', (path, pathType, request, expected) => {
    expect(matches(rule(path, pathType), request)).toBe(expected);
  });

  test('glob patterns escape every regular-expression character but * and ?', () => {
    expect(globToRegExp('/a+(b)[c]$^|{d}\\').test('/a+(b)[c]$^|{d}\\')).toBe(true);
  });
});

describe('RouteTable across Ingresses (localhost stands for every host)', () => {
  const api = ingress('api', [rule('/app', 'Prefix'), rule('/app/*', 'ImplementationSpecific'), rule('/status', 'Exact')]);
  const web = ingress('web', [rule('/app/orders', 'Prefix'), rule('/app/profile', 'Exact'), rule('/status', 'Exact'), rule(undefined, 'ImplementationSpecific')]);
  const table = new RouteTable([api, web]);
  const hit = (path: string) => {
    const m = table.match(path);
    return m && `${m.ingress.id} ${m.rule.path ?? '(default)'}`;
  };

  test('Exact first, then the longest Prefix, then ImplementationSpecific, then default backends', () => {
    expect(hit('/app/profile')).toBe('web /app/profile');
    expect(hit('/app/orders/1')).toBe('web /app/orders');
    expect(hit('/app/other')).toBe('api /app');
    expect(hit('/elsewhere')).toBe('web (default)');
  });

  test('for the same rule in two Ingresses, the first in file order wins, and is reported', () => {
    expect(hit('/status')).toBe('api /status');
    expect(table.shadowed()).toEqual(['Exact /status of Ingress web is hidden by the same rule of Ingress api']);
  });

  test('no rule, no match: the ALB answers 404', () => {
    expect(new RouteTable([api]).match('/elsewhere')).toBeUndefined();
  });
});
