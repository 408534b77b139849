/**
 * The kit end to end, as a new user runs it: `npm pack` of the kit and of create-eks-cognito-kit, then
 * `create-eks-cognito-kit demo-api --yes --user-auth-host app.example.com` run from those tarballs the way
 * `npm create` runs it (npm exec), a real install, projen synth, the generated unit tests, `npm run integ`
 * through the local ALB (bearer cases, and a real sign-in and sign-out), seed 003's own demo-api.sh against
 * `npm run dev`, every artifact against the upstream schemas, and a day-2 `add`. One scaffold (one install)
 * serves every test; a second one answers the prompts on a pseudo-terminal and is not installed.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as YAML from 'yaml';
import { targetPathOf, templateFiles } from '../../src/create/render';
import { resolveSpec } from '../../src/spec';
import { runInPty } from '../create/pty';
import { expectScriptedSpec, SCRIPTED_ANSWERS } from '../create/pty-answers';
import { CREATE_PACKAGE_DIR, TEMPLATES_DIR } from '../create/run-cli';
import { validateCloudFormationTemplate, validateEksctl, validateKubernetes } from '../schemas';
import { withSignIn } from '../util';
import { cleanEnv, run, start, waitFor } from './run';

const KIT = join(__dirname, '..', '..');
const WORK = mkdtempSync(join(tmpdir(), 'eck-e2e-'));
const REPO = join(WORK, 'demo-api');
// Seed 003's own client: its token commands and demo-api.sh, verbatim (provenance in the folder's README.md).
const SEED_003 = join(__dirname, 'fixtures', 'seed-003');

let kitTarball = '';
let createTarball = '';
let createOutput = '';

/** `npm exec` of create-eks-cognito-kit from the two tarballs, as `npm create eks-cognito-kit` runs it. */
function npmCreate(args: string[]): string[] {
  return ['exec', '--yes', `--package=${createTarball}`, `--package=${kitTarball}`, '--', 'create-eks-cognito-kit', ...args];
}

/** `npm pack` of a folder into WORK; returns the tarball's path. */
function pack(folder: string): string {
  const name = run('npm', ['pack', '--silent', '--pack-destination', WORK], folder).output.split('\n').filter((l) => l.trim().endsWith('.tgz')).pop()!.trim();
  return join(WORK, name);
}

/** Runs the kit's CLI from this checkout's build. */
function kit(args: string[], cwd: string) {
  return run('node', [join(KIT, 'lib', 'cli', 'main.js'), ...args], cwd);
}

beforeAll(() => {
  run('npx', ['tsc', '--build'], KIT);
  kitTarball = pack(KIT);
  createTarball = pack(CREATE_PACKAGE_DIR);
}, 300_000);

