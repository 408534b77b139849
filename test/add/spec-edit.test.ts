/**
 * The syntax-tree edit of `.projenrc.ts`, text in and text out: the user's comments, order and layout
 * are kept, absent lists are written out from the project type's defaults, unsafe sources are refused.
 */
import * as ts from 'typescript';
import { AddError, AddRequest, editSpec, SpecDefaults, SpecEditOptions } from '../../src/add';
import { DEFAULT_CLIENTS, DEFAULT_ROUTES, DEFAULT_SCOPES } from '../../src/spec';

const KIT_DEFAULTS: SpecDefaults = { routes: DEFAULT_ROUTES, scopes: DEFAULT_SCOPES, clients: DEFAULT_CLIENTS };
const ORDERS: AddRequest = { kind: 'route', route: { method: 'GET', path: '/api/orders/{id}', scopes: ['orders.read'] } };

function edit(text: string, request: AddRequest, options: Partial<SpecEditOptions> = {}) {
  return editSpec(ts, text, request, { defaults: () => KIT_DEFAULTS, ...options });
}

function refusal(text: string, request: AddRequest, options: Partial<SpecEditOptions> = {}): string {
  try {
    edit(text, request, options);
  } catch (e) {
    expect(e).toBeInstanceOf(AddError);
    return (e as Error).message;
  }
  throw new Error('the edit was not refused');
}

const rc = (body: string, head = "import { EksCognitoServiceProject } from 'eks-cognito-kit';\n") =>
  `${head}\n// The spec: edit it, then run \`npx projen\`.\nconst project = new EksCognitoServiceProject({\n${body}});\n\nproject.synth();\n`;

const WEB_DEMO = rc(`  name: 'web-demo',
  routes: [
    { method: 'GET', path: '/api/demo/protectedRole/{name}', scopes: ['demo.read'] },
    /* uploads */ { method: 'POST', path: '/api/demo/protectedUpload', scopes: ['demo.write'] },
    { method: 'GET', path: '/', auth: 'alb-user', handler: 'home' }, // the signed-in home page
  ],
  userAuth: { host: 'app.example.com' }, // the sign-in ALB
  cognito: {
    // scopes our partners ask for
    resourceServer: { scopes: [{ name: 'demo.read' }, { name: 'demo.write' }] },
  },
  devDeps: ['eks-cognito-kit@file:/tmp/x/eks-cognito-kit-0.0.0.tgz'],
`);

