/**
 * `eks-cognito-kit create` keeps working: it runs create-eks-cognito-kit's bin, found beside the kit (or in
 * this checkout), and only without one falls back to `npm exec` of the create package at the kit's version.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CREATE_BIN, FROM_SOURCE_ENV, listFiles, projenrcOptions, tempDir } from './run-cli';

const KIT = join(__dirname, '..', '..');

describe('eks-cognito-kit create', () => {
  test('runs the create package of this checkout, with nothing installed on demand', () => {
    const cwd = tempDir();
    const script = `require(${JSON.stringify(join(KIT, 'src', 'cli', 'main.ts'))}).main(process.argv.slice(1)).then((c) => { process.exitCode = c; });`;
    const r = spawnSync(process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), '-e', script,
      'create', 'svc', '--yes', '--no-install', '--no-git', '--region', 'eu-west-1'], {
      cwd, encoding: 'utf8', env: { ...process.env, ...FROM_SOURCE_ENV, TS_NODE_PROJECT: join(KIT, 'tsconfig.json') }, timeout: 60_000,
    });
    expect(r.stderr).not.toMatch(/npm exec|Installing/);
    expect(r.status).toBe(0);
    expect(listFiles(join(cwd, 'svc'))).toEqual(['.projenrc.ts', 'README.md', 'docs/sign-in-page.png', 'package.json']);
    expect(projenrcOptions(join(cwd, 'svc')).region).toBe('eu-west-1');
  });

  // In a child process: jest's own resolver would find packages/create-eks-cognito-kit from anywhere (its haste map).
  const find = (root: string) => spawnSync(process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), '-e',
    `const { findCreateBin } = require(${JSON.stringify(join(KIT, 'src', 'cli', 'create-command.ts'))}); console.log(findCreateBin({ root: process.argv[1] }) ?? 'none');`,
    root], { encoding: 'utf8', env: { ...process.env, TS_NODE_PROJECT: join(KIT, 'tsconfig.json') } }).stdout.trim();

  test('finds the create package installed beside the kit, else in the checkout, else none (then npm exec)', () => {
    expect(find(KIT)).toBe(CREATE_BIN);
    const installed = tempDir();
    const pkg = join(installed, 'node_modules', 'create-eks-cognito-kit');
    mkdirSync(join(installed, 'node_modules', 'eks-cognito-kit'), { recursive: true });
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'create-eks-cognito-kit', version: '1.0.0' }));
    expect(find(join(installed, 'node_modules', 'eks-cognito-kit'))).toBe(join(pkg, 'bin', 'create-eks-cognito-kit.mjs'));
    expect(find(tempDir())).toBe('none');
  });
});