describe('npm create eks-cognito-kit demo-api --yes --user-auth-host app.example.com, from npm pack of both packages', () => {
  beforeAll(() => {
    createOutput = run('npm', npmCreate(['demo-api', '--yes', '--user-auth-host', 'app.example.com', '--kit-spec', kitTarball]), WORK).output;
  }, 600_000);

  test('installs nothing on demand, and the repo depends on the lean kit: no Yeoman, no Handlebars from the kit', () => {
    expect(createOutput).not.toMatch(/Installing Yeoman|npm exec|not installed beside/);
    expect(createOutput).toContain('Created demo-api');
    const manifest = JSON.parse(readFileSync(join(REPO, 'node_modules', 'eks-cognito-kit', 'package.json'), 'utf-8'));
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
      for (const name of ['yeoman-environment', 'yeoman-generator', 'handlebars']) expect(manifest[field]?.[name]).toBeUndefined();
    }
    for (const name of ['yeoman-environment', 'yeoman-generator']) {
      expect(run('npm', ['ls', '--all', name], REPO, { allowFailure: true }).output).not.toContain(name);
    }
    // ts-jest (the generated tests' runner) depends on handlebars itself; the kit must not bring it
    const why = run('npm', ['explain', 'handlebars'], REPO, { allowFailure: true }).output;
    expect(why).not.toMatch(/from eks-cognito-kit@/);
  });

  test('made a first commit and `npx projen` leaves no diff', () => {
    expect(run('git', ['log', '--oneline'], REPO).output.trim().split('\n')).toHaveLength(1);
    run('npx', ['projen'], REPO);
    expect(run('git', ['status', '--porcelain'], REPO).output).toBe('');
  }, 300_000);

  test('tracks exactly what the templates and the project type declare', () => {
    const tracked = run('git', ['ls-files'], REPO).output.trim().split('\n').sort();
    const managed: string[] = JSON.parse(readFileSync(join(REPO, '.projen', 'files.json'), 'utf-8')).files;
    const scaffolded = templateFiles(TEMPLATES_DIR).map(targetPathOf);
    const handlers = resolveSpec(withSignIn({ name: 'demo-api', userAuth: { host: 'app.example.com' } })).routes.map((r) => `src/handlers/${r.handlerModule}.ts`);
    expect(handlers).toContain('src/handlers/home.ts');
    expect(tracked).toEqual([...new Set([...managed, ...scaffolded, ...handlers, 'src/app.ts', 'package-lock.json'])].sort());
  });

  test('its generated unit tests pass', () => {
    const { output } = run('npm', ['test'], REPO);
    expect(output).toMatch(/Tests:\s+12 passed, 12 total/);
  }, 300_000);

  test('`npm run integ` passes every case through the local ALB: 401, 403 and 200 per bearer route, and a real sign-in and sign-out', () => {
    const { output } = run('npm', ['run', 'integ'], REPO);
    expect(output).toMatch(/^10 passed, 0 failed, 0 skipped$/m);
    expect(output.match(/^PASS (401|403|200) [A-Z]+ \/api/gm)?.sort()).toEqual([
      'PASS 200 GET /api', 'PASS 200 POST /api', 'PASS 401 GET /api', 'PASS 401 POST /api', 'PASS 403 GET /api', 'PASS 403 POST /api',
    ]);
    expect(output.match(/^PASS .*(hosted UI|sign-out|sign in again).*$/gm)).toEqual([
      'PASS 302 GET /: no session, sent to the hosted UI',
      'PASS 200 GET /: signed in through the hosted UI',
      'PASS 302 GET /logout: sign-out expires the session and signs out of the hosted UI',
      'PASS 302 GET /: after sign-out, asked to sign in again',
    ]);
    // The run's dev user is gone afterwards.
    expect(run('npx', ['eks-cognito-kit', 'issuer', 'users', 'list'], REPO).output).not.toMatch(/integ-/);
  }, 300_000);

  test("seed 003's demo-api.sh, unchanged, passes against `npm run dev` with the seed's own token commands", async () => {
    const script = join(SEED_003, 'demo-api.sh');
    // The seed's token commands, with its one typo (a space after a line-continuation backslash) removed.
    const tokenCommands = readFileSync(join(SEED_003, 'token-commands.sh'), 'utf-8')
      .replace(/\\ \n/g, '\\\n').replace(/<gateway\.example\.com>/g, 'gateway.example.com');
    const dev = start('npm', ['run', 'dev'], REPO);
    try {
      await waitFor('http://127.0.0.1:8080/readyz');
      const { output } = run('bash', ['-c', `set -e; eval "$(npx eks-cognito-kit issuer --print-env)"\n${tokenCommands}\n"${script}"`], REPO);
      expect(output).toContain('Test 200-ok');
      expect(output).toContain('{"protectedAPI":"true","paramName":"sample-username"}!200!application/json');
      expect(output).not.toContain('Failed');
    } finally {
      await dev.stop();
    }
  }, 300_000);

  test('every generated artifact validates against the upstream schemas', () => {
    const yamlOf = (file: string) => YAML.parse(readFileSync(join(REPO, file), 'utf-8'));
    expect(validateCloudFormationTemplate(yamlOf('cognito/cognito-stack.yaml'))).toEqual([]);
    expect(validateEksctl(yamlOf('eksctl/cluster.yaml'))).toEqual([]);
    const manifests = readdirSync(join(REPO, 'k8s'));
    expect(manifests.length).toBeGreaterThanOrEqual(9);
    for (const file of manifests) expect([file, validateKubernetes(yamlOf(`k8s/${file}`))]).toEqual([file, []]);
  });

  // Day 2, with the installed kit's own CLI; runs last because it changes the repo.
  test('add route GET /api/orders/{id} --scopes orders.read, then the client it names: npm test and npm run integ cover the route', () => {
    const rcPath = join(REPO, '.projenrc.ts');
    const comment = '// Orders are next: keep this comment.\n';
    writeFileSync(rcPath, readFileSync(rcPath, 'utf-8').replace('project.synth();', `${comment}project.synth();`));

    const route = run('npx', ['eks-cognito-kit', 'add', 'route', 'GET', '/api/orders/{id}', '--scopes', 'orders.read'], REPO).output;
    expect(route).toMatch(/^Added route GET \/api\/orders\/\{id\}, scope orders\.read\.$/m);
    expect(route).toMatch(/^ {2}added {4}src\/handlers\/orders\.ts$/m);
    // add grants no scope to an existing client; it prints the command that adds one holding the new scope.
    const grant = /to add one that holds them: npx eks-cognito-kit (add client \S+ --scopes orders\.read)$/m.exec(route);
    expect(grant?.[1]).toBe('add client ordersReadClient --scopes orders.read');
    run('npx', ['eks-cognito-kit', ...grant![1].split(' ')], REPO);
    expect(readFileSync(rcPath, 'utf-8')).toContain(comment);

    expect(run('npm', ['test'], REPO).output).toMatch(/Tests:\s+15 passed, 15 total/);
    const integ = run('npm', ['run', 'integ'], REPO).output;
    expect(integ).toMatch(/^13 passed, 0 failed, 0 skipped$/m);
    expect(integ.match(/^PASS (401|403|200) GET \/api\/orders\/.*$/gm)?.map((l) => l.slice(0, 8))).toEqual(['PASS 401', 'PASS 403', 'PASS 200']);
  }, 600_000);

  test('a second identical add is refused and leaves the repo byte-identical', () => {
    run('git', ['add', '-A'], REPO);
    run('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.com', 'commit', '-qm', 'orders'], REPO);
    const again = run('npx', ['eks-cognito-kit', 'add', 'route', 'GET', '/api/orders/{id}', '--scopes', 'orders.read'], REPO, { allowFailure: true });
    expect(again.status).toBe(1);
    expect(again.output).toMatch(/already is GET \/api\/orders\/\{id\}; nothing to add/);
    expect(run('git', ['status', '--porcelain', '--ignored=no'], REPO).output).toBe('');
  }, 120_000);
});

