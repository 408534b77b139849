/**
 * `add` against the real synth: `npx projen` in a repo written with the kit's own code. The new route
 * reaches the handler stub, the tests, the Cognito template and the Ingress; a second identical add and
 * a failing synth leave the repo byte-identical.
 */
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoState, runKit, serviceRepo } from './service-repo';

const RC = `import { EksCognitoServiceProject } from 'eks-cognito-kit';

// Our API: keep the routes sorted by path.
const project = new EksCognitoServiceProject({
  name: 'demo-api',
  routes: [
    { method: 'GET', path: '/api/demo/protectedRole/{name}', scopes: ['demo.read'] },
    { method: 'POST', path: '/api/demo/protectedUpload', scopes: ['demo.write'] }, // uploads
  ],
});

project.synth();
`;

describe('add route GET /api/orders/{id} --scopes orders.read, with the real synth', () => {
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

  test('--dry-run prints the diff of .projenrc.ts and changes nothing', () => {
    const before = repoState(dir);
    const run = runKit(['add', 'route', 'GET', '/api/orders/{id}', '--scopes', 'orders.read', '--dry-run'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--- a/.projenrc.ts\n+++ b/.projenrc.ts\n');
    expect(run.stdout).toContain("     { method: 'POST', path: '/api/demo/protectedUpload', scopes: ['demo.write'] }, // uploads\n"
      + "+    { method: 'GET', path: '/api/orders/{id}', scopes: ['orders.read'] },\n   ],\n+  cognito: {\n");
    expect(run.stderr).toMatch(/Dry run: would add route GET \/api\/orders\/\{id\}, scope orders.read; nothing was changed/);
    expect(repoState(dir)).toEqual(before);
  });

  test('adds the route and its scope, synthesizes, and lists the files that changed', () => {
    const run = runKit(['add', 'route', 'GET', '/api/orders/{id}', '--scopes', 'orders.read'], dir);
    // No client holds the new scope, and add grants none: it names the command that adds a client that does.
    expect(run.stderr).toBe("No app client with a secret holds orders.read, so scripts/integ.sh skips GET /api/orders/{id}'s 200 case.\n"
      + 'add grants no scope to an existing client; to add one that holds them: npx eks-cognito-kit add client ordersReadClient --scopes orders.read\n');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Added route GET \/api\/orders\/\{id\}, scope orders.read\.\nFiles:\n/);
    expect(run.stdout).toMatch(/changed {2}\.projenrc\.ts\n/);
    expect(run.stdout).toMatch(/changed {2}cognito\/cognito-stack\.yaml\n/);
    expect(run.stdout).toMatch(/added {4}src\/handlers\/orders\.ts\n/);
    ['k8s/ingress-api.yaml', 'scripts/integ.sh', 'src/routes.ts', 'test/routes.test.ts']
      .forEach((f) => expect(run.stdout).toContain(`changed  ${f}\n`));

    const rc = readFileSync(join(dir, '.projenrc.ts'), 'utf8');
    expect(rc).toContain('// Our API: keep the routes sorted by path.');
    expect(rc).toContain("scopes: ['demo.write'] }, // uploads\n    { method: 'GET', path: '/api/orders/{id}', scopes: ['orders.read'] },\n  ],");
    const template = parse(readFileSync(join(dir, 'cognito', 'cognito-stack.yaml'), 'utf8'));
    const server = Object.values<any>(template.Resources).find((r) => r.Type === 'AWS::Cognito::UserPoolResourceServer');
    expect(server.Properties.Scopes.map((s: any) => s.ScopeName)).toEqual(['demo.read', 'demo.write', 'orders.read']);
    expect(readFileSync(join(dir, 'src', 'handlers', 'orders.ts'), 'utf8')).toMatch(/orders/);
    const ingress = parse(readFileSync(join(dir, 'k8s', 'ingress-api.yaml'), 'utf8'));
    expect(JSON.stringify(ingress.spec.rules)).toContain('"/api/orders');
  });

  test('a second identical add is refused and changes nothing', () => {
    const before = repoState(dir);
    const run = runKit(['add', 'route', 'GET', '/api/orders/{id}', '--scopes', 'orders.read'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/routes\[2\] already is GET \/api\/orders\/\{id\}; nothing to add/);
    expect(repoState(dir)).toEqual(before);
  });

  test('a synth that fails after writing puts every file back byte for byte and prints its error', () => {
    // A rule the project type cannot know: the synth writes every file, then the script fails.
    appendFileSync(join(dir, '.projenrc.ts'), "if (project.model.routes.some((r) => r.path === '/api/forbidden')) throw new Error('team rule: /api/forbidden is reserved');\n");
    const before = repoState(dir);
    const run = runKit(['add', 'route', 'GET', '/api/forbidden'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('team rule: /api/forbidden is reserved');
    expect(run.stderr).toMatch(/"npx projen --no-post" failed in .* \.projenrc\.ts and every file the synth touched are back as they were/);
    expect(repoState(dir)).toEqual(before);
  });
});

// A team's project type with its own default routes, scopes and clients, as a team package ships it.
const TEAM_PACKAGE = `const { EksCognitoServiceProject } = require('eks-cognito-kit');

class AcmeServiceProject extends EksCognitoServiceProject {
  constructor(options) {
    super({
      routes: [{ method: 'GET', path: '/api/acme/status', scopes: ['acme.read'] }],
      ...options,
      cognito: {
        resourceServer: { scopes: [{ name: 'acme.read', description: 'Acme read' }] },
        clients: [{ name: 'acmeReader', scopes: ['acme.read'] }],
        ...options.cognito,
      },
    });
  }
}

module.exports = { AcmeServiceProject };
`;

const TEAM_RC = `import { AcmeServiceProject } from '@acme/service-standard';

// Acme's standard decides the rest.
const project = new AcmeServiceProject({
  name: 'acme-api',
});

project.synth();
`;

describe("add to a team project type's repo without routes or cognito in .projenrc.ts", () => {
  let dir: string;
  beforeAll(() => {
    dir = serviceRepo(TEAM_RC, {
      name: 'acme-api',
      routes: [{ method: 'GET', path: '/api/acme/status', scopes: ['acme.read'] }],
      cognito: { resourceServer: { scopes: [{ name: 'acme.read', description: 'Acme read' }] }, clients: [{ name: 'acmeReader', scopes: ['acme.read'] }] },
    }, { '@acme/service-standard': TEAM_PACKAGE });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("writes the team's defaults out, then the new route and scope; the team's clients stay", () => {
    const run = runKit(['add', 'route', 'POST', '/api/acme/items', '--scopes', 'acme.write'], dir);
    expect(run.stderr).toMatch(/^No app client with a secret holds acme\.write, .*\n.*add client acmeWriteClient --scopes acme\.write\n$/);
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, '.projenrc.ts'), 'utf8')).toBe(TEAM_RC.replace("  name: 'acme-api',\n", `  name: 'acme-api',
  routes: [
    { method: 'GET', path: '/api/acme/status', scopes: ['acme.read'] },
    { method: 'POST', path: '/api/acme/items', scopes: ['acme.write'] },
  ],
  cognito: {
    resourceServer: {
      scopes: [
        { name: 'acme.read', description: 'Acme read' },
        { name: 'acme.write' },
      ],
    },
  },
`));
    const template = parse(readFileSync(join(dir, 'cognito', 'cognito-stack.yaml'), 'utf8'));
    const server = Object.values<any>(template.Resources).find((r) => r.Type === 'AWS::Cognito::UserPoolResourceServer');
    expect(server.Properties.Scopes).toEqual([
      { ScopeName: 'acme.read', ScopeDescription: 'Acme read' },
      { ScopeName: 'acme.write', ScopeDescription: 'acme.write' },
    ]);
    expect(Object.keys(template.Resources)).toContain('AcmeReaderClient');
  });
});
