/**
 * Service repositories for the `add` tests: a `.projenrc.ts`, a first synth with the kit's own code,
 * and a `node_modules` whose packages are this checkout's (projen, ts-node, typescript) plus a shim
 * that makes `eks-cognito-kit` this checkout's `src/`, so `npx projen` runs the real synth.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { snapshot } from '../create/run-cli';
import { synthToDisk, TestProjectOptions } from '../util';

const KIT = join(__dirname, '..', '..');

/** Writes `.projenrc.ts`, installs the shimmed packages and synthesizes `options` (the same spec) into a new repo. */
export function serviceRepo(projenrc: string, options: TestProjectOptions, packages: Record<string, string> = {}): string {
  mkdirSync(join(KIT, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(KIT, '.tmp', 'add-'));
  writeFileSync(join(dir, '.projenrc.ts'), projenrc);
  const modules = join(dir, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(join(KIT, 'node_modules'))) symlinkSync(join(KIT, 'node_modules', name), join(modules, name));
  const shims = { 'eks-cognito-kit': `module.exports = require(${JSON.stringify(join(KIT, 'src', 'index.ts'))});\n`, ...packages };
  for (const [name, code] of Object.entries(shims)) {
    mkdirSync(join(modules, name), { recursive: true });
    writeFileSync(join(modules, name, 'package.json'), JSON.stringify({ name, version: '0.0.0', main: 'index.js' }));
    writeFileSync(join(modules, name, 'index.js'), code);
  }
  synthToDisk(dir, options);
  return dir;
}

/** Every file's contents and permission bits: equal states mean the repo is byte-identical. */
export function repoState(dir: string): Record<string, string> {
  const files = snapshot(dir);
  if (files === 'absent') return {};
  return Object.fromEntries(Object.entries(files).map(([p, text]) => [p, `${(statSync(join(dir, p)).mode % 0o10000).toString(8)} ${text}`]));
}

/** What a finished run printed and returned. */
export interface AddRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `eks-cognito-kit <args>` as its own process in `cwd`, as `npx eks-cognito-kit` would (ts-node on src/cli/main.ts).
 * The synth it starts skips projen's post-synth install, and ts-node only transpiles the kit's sources.
 */
export function runKit(args: readonly string[], cwd: string): AddRun {
  const script = `require(${JSON.stringify(join(KIT, 'src', 'cli', 'main.ts'))}).main(process.argv.slice(1)).then((c) => { process.exitCode = c; });`;
  const env: NodeJS.ProcessEnv = { ...process.env, TS_NODE_PROJECT: join(KIT, 'tsconfig.json'), TS_NODE_TRANSPILE_ONLY: 'true', PROJEN_DISABLE_POST: 'true', NO_COLOR: '1' };
  // Under NODE_ENV=test (jest's) projen synthesizes into a temporary folder instead of the repo.
  delete env.NODE_ENV;
  const run = spawnSync(process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), '-e', script, ...args], {
    cwd,
    encoding: 'utf8',
    env,
    timeout: 180_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
