/**
 * Benchmark (not a test): in-process synth of a default service project against a bare projen
 * TypeScript project, interleaved in one run so both see the same machine. Prints medians and the ratio.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { javascript, typescript } from 'projen';
import { EksCognitoServiceProject } from '../../src';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);

function timeSynth(make: (outdir: string) => { synth(): void }): number {
  const outdir = mkdtempSync(join(tmpdir(), 'eck-bench-'));
  const start = process.hrtime.bigint();
  make(outdir).synth();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  rmSync(outdir, { recursive: true, force: true });
  return ms;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function main(): void {
  process.env.PROJEN_DISABLE_POST = 'true';
  const common = { defaultReleaseBranch: 'main', packageManager: javascript.NodePackageManager.NPM, projenrcTs: true };
  const bare: number[] = [];
  const service: number[] = [];
  // One untimed warm-up each so module loading is not counted against either side.
  timeSynth((outdir) => new typescript.TypeScriptProject({ ...common, name: 'bare', outdir }));
  timeSynth((outdir) => new EksCognitoServiceProject({ name: 'demo-api', outdir }));
  for (let i = 0; i < ROUNDS; i++) {
    bare.push(timeSynth((outdir) => new typescript.TypeScriptProject({ ...common, name: 'bare', outdir })));
    service.push(timeSynth((outdir) => new EksCognitoServiceProject({ name: 'demo-api', outdir })));
  }
  const b = median(bare);
  const s = median(service);
  console.log(`synth (in process, median of ${ROUNDS}): bare projen TypeScript ${b.toFixed(1)} ms, eks-cognito service ${s.toFixed(1)} ms, ratio ${(s / b).toFixed(2)}x`);
}

main();
