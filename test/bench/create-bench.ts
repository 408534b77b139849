/**
 * Benchmark (not a test): `create --yes --no-install`, then `create --yes` with its install and first
 * synth against `projen new typescript` with its install, in the same run, with node_modules size and
 * package count of both. Prints the ratios against the bare projen project.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv } from '../e2e/run';

const KIT = join(__dirname, '..', '..');
// As a person runs them: outside CI (where projen would install with `npm ci` and refuse a fresh project).
const ENV = cleanEnv({ CI: '' });

function timed(command: string, args: string[], cwd: string): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { cwd, env: ENV, encoding: 'utf-8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${r.stdout}${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function footprint(repo: string): { mb: number; packages: number } {
  const bytes = Number(execFileSync('du', ['-sb', join(repo, 'node_modules')], { encoding: 'utf-8' }).split('\t')[0]);
  const listed = spawnSync('npm', ['ls', '--all', '--parseable'], { cwd: repo, env: ENV, encoding: 'utf-8', maxBuffer: 64 * 1024 * 1024 });
  return { mb: bytes / 1024 / 1024, packages: listed.stdout.trim().split('\n').length - 1 };
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

function main(): void {
  const work = mkdtempSync(join(tmpdir(), 'eck-create-bench-'));
  execFileSync('npx', ['tsc', '--build'], { cwd: KIT, env: ENV });
  execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: KIT, env: ENV });
  const tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!);
  const cli = join(KIT, 'lib', 'cli', 'main.js');
  const projen = join(KIT, 'node_modules', 'projen', 'bin', 'projen');

  const scaffoldOnly = timed('node', [cli, 'create', 'scaffold-only', '--yes', '--no-install', '--no-git', '--kit-spec', tarball], work);
  console.log(`create --yes --no-install: ${scaffoldOnly.toFixed(2)} s`);

  const bareDir = join(work, 'bare');
  execFileSync('mkdir', ['-p', bareDir]);
  const bare = timed('node', [projen, 'new', 'typescript', '--no-git', '--projenrc-ts'], bareDir);
  const service = timed('node', [cli, 'create', 'service', '--yes', '--no-git', '--kit-spec', tarball], work);
  const bareSize = footprint(bareDir);
  const serviceSize = footprint(join(work, 'service'));
  // Re-synth, interleaved, median of five each: the cost a developer pays on every change.
  const resynths: { bare: number[]; service: number[] } = { bare: [], service: [] };
  for (let i = 0; i < 5; i++) {
    resynths.bare.push(timed('npx', ['projen'], bareDir));
    resynths.service.push(timed('npx', ['projen'], join(work, 'service')));
  }
  const resynthBare = median(resynths.bare);
  const resynthService = median(resynths.service);

  console.log(`with install: projen new typescript ${bare.toFixed(1)} s, create --yes ${service.toFixed(1)} s, ratio ${(service / bare).toFixed(2)}x`);
  console.log(`node_modules: bare ${bareSize.mb.toFixed(0)} MB / ${bareSize.packages} packages, service ${serviceSize.mb.toFixed(0)} MB / ${serviceSize.packages} packages, ratios ${(serviceSize.mb / bareSize.mb).toFixed(2)}x / ${(serviceSize.packages / bareSize.packages).toFixed(2)}x`);
  console.log(`npx projen (re-synth, median of 5): bare ${resynthBare.toFixed(2)} s, service ${resynthService.toFixed(2)} s, ratio ${(resynthService / resynthBare).toFixed(2)}x`);
}

main();
