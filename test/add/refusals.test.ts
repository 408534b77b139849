/**
 * Every refusal of `eks-cognito-kit add`: a non-zero exit, a message naming the reason and the manual
 * edit, and the repository byte-identical (the synth is never reached).
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoState, serviceRepo } from './service-repo';
import { runAdd, synthCommand } from '../../src/add';

const RC = `import { EksCognitoServiceProject } from 'eks-cognito-kit';

// Our API.
const project = new EksCognitoServiceProject({
  name: 'demo-api',
  routes: [
    { method: 'GET', path: '/api/demo/protectedRole/{name}', scopes: ['demo.read'] },
    { method: 'POST', path: '/api/demo/protectedUpload', scopes: ['demo.write'] },
  ],
});

project.synth();
`;

async function add(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runAdd(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('add refuses and leaves the repo byte-identical', () => {
  let dir: string;
  beforeAll(() => {
    dir = serviceRepo(RC, {
      routes: [
        { method: 'GET', path: '/api/demo/protectedRole/{name}', scopes: ['demo.read'] },
        { method: 'POST', path: '/api/demo/protectedUpload', scopes: ['demo.write'] },
      ],
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cases: Array<[string, string[], number, RegExp]> = [
    ['an unknown method', ['route', 'FETCH', '/api/orders'], 2, /Unknown method "FETCH"; use one of GET, POST, PUT, PATCH, DELETE\./],
    ['a path without a leading slash', ['route', 'GET', 'api/orders'], 2, /The path "api\/orders" does not start with "\/"; write it from the root, for example "\/api\/orders"\./],
    ['a duplicate route', ['route', 'get', '/api/demo/protectedRole/{id}'], 1, /routes\[0\] already is GET \/api\/demo\/protectedRole\/\{id\}; nothing to add/],
    ['a duplicate scope (from the defaults)', ['scope', 'demo.write'], 1, /cognito.resourceServer.scopes\[1\] already is the scope "demo.write"/],
    ['a duplicate client (from the defaults)', ['client', 'microService', '--no-secret'], 1, /cognito.clients\[2\] already is the client "microService"/],
    ['an unknown scope with --no-add-scope', ['route', 'GET', '/api/orders', '--scopes', 'orders.read', '--no-add-scope'], 1,
      /no scope "orders.read" \(declared: demo.read, demo.write\); add it first with "eks-cognito-kit add scope orders.read"/],
    ['an unknown client scope with --no-add-scope', ['client', 'reader', '--scopes', 'demo.read,orders.read', '--no-add-scope'], 1,
      /no scope "orders.read"/],
    ['scopes on a route without bearer auth', ['route', 'GET', '/api/open', '--auth', 'none', '--scopes', 'demo.read'], 1,
      /The spec would be invalid after this add, so nothing was changed:\n {2}- routes\[2\]\.scopes: \["demo.read"\] only apply to auth: "bearer"/],
    ['an alb-user route without userAuth', ['route', 'GET', '/home', '--auth', 'alb-user'], 1, /routes\[2\]\.auth: "alb-user" needs user sign-in; set userAuth/],
    ['a client without a secret that asks for scopes', ['client', 'svc', '--no-secret', '--scopes', 'demo.read'], 1,
      /cognito.clients\[3\]\.generateSecret: false is false, but Cognito grants client-credentials tokens only to clients with a secret/],
    ['a scope name with a space', ['scope', 'orders read'], 1, /cognito.resourceServer.scopes\[2\]\.name: "orders read" must be printable ASCII without spaces/],
    ['a path with a wildcard', ['route', 'GET', '/api/*'], 1, /routes\[2\]\.path: "\/api\/\*" must start with "\/" and use segments/],
    ['an unknown --auth', ['route', 'GET', '/api/x', '--auth', 'basic'], 2, /--auth "basic" is not one of bearer, alb-user, none/],
    ['an unknown flag', ['scope', 'x', '--scopes', 'a'], 2, /Unknown flag --scopes for "add scope"/],
    ['a missing argument', ['route', 'GET'], 2, /"add route" takes <METHOD> <path>/],
    ['an unknown kind', ['table', 'x'], 2, /Cannot add "table"; add a route, a scope or a client/],
  ];

  test.each(cases)('%s', async (_what, args, code, message) => {
    const before = repoState(dir);
    const r = await add([...args, '--dir', dir]);
    expect(r.err).toMatch(message);
    expect(r.code).toBe(code);
    expect(r.out).toBe('');
    expect(repoState(dir)).toEqual(before);
  });

  test('a .projenrc.ts whose options are built in a function', async () => {
    const rc = join(dir, '.projenrc.ts');
    writeFileSync(rc, "import { EksCognitoServiceProject } from 'eks-cognito-kit';\nimport { standard } from './standard';\n\n"
      + "new EksCognitoServiceProject(standard('demo-api')).synth();\n");
    const before = repoState(dir);
    try {
      const r = await add(['route', 'GET', '/api/orders', '--dir', dir]);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/are "standard\('demo-api'\)", not an object literal \(built in a function or held in a variable\); add cannot edit them safely: make the change by hand/);
      expect(repoState(dir)).toEqual(before);
    } finally {
      writeFileSync(rc, RC);
    }
  });

  test('a repo with no synth to run (no .projen/tasks.json, no projen script)', async () => {
    const tasks = join(dir, '.projen', 'tasks.json');
    renameSync(tasks, `${tasks}.away`);
    try {
      // Without tasks.json the package.json "projen" script (create's bootstrap one) runs the first synth.
      expect(synthCommand(dir)).toEqual(['npm', 'run', '--silent', 'projen']);
      renameSync(join(dir, 'package.json'), join(dir, 'package.json.away'));
      const before = repoState(dir);
      const r = await add(['route', 'GET', '/api/orders', '--dir', dir]);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/has neither \.projen\/tasks\.json nor a "projen" script in package\.json, so there is no synth to run; run "npx projen" there once/);
      expect(repoState(dir)).toEqual(before);
    } finally {
      renameSync(`${tasks}.away`, tasks);
      renameSync(join(dir, 'package.json.away'), join(dir, 'package.json'));
    }
  });

  test('the synth command passes PROJEN_DISABLE_POST on as --no-post', () => {
    expect(synthCommand(dir, { PROJEN_DISABLE_POST: 'true' })).toEqual(['npx', 'projen', '--no-post']);
    expect(synthCommand(dir, {})).toEqual(['npx', 'projen']);
  });

  test('a folder without .projenrc.ts', async () => {
    const r = await add(['scope', 'x', '--dir', join(dir, 'src')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/No \.projenrc\.ts in .*\/src; run add in a service repository made by "eks-cognito-kit create", or pass --dir <repo>\./);
  });

  test('--help prints the usage and changes nothing', async () => {
    const before = repoState(dir);
    const r = await add(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: eks-cognito-kit add <route\|scope\|client>/);
    expect(r.out).toContain('--no-add-scope');
    expect(repoState(dir)).toEqual(before);
  });

  test('--dry-run of a client prints a diff that adds the default clients and the new one', async () => {
    const before = repoState(dir);
    const r = await add(['client', 'ordersReader', '--scopes', 'demo.read', '--dry-run', '--dir', dir]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("+  cognito: {\n+    clients: [\n+      { name: 'readClient', scopes: ['demo.read'] },\n");
    expect(r.out).toContain("+      { name: 'ordersReader', scopes: ['demo.read'] },\n");
    expect(r.out).toMatch(/^--- a\/\.projenrc\.ts\n\+\+\+ b\/\.projenrc\.ts\n@@ -7,6 \+7,14 @@\n/);
    expect(repoState(dir)).toEqual(before);
  });
});
