import { readdirSync } from 'node:fs';
import { DEFAULT_ROUTES, EksCognitoServiceProject, resolveSpec, ServiceSpecOptions, SpecError } from '../../src';
import { tempDir } from '../util';

const CLIENTS = {
  clients: [
    { name: 'readClient', scopes: ['demo.read'] },
    { name: 'writeClient', scopes: ['demo.write'] },
    { name: 'microService', generateSecret: false },
  ],
};

function problemsOf(options: Partial<ServiceSpecOptions>): string[] {
  try {
    resolveSpec({ name: 'demo-api', cognito: CLIENTS, ...options });
  } catch (e) {
    if (e instanceof SpecError) return e.message.split('\n').slice(1).map((l) => l.trim());
    throw e;
  }
  throw new Error('expected a SpecError');
}

describe('calls in the spec', () => {
  test('resolve to the client, its scopes, env names and whether the call targets the own host', () => {
    const model = resolveSpec({
      name: 'demo-api',
      calls: [
        { name: 'selfApi', baseUrl: 'https://gateway.example.com/', client: 'readClient' },
        { name: 'ordersApi', baseUrl: 'http://127.0.0.1:9000/v1', client: 'writeClient', scopes: ['demo.write'] },
      ],
    });
    expect(model.calls.map((c) => [c.name, c.envName, c.baseUrl, c.self, c.client.name, c.scopes.map((s) => s.fullName)])).toEqual([
      ['selfApi', 'SELF_API', 'https://gateway.example.com', true, 'readClient', ['https://gateway.example.com/demo.read']],
      ['ordersApi', 'ORDERS_API', 'http://127.0.0.1:9000/v1', false, 'writeClient', ['https://gateway.example.com/demo.write']],
    ]);
    expect(resolveSpec({ name: 'demo-api' }).calls).toEqual([]);
  });

  test.each<[string, Partial<ServiceSpecOptions>, string]>([
    ['a name that is not camelCase', { calls: [{ name: 'orders-api', baseUrl: 'https://o.example.com', client: 'readClient' }] },
      'calls[0].name: "orders-api" must be a camelCase identifier'],
    ['a repeated name', { calls: [{ name: 'a', baseUrl: 'https://o.example.com', client: 'readClient' }, { name: 'a', baseUrl: 'https://p.example.com', client: 'readClient' }] },
      'calls[1].name: "a" duplicates the call calls[0].name; remove one or rename it.'],
    ['http to a non-loopback host', { calls: [{ name: 'a', baseUrl: 'http://orders.example.com', client: 'readClient' }] },
      'calls[0].baseUrl: "http://orders.example.com" must be an absolute https URL'],
    ['a query in the base URL', { calls: [{ name: 'a', baseUrl: 'https://orders.example.com/?x=1', client: 'readClient' }] },
      'calls[0].baseUrl: "https://orders.example.com/?x=1" must be an absolute https URL without query'],
    ['credentials in the base URL', { calls: [{ name: 'a', baseUrl: 'https://u:p@orders.example.com', client: 'readClient' }] },
      'calls[0].baseUrl: "https://u:p@orders.example.com" must be an absolute https URL without query, fragment or credentials'],
    ['an unknown client', { calls: [{ name: 'a', baseUrl: 'https://o.example.com', client: 'nobody' }] },
      'calls[0].client: "nobody" is not an app client (declared: readClient, writeClient, microService); add it to cognito.clients'],
    ['a client without a secret', { calls: [{ name: 'a', baseUrl: 'https://o.example.com', client: 'microService', scopes: [] }] },
      'calls[0].client: "microService" has no secret (generateSecret: false)'],
    ['a scope the resource server lacks', { calls: [{ name: 'a', baseUrl: 'https://o.example.com', client: 'readClient', scopes: ['demo.admin'] }] },
      'calls[0].scopes[0]: "demo.admin" is not a scope of the resource server (declared: demo.read, demo.write)'],
    ['a scope not granted to the client', { calls: [{ name: 'a', baseUrl: 'https://o.example.com', client: 'readClient', scopes: ['demo.write'] }] },
      'calls[0].scopes[0]: "demo.write" is not granted to client "readClient" (granted: demo.read); add it to that client\'s scopes'],
    ['a relay to an undeclared call', { routes: [...DEFAULT_ROUTES, { method: 'GET', path: '/relay', relay: { call: 'nope', path: '/x' } }] },
      'routes[2].relay.call: "nope" is not the name of a call (declared: none); add it to calls'],
    ['a relay path that is not a path', {
      calls: [{ name: 'a', baseUrl: 'https://o.example.com', client: 'readClient' }],
      routes: [...DEFAULT_ROUTES, { method: 'GET', path: '/relay', relay: { call: 'a', path: 'https://evil.example.com/' } }],
    },
    'routes[2].relay.path: "https://evil.example.com/" must be a path starting with "/"'],
  ])('%s is refused with the field, the value and the fix', (_title, options, message) => {
    expect(problemsOf(options).some((p) => p.startsWith(`- ${message}`))).toBe(true);
  });

  test('a refused spec writes nothing: the project throws before any file exists', () => {
    const outdir = tempDir();
    expect(() => new EksCognitoServiceProject({ name: 'demo-api', outdir, calls: [{ name: 'a', baseUrl: 'ftp://o.example.com', client: 'readClient' }] }))
      .toThrow(/calls\[0\]\.baseUrl: "ftp:\/\/o\.example\.com"/);
    expect(readdirSync(outdir)).toEqual([]);
  });
});
