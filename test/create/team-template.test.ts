/**
 * `--template`: the team package in examples/team-standard, installed and loaded as `create` does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projenrcOptions, runCli, snapshot, tempDir } from './run-cli';

const TEAM = join(__dirname, '..', '..', 'examples', 'team-standard');

describe('create --template <team package>', () => {
  test('the new repo uses the team class, lists the team package, and follows the team defaults', async () => {
    const cwd = tempDir();
    const r = await runCli(['svc', '--yes', '--no-install', '--no-git', '--template', TEAM, '--host', 'svc.acme.example'], cwd);
    expect(r.code).toBe(0);
    const source = readFileSync(join(cwd, 'svc', '.projenrc.ts'), 'utf8');
    expect(source).toContain("import { AcmeServiceProject } from '@acme/eks-standard';");
    expect(source).toContain('new AcmeServiceProject({');
    expect(source).toContain("project.npmrc.addConfig('install-links', 'true');");
    // the team's own defaults (region, cluster) are not repeated, so upgrading the team package moves them
    expect(projenrcOptions(join(cwd, 'svc'))).toEqual({
      name: 'svc',
      host: 'svc.acme.example',
      devDeps: [expect.stringMatching(/^eks-cognito-kit@\^/), `@acme/eks-standard@file:${TEAM}`],
    });
    const readme = readFileSync(join(cwd, 'svc', 'README.md'), 'utf8');
    expect(readme).toContain('An Acme service on Amazon EKS');
    expect(readme).toContain('| Region | `eu-central-1` |');
    expect(readme).toContain('| Inbound CIDRs | 10.0.0.0/8 |');
  });

  test('a class name the package does not export is refused, naming what it does export', async () => {
    const cwd = tempDir();
    const before = snapshot(join(cwd, 'svc'));
    const r = await runCli(['svc', '--yes', '--no-install', '--no-git', '--template', `${TEAM}:MissingProject`], cwd);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no subclass of EksCognitoServiceProject named MissingProject (found: AcmeServiceProject)');
    expect(snapshot(join(cwd, 'svc'))).toEqual(before);
  });
});