describe('add route', () => {
  test('goes after the last route, at its indentation, and adds the unknown scope inline; comments stay', () => {
    const out = edit(WEB_DEMO, ORDERS);
    expect(out.changes).toEqual(['route GET /api/orders/{id}', 'scope orders.read']);
    expect(out.text).toBe(WEB_DEMO
      .replace("handler: 'home' }, // the signed-in home page\n",
        "handler: 'home' }, // the signed-in home page\n    { method: 'GET', path: '/api/orders/{id}', scopes: ['orders.read'] },\n")
      .replace("{ name: 'demo.write' }]", "{ name: 'demo.write' }, { name: 'orders.read' }]"));
  });

  test('a declared scope is not added twice', () => {
    const out = edit(WEB_DEMO, { kind: 'route', route: { method: 'DELETE', path: '/api/demo/protectedRole/{name}', scopes: ['demo.write'] } });
    expect(out.changes).toEqual(['route DELETE /api/demo/protectedRole/{name}']);
    expect(out.text.match(/demo\.write/g)).toHaveLength(3);
  });

  test('without routes: the defaults are written out after the spec options, then the new route', () => {
    const text = rc("  name: 'orders',\n  devDeps: ['eks-cognito-kit@^0.1.0'],\n");
    const out = edit(text, { kind: 'route', route: { method: 'POST', path: '/api/orders', scopes: ['demo.write'] } });
    expect(out.text).toBe(rc(`  name: 'orders',
  routes: [
    {
      method: 'GET',
      path: '/api/demo/protectedRole/{name}',
      scopes: ['demo.read'],
    },
    {
      method: 'POST',
      path: '/api/demo/protectedUpload',
      scopes: ['demo.write'],
    },
    { method: 'POST', path: '/api/orders', scopes: ['demo.write'] },
  ],
  devDeps: ['eks-cognito-kit@^0.1.0'],
`));
    expect(new Function(`return ${/new EksCognitoServiceProject\((\{[\s\S]*?\n\})\)/.exec(out.text)![1]}`)().routes)
      .toEqual([...DEFAULT_ROUTES, { method: 'POST', path: '/api/orders', scopes: ['demo.write'] }]);
  });

  test('without cognito: the new scope is added to the default scopes, so none disappears', () => {
    const out = edit(rc("  name: 'orders',\n"), ORDERS);
    const options = new Function(`return ${/new EksCognitoServiceProject\((\{[\s\S]*?\n\})\)/.exec(out.text)![1]}`)();
    expect(options.cognito).toEqual({ resourceServer: { scopes: [...DEFAULT_SCOPES, { name: 'orders.read' }] } });
    expect(options.routes).toEqual([...DEFAULT_ROUTES, ORDERS.kind === 'route' && ORDERS.route]);
  });

  test('no trailing comma, one-line and empty lists keep their own style', () => {
    const text = rc("  name: 'x',\n  routes: [\n    { method: 'GET', path: '/a' } // first\n  ],\n  cognito: { resourceServer: { scopes: [] } }\n");
    const out = edit(text, { kind: 'route', route: { method: 'GET', path: '/b', scopes: ['b.read'] } });
    expect(out.text).toContain("    { method: 'GET', path: '/a' }, // first\n    { method: 'GET', path: '/b', scopes: ['b.read'] }\n  ],");
    expect(out.text).toContain("cognito: { resourceServer: { scopes: [\n    { name: 'b.read' },\n  ] } }\n");
    const inline = rc("  name: 'x',\n  routes: [{ method: 'GET', path: '/a' }],\n");
    expect(edit(inline, { kind: 'route', route: { method: 'PUT', path: '/a' } }).text)
      .toContain("routes: [{ method: 'GET', path: '/a' }, { method: 'PUT', path: '/a' }],");
  });

  test('a team class, imported by default or renamed, is found the same way', () => {
    const named = rc("  name: 'x',\n  routes: [\n    { method: 'GET', path: '/a' },\n  ],\n", "import { AcmeService } from '@acme/service-standard';\n")
      .replace('EksCognitoServiceProject', 'AcmeService');
    expect(edit(named, { kind: 'route', route: { method: 'GET', path: '/b' } }).text).toContain("    { method: 'GET', path: '/b' },\n  ],");
    const byDefault = named.replace("import { AcmeService } from '@acme/service-standard';", "import AcmeService from '@acme/service-standard';\nimport { TextFile } from 'projen';")
      .replace('project.synth();', "new TextFile(project, 'NOTES.md', { lines: ['x'] });\nproject.synth();");
    expect(edit(byDefault, { kind: 'route', route: { method: 'GET', path: '/b' } }).text).toContain("{ method: 'GET', path: '/b' },\n  ],");
  });

  test('the team defaults are read only when a list is absent', () => {
    const defaults = jest.fn(() => KIT_DEFAULTS);
    edit(WEB_DEMO, ORDERS, { defaults });
    expect(defaults).not.toHaveBeenCalled();
    edit(rc("  name: 'x',\n"), ORDERS, { defaults });
    expect(defaults).toHaveBeenCalledTimes(1);
  });

  test('values are serialized, never pasted between quotes', () => {
    const out = edit(WEB_DEMO, { kind: 'route', route: { method: 'GET', path: "/it's/{id}", handler: 'x\u2028y' } });
    expect(out.text).toContain("path: '/it\\'s/{id}'");
    expect(out.text).toContain("handler: 'x\\u2028y'");
  });
});

describe('add scope and add client', () => {
  test('a scope with a description goes after the last scope', () => {
    const out = edit(WEB_DEMO, { kind: 'scope', scope: { name: 'orders.write', description: 'Write orders' } });
    expect(out.text).toContain("{ name: 'demo.write' }, { name: 'orders.write', description: 'Write orders' }]");
  });

  test('a client is added into an existing cognito object, next to its comment, with its missing scope', () => {
    const out = edit(WEB_DEMO, { kind: 'client', client: { name: 'ordersReader', scopes: ['orders.read'] } });
    expect(out.changes).toEqual(['app client ordersReader', 'scope orders.read']);
    expect(out.text).toContain(`  cognito: {
    // scopes our partners ask for
    resourceServer: { scopes: [{ name: 'demo.read' }, { name: 'demo.write' }, { name: 'orders.read' }] },
    clients: [
      { name: 'readClient', scopes: ['demo.read'] },
      { name: 'writeClient', scopes: ['demo.write'] },
      { name: 'microService', generateSecret: false },
      { name: 'ordersReader', scopes: ['orders.read'] },
    ],
  },
`);
  });

  test('a client without a secret', () => {
    expect(edit(WEB_DEMO, { kind: 'client', client: { name: 'svc', generateSecret: false } }).text)
      .toContain("      { name: 'svc', generateSecret: false },\n    ],");
  });
});

