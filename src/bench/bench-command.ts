/**
 * `eks-cognito-kit bench`: the throughput benchmark of the generated repository it runs in.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runBench } from './bench-run';

const USAGE = `Usage: eks-cognito-kit bench

Run in a generated service repository after "npx projen compile" ("npm run bench" does both). Loads the
repository's compiled runtime (lib/kit/) in a server process on 127.0.0.1 and measures the same handler
unprotected, behind the kit's bearer verifier and behind aws-jwt-verify alone; prints a table per phase,
the ratios with their 95% intervals and the goals. Exits 1 when a request failed.

Environment (defaults in brackets):
  BENCH_SECONDS      seconds of measured load per phase [20]
  BENCH_SLOT_MS      length of one slot in milliseconds [50]
  BENCH_CONCURRENCY  keep-alive connections [32]
  BENCH_WARMUP_MS    warm-up per scenario in milliseconds [1000]
  BENCH_TOKENS       distinct tokens minted for the unique-token phase [60000]`;

/** Runs the command in `cwd` and resolves to the process exit code. */
export async function runBenchCommand(args: readonly string[], cwd: string = process.cwd()): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.length > 0) {
    process.stderr.write(`bench takes no arguments, got "${args.join(' ')}"; settings come from the environment.\n\n${USAGE}\n`);
    return 2;
  }
  const runtime = join(cwd, 'lib', 'kit', 'server.js');
  if (!existsSync(runtime)) {
    process.stderr.write(`bench: ${runtime} does not exist; run it in a generated repository after "npx projen compile", or run "npm run bench", which compiles first.\n`);
    return 1;
  }
  return runBench(cwd);
}
