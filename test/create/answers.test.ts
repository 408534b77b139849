import { answersFromModel, formatClients, parseClients, answersFromFlags, completeAnswers, toSpecOptions } from '../../src/create';
import { DEFAULT_CLIENTS, resolveSpec } from '../../src/spec';

const baseline = resolveSpec({ name: 'demo-api' });
const defaults = answersFromModel(baseline);

describe('--clients syntax', () => {
  test('"," splits clients, "+" joins scopes, "name=" is a client without scopes', () => {
    expect(parseClients('reader=orders.read, writer=orders.read+orders.write,svc=')).toEqual([
      { name: 'reader', scopes: ['orders.read'] },
      { name: 'writer', scopes: ['orders.read', 'orders.write'] },
      { name: 'svc', scopes: [] },
    ]);
  });

  test('the default clients print as the syntax they parse from', () => {
    const text = formatClients(DEFAULT_CLIENTS.map((c) => ({ name: c.name, scopes: c.scopes ?? [] })));
    expect(text).toBe('readClient=demo.read,writeClient=demo.write,microService=');
    expect(parseClients(text)).toEqual(defaults.clients);
  });
});

describe('answers -> spec options', () => {
  test('answers equal to the defaults give only the name', () => {
    expect(toSpecOptions(completeAnswers(answersFromFlags({ name: 'demo-api' }), defaults), baseline)).toEqual({ name: 'demo-api' });
  });

  test('answers that differ are written, nested where the spec nests them', () => {
    const answers = completeAnswers(answersFromFlags({
      'name': 'demo-api',
      'region': 'eu-west-1',
      'cluster': 'prod',
      'inbound-cidrs': '10.0.0.0/8, 192.168.0.0/16',
      'user-auth-host': 'app.example.com',
      'clients': 'reader=demo.read',
    }), defaults);
    expect(toSpecOptions(answers, baseline)).toEqual({
      name: 'demo-api',
      region: 'eu-west-1',
      cluster: { name: 'prod' },
      cognito: { clients: [{ name: 'reader', scopes: ['demo.read'] }] },
      ingress: { inboundCidrs: ['10.0.0.0/8', '192.168.0.0/16'] },
      userAuth: { host: 'app.example.com' },
      routes: [
        { method: 'GET', path: '/api/demo/protectedRole/{name}', scopes: ['demo.read'] },
        { method: 'POST', path: '/api/demo/protectedUpload', scopes: ['demo.write'] },
        { method: 'GET', path: '/', auth: 'alb-user', handler: 'home' },
      ],
    });
  });

  test('a sign-in host brings a signed-in home page, so the sign-in Ingress exists from the first commit', () => {
    const answers = completeAnswers(answersFromFlags({ 'name': 'demo-api', 'user-auth-host': 'app.example.com', 'scopes': 'orders.read,orders.write' }), defaults);
    const model = resolveSpec(toSpecOptions(answers, baseline));
    expect(model.routes.map((r) => [r.method, r.path, r.auth, r.scopes.map((s) => s.name)])).toEqual([
      ['GET', '/api/demo/protectedRole/{name}', 'bearer', ['orders.read']],
      ['POST', '/api/demo/protectedUpload', 'bearer', ['orders.write']],
      ['GET', '/', 'alb-user', []],
    ]);
    expect(model.routes[2].handler).toBe('home');
  });

  test('renamed scopes carry over to the default routes and clients by position, so the spec stays valid', () => {
    const answers = completeAnswers(answersFromFlags({ name: 'demo-api', scopes: 'orders.read,orders.write' }), defaults);
    expect(answers.clients).toEqual([
      { name: 'readClient', scopes: ['orders.read'] },
      { name: 'writeClient', scopes: ['orders.write'] },
      { name: 'microService', scopes: [] },
    ]);
    const options = toSpecOptions(answers, baseline);
    expect(options.routes?.map((r) => r.scopes)).toEqual([['orders.read'], ['orders.write']]);
    const model = resolveSpec(options);
    expect(model.cognito.resourceServer.scopes.map((s) => s.name)).toEqual(['orders.read', 'orders.write']);
    expect(model.cognito.clients.find((c) => c.name === 'microService')?.generateSecret).toBe(false);
  });

  test('an empty optional answer means none', () => {
    const answers = completeAnswers(answersFromFlags({ 'name': 'demo-api', 'user-auth-host': '', 'certificate-arn': '' }), defaults);
    expect(answers.userAuthHost).toBeUndefined();
    expect(answers.certificateArn).toBeUndefined();
  });
});