describe('npm create eks-cognito-kit on a terminal, from npm pack of both packages', () => {
  test('answers the prompts as typed, refuses a bad answer with its fix, and writes a repo whose npm test and npm run integ pass', async () => {
    const dir = join(WORK, 'prompted');
    mkdirSync(dir);
    const r = await runInPty('npm', npmCreate(['pty-api', '--no-git', '--kit-spec', kitTarball]), dir, cleanEnv({ CI: '' }), SCRIPTED_ANSWERS, 480_000);
    expect(r.answered).toBe(SCRIPTED_ANSWERS.length);
    expect(r.code).toBe(0);
    expect(r.output).not.toMatch(/Installing Yeoman|npm exec|not installed beside/);
    const repo = join(dir, 'pty-api');
    expectScriptedSpec(repo, 'pty-api');
    // The answered spec (its own scopes, clients and sign-in host) runs, not only the defaults.
    const tests = /Tests:\s+(\d+) passed, (\d+) total/.exec(run('npm', ['test'], repo).output);
    expect(tests?.[1]).toBe(tests?.[2]);
    expect(Number(tests?.[1])).toBeGreaterThanOrEqual(9);
    const integ = run('npm', ['run', 'integ'], repo).output;
    // GET needs orders.read, which both clients hold, so its 403 case has no client to send and is skipped.
    expect(integ).toMatch(/^9 passed, 0 failed, 1 skipped$/m);
    expect(integ).toMatch(/^SKIP GET \/api\/demo\/protectedRole\/\{name\}: 403: every client holds orders\.read$/m);
    expect(integ).toMatch(/^PASS 200 GET \/: signed in through the hosted UI$/m);
    expect(integ.match(/^PASS 200 (GET|POST) \/api\/.*: token of (reader|writer) with orders\.(read|write)$/gm)).toHaveLength(2);
  }, 900_000);
});

describe('a team standard: create from the team package, change the standard, upgrade, re-synth', () => {
  const TEAM = join(WORK, 'team-standard');
  const REPO_TEAM = join(WORK, 'orders-api');
  const yamlOf = (file: string) => YAML.parse(readFileSync(join(REPO_TEAM, file), 'utf-8'));
  let teamV1 = '';

  beforeAll(() => {
    cpSync(join(KIT, 'examples', 'team-standard'), TEAM, { recursive: true });
    teamV1 = pack(TEAM);
    kit(['create', 'orders-api', '--yes', '--template', teamV1, '--kit-spec', kitTarball], WORK);
  }, 600_000);

  test('the new repo follows the team class, its preset and its template', () => {
    expect(readFileSync(join(REPO_TEAM, '.projenrc.ts'), 'utf-8')).toContain('new AcmeServiceProject({');
    expect(yamlOf('eksctl/cluster.yaml').metadata.region).toBe('eu-central-1');
    expect(yamlOf('k8s/ingress-api.yaml').metadata.annotations['alb.ingress.kubernetes.io/tags']).toBe('team=platform,service=orders-api');
    expect(readFileSync(join(REPO_TEAM, 'README.md'), 'utf-8')).toContain('An Acme service on Amazon EKS');
  });

  test('a new version of the standard reaches the repo through an upgrade and `npx projen`', () => {
    const index = join(TEAM, 'index.js');
    writeFileSync(index, readFileSync(index, 'utf-8')
      .replace("region: 'eu-central-1'", "region: 'eu-west-1'")
      .replace('team=platform,', 'team=platform,cost-centre=42,'));
    const manifest = join(TEAM, 'package.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf-8').replace('"version": "1.0.0"', '"version": "1.1.0"'));
    const teamV2 = pack(TEAM);
    const projenrc = join(REPO_TEAM, '.projenrc.ts');
    writeFileSync(projenrc, readFileSync(projenrc, 'utf-8').replace(teamV1, teamV2));
    // As a developer upgrades: install the new version (synth renders with what is installed), then synth.
    run('npm', ['install', '--no-audit', '--no-fund', '-D', `@acme/eks-standard@file:${teamV2}`], REPO_TEAM);
    run('npx', ['projen'], REPO_TEAM, { env: { CI: '' } });
    expect(yamlOf('eksctl/cluster.yaml').metadata.region).toBe('eu-west-1');
    expect(yamlOf('k8s/ingress-api.yaml').metadata.annotations['alb.ingress.kubernetes.io/tags']).toBe('team=platform,cost-centre=42,service=orders-api');
    expect(validateEksctl(yamlOf('eksctl/cluster.yaml'))).toEqual([]);
  }, 600_000);
});

