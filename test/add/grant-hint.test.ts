import { grantHint } from '../../src/add/grant-hint';
import type { SpecDefaults } from '../../src/add/spec-edit';

const spec = (clients: SpecDefaults['clients']): SpecDefaults => ({ routes: [], scopes: [], clients });

describe('grantHint', () => {
  test('is silent when a client with a secret holds every scope of the route', () => {
    expect(grantHint({ method: 'GET', path: '/a', scopes: ['a.read', 'a.list'] }, spec([{ name: 'c', scopes: ['a.list', 'a.read', 'b'] }]))).toBeUndefined();
  });

  test('is silent for routes without scopes, behind user sign-in, or public', () => {
    const none = spec([]);
    expect(grantHint({ method: 'GET', path: '/a' }, none)).toBeUndefined();
    expect(grantHint({ method: 'GET', path: '/', auth: 'alb-user', scopes: ['x'] }, none)).toBeUndefined();
    expect(grantHint({ method: 'GET', path: '/p', auth: 'none' }, none)).toBeUndefined();
  });

  test('a client without a secret, or holding only some scopes, does not count; the suggested name is free', () => {
    const hint = grantHint({ method: 'POST', path: '/api/orders', scopes: ['orders.write', 'orders.read'] }, spec([
      { name: 'ordersWriteOrdersReadClient', scopes: ['orders.write'] },
      { name: 'pub', scopes: ['orders.write', 'orders.read'], generateSecret: false },
    ]));
    expect(hint).toBe("No app client with a secret holds orders.write and orders.read, so scripts/integ.sh skips POST /api/orders's 200 case.\n"
      + 'add grants no scope to an existing client; to add one that holds them: '
      + 'npx eks-cognito-kit add client ordersWriteOrdersReadClient2 --scopes orders.write,orders.read\n');
  });

  test('scopes that need quoting are quoted for the shell', () => {
    const hint = grantHint({ method: 'GET', path: '/x', scopes: ["it's.read"] }, spec([]));
    expect(hint).toContain("add client itSReadClient --scopes 'it'\\''s.read'\n");
  });
});
