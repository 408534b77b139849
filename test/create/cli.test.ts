/**
 * `create` as a real child process: what it writes for defaults, flags, a templates folder and no terminal.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles, projenrcOptions, runCli, tempDir, TEMPLATES_DIR } from './run-cli';
import { kitPackage, targetPathOf, templateFiles } from '../../src/create';
import { resolveSpec } from '../../src/spec';

const kit = kitPackage();
const FAST = ['--no-install', '--no-git'];

describe('create <dir> --yes', () => {
  test('writes exactly the files templates/ declares, with the defaults of the project type', async () => {
    const cwd = tempDir();
    const r = await runCli(['demo', '--yes', ...FAST], cwd);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    const expected = templateFiles(TEMPLATES_DIR).map(targetPathOf).sort();
    expect(expected).toEqual(['.projenrc.ts', 'README.md', 'docs/sign-in-page.png', 'package.json']);
    expect(listFiles(join(cwd, 'demo'))).toEqual(expected);
    // The README's screenshot goes through Yeoman's file system byte for byte.
    expect(readFileSync(join(cwd, 'demo', 'docs', 'sign-in-page.png')).equals(readFileSync(join(TEMPLATES_DIR, 'docs', 'sign-in-page.png')))).toBe(true);
    expect(projenrcOptions(join(cwd, 'demo'))).toEqual({ name: 'demo', devDeps: [`eks-cognito-kit@^${kit.version}`] });
    const pkg = JSON.parse(readFileSync(join(cwd, 'demo', 'package.json'), 'utf8'));
    expect(pkg.devDependencies).toMatchObject({ 'eks-cognito-kit': `^${kit.version}`, 'projen': kit.peerDependencies.projen });
    expect(pkg.scripts.projen).toContain("require('./.projenrc.ts')");
    expect(r.stdout).toContain('cd demo');
    expect(r.stdout).toContain('npm run integ');
  });

  test('flags override the defaults, and the written spec is valid', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'kit.tgz'), '');
    const arn = 'arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012';
    const waf = 'arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/api/12345678-1234-1234-1234-123456789012';
    const r = await runCli(['repo', '--yes', ...FAST, '--name', 'orders-api', '--region', 'eu-west-1', '--namespace', 'orders',
      '--host', 'orders.example.com', '--cluster', 'prod', '--scopes', 'orders.read,orders.write',
      '--clients', 'reader=orders.read,writer=orders.read+orders.write,orders-api=', '--inbound-cidrs', '10.0.0.0/8',
      '--user-auth-host', 'app.example.com', '--certificate-arn', arn, '--waf-acl-arn', waf, '--kit-spec', './kit.tgz'], cwd);
    expect(r.stderr).not.toContain('Invalid');
    expect(r.code).toBe(0);
    const options = projenrcOptions(join(cwd, 'repo'));
    expect(options.devDeps).toEqual([`eks-cognito-kit@file:${join(cwd, 'kit.tgz')}`]);
    const model = resolveSpec(options as any);
    expect(model).toMatchObject({ name: 'orders-api', region: 'eu-west-1', namespace: 'orders', host: 'orders.example.com' });
    expect(model.cluster.name).toBe('prod');
    expect(model.cognito.clients.map((c) => [c.name, c.scopes.map((s) => s.name), c.generateSecret])).toEqual([
      ['reader', ['orders.read'], true], ['writer', ['orders.read', 'orders.write'], true], ['orders-api', [], false],
    ]);
    expect(model.ingress).toMatchObject({ inboundCidrs: ['10.0.0.0/8'], certificateArn: arn, wafAclArn: waf });
    expect(model.userAuth?.host).toBe('app.example.com');
    expect(readFileSync(join(cwd, 'repo', 'README.md'), 'utf8')).toContain('`https://app.example.com` through the Cognito hosted UI');
  });

  test('--templates-dir replaces our file and our partial, and leaves the others', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'team', 'partials'), { recursive: true });
    writeFileSync(join(cwd, 'team', 'README.md.hbs'), '# {{name}} at Acme\n\n{{> commands}}\n');
    writeFileSync(join(cwd, 'team', 'partials', 'commands.hbs'), 'Ask #platform-help.\n');
    const r = await runCli(['svc', '--yes', ...FAST, '--templates-dir', 'team'], cwd);
    expect(r.code).toBe(0);
    expect(readFileSync(join(cwd, 'svc', 'README.md'), 'utf8')).toBe('# svc at Acme\n\nAsk #platform-help.\n');
    expect(listFiles(join(cwd, 'svc'))).toEqual(['.projenrc.ts', 'README.md', 'docs/sign-in-page.png', 'package.json']);
    expect(projenrcOptions(join(cwd, 'svc')).name).toBe('svc');
  });

  test('without a terminal and without --yes it uses the defaults instead of waiting for answers', async () => {
    const cwd = tempDir();
    const r = await runCli(['quiet', ...FAST], cwd);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('No terminal to ask on');
    expect(projenrcOptions(join(cwd, 'quiet')).name).toBe('quiet');
  });

  test('a folder holding only .git counts as empty and is reused', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'kept', '.git'), { recursive: true });
    writeFileSync(join(cwd, 'kept', '.git', 'HEAD'), 'ref: refs/heads/main\n');
    const r = await runCli(['kept', '--yes', ...FAST], cwd);
    expect(r.code).toBe(0);
    expect(readFileSync(join(cwd, 'kept', '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/main\n');
    expect(listFiles(join(cwd, 'kept'))).toEqual(['.projenrc.ts', 'README.md', 'docs/sign-in-page.png', 'package.json']);
  });

  test('--force scaffolds over a non-empty folder and keeps unrelated files', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'busy'));
    writeFileSync(join(cwd, 'busy', 'README.md'), 'old\n');
    writeFileSync(join(cwd, 'busy', 'notes.txt'), 'mine\n');
    const r = await runCli(['busy', '--yes', '--force', ...FAST], cwd);
    expect(r.code).toBe(0);
    expect(readFileSync(join(cwd, 'busy', 'README.md'), 'utf8')).toContain('# busy');
    expect(readFileSync(join(cwd, 'busy', 'notes.txt'), 'utf8')).toBe('mine\n');
  });
});