describe('a bare repo whose .projenrc.ts holds only the default project type', () => {
  const BARE = join(WORK, 'bare');

  test('bootstraps from the packed kit and re-synthesizes with no diff', () => {
    mkdirSync(BARE);
    writeFileSync(join(BARE, 'package.json'), JSON.stringify({ name: 'demo-api', private: true }));
    writeFileSync(join(BARE, '.projenrc.ts'), "import { EksCognitoServiceProject } from 'eks-cognito-kit';\n\nnew EksCognitoServiceProject({ name: 'demo-api' }).synth();\n");
    run('git', ['init', '--quiet'], BARE);
    run('npm', ['install', '--no-audit', '--no-fund', '-D', kitTarball, 'ts-node@^10.9.2', 'typescript@~5.9.3'], BARE);
    run('npx', ['ts-node', '--compilerOptions', '{"module":"commonjs"}', '.projenrc.ts'], BARE, { env: { CI: '' } });
    expect(readFileSync(join(BARE, 'k8s', 'ingress-api.yaml'), 'utf-8')).toContain('gateway.example.com');
    run('git', ['add', '--all'], BARE);
    run('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.invalid', 'commit', '--quiet', '-m', 'bootstrap'], BARE);
    run('npx', ['projen'], BARE);
    expect(run('git', ['status', '--porcelain'], BARE).output).toBe('');
  }, 600_000);
});

describe('outbound calls: the bare repo calls its own protected route with a client-credentials token', () => {
  const BARE = join(WORK, 'bare');

  beforeAll(() => {
    writeFileSync(join(BARE, '.projenrc.ts'), `import { DEFAULT_ROUTES, EksCognitoServiceProject } from 'eks-cognito-kit';

new EksCognitoServiceProject({
  name: 'demo-api',
  routes: [
    ...DEFAULT_ROUTES,
    { method: 'GET', path: '/api/relay', scopes: ['demo.read'], relay: { call: 'selfApi', path: '/api/demo/protectedRole/relay' } },
  ],
  cognito: {
    clients: [
      { name: 'readClient', scopes: ['demo.read'] },
      { name: 'writeClient', scopes: ['demo.write'] },
      { name: 'callerClient', scopes: ['demo.read'] },
    ],
  },
  calls: [{ name: 'selfApi', baseUrl: 'https://gateway.example.com', client: 'callerClient' }],
}).synth();
`);
    run('npx', ['projen'], BARE);
  }, 300_000);

  test('its generated tests pass, test/calls.test.ts included (8 concurrent calls, one token request; refresh; one retry)', () => {
    const { output } = run('npm', ['test'], BARE);
    expect(output).toMatch(/PASS test\/calls\.test\.ts/);
    expect(output).toMatch(/PASS test\/routes\.test\.ts/);
    expect(output).toMatch(/Tests:\s+(\d+) passed, \1 total/);
  }, 300_000);

  test('`npm run integ`: the relaying route answers 200 through its generated client, and the token requests are counted', () => {
    const { output } = run('npm', ['run', 'integ'], BARE);
    expect(output).toMatch(/^PASS 200 GET \/api\/relay: token of readClient with demo\.read, through call selfApi$/m);
    expect(output).toMatch(/^\d+ passed, 0 failed, \d+ skipped$/m);
    // integ.sh reaches /api/relay once with a token: the service asked the issuer once for callerClient's token.
    expect(output).toMatch(/^token requests answered by the local issuer: callerClient 1 \(calls: selfApi\)$/m);
    const secret = JSON.parse(readFileSync(join(BARE, '.eks-cognito-kit', 'local', 'clients.json'), 'utf-8')).callerClient.clientSecret;
    expect(output).not.toContain(secret);
  }, 300_000);
});
