import { resolveSpec, SpecError } from '../../src';
import { withSignIn } from '../util';

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof SpecError) return e.problems.map((p) => p.path);
    throw e;
  }
  throw new Error('expected a SpecError');
}

describe('resolveSpec', () => {
  describe('defaults', () => {
    const model = resolveSpec({ name: 'demo-api' });

    test('reproduce seed 003', () => {
      expect(model.region).toBe('ap-southeast-1');
      expect(model.cluster.name).toBe('token-demo');
      expect(model.namespace).toBe('demo');
      expect(model.host).toBe('gateway.example.com');
      expect(model.cognito.resourceServer.identifier).toBe('https://gateway.example.com');
      expect(model.cognito.resourceServer.scopes.map((s) => s.fullName)).toEqual([
        'https://gateway.example.com/demo.read',
        'https://gateway.example.com/demo.write',
      ]);
      expect(model.cognito.clients.map((c) => [c.name, c.envName, c.generateSecret, c.scopes.map((s) => s.name)])).toEqual([
        ['readClient', 'READ', true, ['demo.read']],
        ['writeClient', 'WRITE', true, ['demo.write']],
        ['microService', 'MICRO_SERVICE', false, []],
      ]);
      expect(model.workload.port).toBe(8080);
    });

    test('derive the route table', () => {
      expect(model.routes.map((r) => [r.method, r.expressPath, r.handler, r.handlerModule, r.scopes.map((s) => s.name)])).toEqual([
        ['GET', '/api/demo/protectedRole/:name', 'protectedRole', 'protected-role', ['demo.read']],
        ['POST', '/api/demo/protectedUpload', 'protectedUpload', 'protected-upload', ['demo.write']],
      ]);
      expect(model.routes[0].samplePath).toBe('/api/demo/protectedRole/sample-name');
    });
  });

  test('reports every problem at once, naming the option', () => {
    const paths = problemsOf(() => resolveSpec({
      name: 'Demo_API',
      region: 'mars-east-1',
      host: '*.example.com',
      cluster: { kubernetesVersion: '1.20' },
      ingress: { inboundCidrs: ['10.0.0.1'], certificateArn: 'arn:aws:acm:us-east-1:123:cert' },
      routes: [
        { method: 'GET', path: '/api/demo/*', scopes: ['demo.admin'] },
        { method: 'GET', path: '/api/demo/*' },
      ],
    }));
    expect(paths).toEqual(expect.arrayContaining([
      'name', 'region', 'host', 'cluster.kubernetesVersion', 'ingress.inboundCidrs[0]', 'ingress.certificateArn',
      'routes[0].path', 'routes[0].scopes[0]', 'routes[1]',
    ]));
  });

  test('the message names the value and the fix', () => {
    expect(() => resolveSpec({ name: 'demo-api', routes: [{ method: 'GET', path: '/x', scopes: ['nope'] }] }))
      .toThrow(/routes\[0\]\.scopes\[0\]: "nope" is not a scope of the resource server \(declared: demo\.read, demo\.write\); add/);
  });

  test('refuses a client-credentials client without a secret', () => {
    expect(problemsOf(() => resolveSpec({ name: 'a', cognito: { clients: [{ name: 'svc', scopes: ['demo.read'], generateSecret: false }] } })))
      .toEqual(['cognito.clients[0].generateSecret']);
  });
});

describe('resolveSpec with user sign-in', () => {
  test('resolves selfSignUp to false unless set to true', () => {
    expect(resolveSpec(withSignIn({ name: 'a', userAuth: { host: 'app.example.com' } })).userAuth!.selfSignUp).toBe(false);
    expect(resolveSpec(withSignIn({ name: 'a', userAuth: { host: 'app.example.com', selfSignUp: true } })).userAuth!.selfSignUp).toBe(true);
  });

  test('refuses a selfSignUp that is not a boolean', () => {
    expect(problemsOf(() => resolveSpec(withSignIn({ name: 'a', userAuth: { host: 'app.example.com', selfSignUp: 'yes' as unknown as boolean } }))))
      .toEqual(['userAuth.selfSignUp']);
  });

  test('refuses a client that clashes with the sign-in client', () => {
    expect(problemsOf(() => resolveSpec(withSignIn({
      name: 'a',
      userAuth: { host: 'app.example.com' },
      cognito: { clients: [{ name: 'web', scopes: ['demo.read'] }] },
    })))).toEqual(['cognito.clients[0].name']);
  });

  test('requires the sign-in client among the deployed client ids', () => {
    expect(problemsOf(() => resolveSpec(withSignIn({
      name: 'a',
      userAuth: { host: 'app.example.com' },
      cognito: { deployed: { accountId: '123456789012', userPoolId: 'ap-southeast-1_Abc', clientIds: { readClient: 'a', writeClient: 'b', microService: 'c' } } },
    })))).toEqual(['cognito.deployed.clientIds.webClient']);
  });

  test('refuses user sign-in without an alb-user route, naming the route to add', () => {
    expect(() => resolveSpec({ name: 'a', userAuth: { host: 'app.example.com' } }))
      .toThrow(/userAuth: \{"host":"app.example.com"\} has no route with auth: 'alb-user', so no sign-in Ingress would be written; add \{ method: 'GET', path: '\/', auth: 'alb-user' \} to routes, or remove userAuth\./);
  });

  test('resolves signOutPath to /logout, and refuses one that is no fixed path or that a route uses', () => {
    expect(resolveSpec(withSignIn({ name: 'a', userAuth: { host: 'app.example.com' } })).userAuth!.signOutPath).toBe('/logout');
    expect(resolveSpec(withSignIn({ name: 'a', userAuth: { host: 'app.example.com', signOutPath: '/auth/sign-out' } })).userAuth!.signOutPath).toBe('/auth/sign-out');
    for (const bad of ['logout', '/', '/a/{id}', '/a/', '/readyz', '/oauth2/idpresponse', '/a b']) {
      expect([bad, problemsOf(() => resolveSpec(withSignIn({ name: 'a', userAuth: { host: 'app.example.com', signOutPath: bad } })))]).toEqual([bad, ['userAuth.signOutPath']]);
    }
    expect(() => resolveSpec(withSignIn({ name: 'a', userAuth: { host: 'app.example.com', signOutPath: '/api/demo/protectedUpload' } })))
      .toThrow(/userAuth\.signOutPath: "\/api\/demo\/protectedUpload" is also the path of routes\[1\], and the managed sign-out route would shadow it/);
  });
});