describe('refusals name the reason and the manual edit', () => {
  test.each<[string, string, AddRequest, RegExp]>([
    ['a duplicate route', WEB_DEMO, { kind: 'route', route: { method: 'GET', path: '/api/demo/protectedRole/{id}' } },
      /routes\[0\] already is GET \/api\/demo\/protectedRole\/\{id\}; nothing to add\. Edit that route/],
    ['a duplicate default route', rc("  name: 'x',\n"), { kind: 'route', route: { method: 'POST', path: '/api/demo/protectedUpload' } },
      /routes\[1\] already is POST/],
    ['a duplicate scope', WEB_DEMO, { kind: 'scope', scope: { name: 'demo.read' } }, /cognito.resourceServer.scopes\[0\] already is the scope "demo.read"/],
    ['a duplicate default client', rc("  name: 'x',\n"), { kind: 'client', client: { name: 'readClient' } },
      /cognito.clients\[0\] already is the client "readClient"; choose another name/],
    ['options from a variable', "import { EksCognitoServiceProject } from 'eks-cognito-kit';\nconst options = { name: 'x' };\nnew EksCognitoServiceProject(options).synth();\n",
      ORDERS, /options of new EksCognitoServiceProject\(\.\.\.\) in \.projenrc\.ts are "options", not an object literal.*make the change by hand/],
    ['options built in a function', "import { EksCognitoServiceProject } from 'eks-cognito-kit';\nnew EksCognitoServiceProject(standard({ name: 'x' })).synth();\n",
      ORDERS, /are "standard\(\{ name: 'x' \}\)", not an object literal/],
    ['options spread from a variable', rc("  ...base,\n  name: 'x',\n").replace("';\n", "';\nconst base = {};\n"), ORDERS,
      /spread "\.\.\.base", which may hold routes; add cannot edit them safely: write routes out/],
    ['a non-literal routes value', rc("  name: 'x',\n  routes: myRoutes,\n"), ORDERS, /routes in \.projenrc\.ts is "myRoutes", not a literal/],
    ['a spread inside routes', rc("  name: 'x',\n  routes: [...DEFAULT_ROUTES, { method: 'GET', path: '/a' }],\n"), ORDERS,
      /routes\[0\] in \.projenrc\.ts is "\.\.\.DEFAULT_ROUTES", not a literal/],
    ['a computed scope list', rc("  name: 'x',\n  cognito: { resourceServer: scopesFor('x') },\n"), { kind: 'scope', scope: { name: 'a' } },
      /cognito.resourceServer in \.projenrc\.ts is "scopesFor\('x'\)"/],
    ['no project call', "import { typescript } from 'projen';\nnew typescript.TypeScriptProject({ name: 'x', defaultReleaseBranch: 'main' }).synth();\n",
      ORDERS, /has no "new <ProjectType>\(\{ \.\.\. \}\)" of an imported project class/],
    ['a syntax error', rc("  name: 'x',\n  routes: [\n"), ORDERS, /\.projenrc\.ts has a syntax error at line \d+, column \d+ \(.+\); fix it first/],
    ['two project calls', `${rc("  name: 'x',\n")}new EksCognitoServiceProject({ name: 'y' });\n`, ORDERS, /constructs several imported classes/],
  ])('%s', (_what, text, request, message) => {
    expect(refusal(text, request)).toMatch(message);
  });

  test('an unknown scope with --no-add-scope', () => {
    expect(refusal(WEB_DEMO, ORDERS, { addScope: false }))
      .toBe('The resource server has no scope "orders.read" (declared: demo.read, demo.write); add it first with '
        + '"eks-cognito-kit add scope orders.read", or run without --no-add-scope to add it too.');
  });
});
