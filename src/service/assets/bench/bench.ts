import { resolve } from 'node:path';
import { BENCH_SCOPE, OPEN_PATHS, type ServerStats } from './bench-server';
import { compileServer } from './compile-server';
import { quantile, runLoad } from './load-generator';
import { roundOrder } from './schedule';
import { SERVER_NODE_OPTIONS, serveJwks, startServerProcess, waitUntilReady, type ServerProcess } from './server-process';
import { TestTokens } from '../test/support/test-tokens';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
// Two blocks of the schedule's design for the five scenarios; the same 24 s of load as 16 x 300 ms.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 240);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 1000);
const TOKENS_PER_ROUND = Number(process.env.BENCH_TOKENS_PER_ROUND ?? 4500);

interface Scenario {
  readonly name: string;
  /** The request path of one round. */
  readonly path: (round: number) => string;
  /** Returns the token source of one round. */
  readonly tokens: (round: number) => () => string | undefined | null;
}

interface Totals {
  requests: number;
  failures: number;
  cpuMicros: number;
  maxRss: number;
  /** Requests per second of each round. */
  readonly rates: number[];
  readonly latencies: number[];
}

// Measures what token verification costs: the same handler unprotected, behind the kit's bearer
// verifier and behind aws-jwt-verify alone, in one server process (a child) loaded by this process.
// Scenarios alternate over many short rounds, so a noisy neighbour slows all of them alike and the
// ratios stay meaningful, in a balanced order, so no scenario inherits another's leftovers more often.
async function main(): Promise<void> {
  const tokens = TestTokens.create();
  const jwks = await serveJwks(tokens);
  const compiled = compileServer(resolve(__dirname, '..'));
  const server = await startServerProcess(compiled.entry, {
    COGNITO_USER_POOL_ID: tokens.userPoolId,
    COGNITO_CLIENT_IDS: tokens.clientId,
    COGNITO_JWKS_URI: jwks.url,
  });
  try {
    await waitUntilReady(server.port);
    process.stdout.write(`minting ${TOKENS_PER_ROUND * (ROUNDS + 1)} access tokens...\n`);
    const same = tokens.accessToken({ scopes: [BENCH_SCOPE] });
    const unique = await tokens.accessTokens(TOKENS_PER_ROUND * (ROUNDS + 1), { scopes: [BENCH_SCOPE] });
    const scenarios: Scenario[] = [
      { name: 'unprotected', path: openPath, tokens: () => () => undefined },
      // The same request bytes as the protected scenarios (the open route ignores the header), so the
      // second ratio isolates what protection costs from what a kilobyte more of headers costs.
      { name: 'unprotected, token sent', path: openPath, tokens: () => () => same },
      { name: 'protected, same token', path: () => '/bench/protected', tokens: () => () => same },
      { name: 'protected, unique tokens', path: () => '/bench/protected', tokens: (round) => take(unique, round * TOKENS_PER_ROUND, TOKENS_PER_ROUND) },
      // The reference: the same unique tokens through aws-jwt-verify alone (its own verifier, so no
      // token is ever verified twice by the same one).
      { name: 'aws-jwt-verify alone, unique tokens', path: () => '/bench/library-only', tokens: (round) => take(unique, round * TOKENS_PER_ROUND, TOKENS_PER_ROUND) },
    ];
    for (const scenario of scenarios) {
      // Warm both positions of the open route; one token supply, so no warm-up token is sent twice.
      const nextToken = scenario.tokens(ROUNDS);
      for (const round of [0, 1]) {
        await runLoad({ port: server.port, path: scenario.path(round), concurrency: CONCURRENCY, durationMs: WARMUP_MS / 2, nextToken });
      }
    }
    const totals = scenarios.map((): Totals => ({ requests: 0, failures: 0, cpuMicros: 0, maxRss: 0, rates: [], latencies: [] }));
    for (let round = 0; round < ROUNDS; round++) {
      // A balanced order: no scenario always runs right after the same other one.
      for (const i of roundOrder(round, scenarios.length)) await measure(server, scenarios[i], round, totals[i]);
    }
    report(scenarios, totals);
  } finally {
    server.child.kill('SIGTERM');
    jwks.server.close();
    compiled.remove();
  }
}

// The open route before the protected one in even rounds and after it in odd ones (see benchRoutes).
function openPath(round: number): string {
  return OPEN_PATHS[round % 2];
}

function take(list: readonly string[], start: number, count: number): () => string | null {
  let next = start;
  return () => (next < start + count ? list[next++] : null);
}

async function measure(server: ServerProcess, scenario: Scenario, round: number, totals: Totals): Promise<void> {
  const sample = (stats: ServerStats): void => {
    totals.maxRss = Math.max(totals.maxRss, stats.rss);
  };
  const before = await server.stats();
  server.child.on('message', sample);
  const sampler = setInterval(() => server.child.send('stats'), 200);
  const nextToken = scenario.tokens(round);
  const result = await runLoad({ port: server.port, path: scenario.path(round), concurrency: CONCURRENCY, durationMs: ROUND_MS, nextToken });
  clearInterval(sampler);
  server.child.off('message', sample);
  const after = await server.stats();
  totals.requests += result.requests;
  totals.rates.push((result.requests * 1000) / result.elapsedMs);
  totals.failures += result.failures;
  totals.cpuMicros += after.cpuMicros - before.cpuMicros;
  totals.maxRss = Math.max(totals.maxRss, after.rss);
  for (const latency of result.latenciesMs) totals.latencies.push(latency);
}

// Ratios are medians of per-round ratios: a burst of load from elsewhere on the machine spoils a
// round or two, not the result.
function report(scenarios: readonly Scenario[], totals: readonly Totals[]): void {
  const ratio = (i: number, base: number): number => median(totals[i].rates.map((rate, round) => rate / totals[base].rates[round]));
  const header = ['scenario', 'requests', 'req/s', 'vs unprotected', 'vs unprotected, token sent', 'p50 ms', 'p99 ms', 'server CPU us/req', 'failures'];
  const rows = totals.map((t, i) => {
    const latencies = Float64Array.from(t.latencies).sort();
    return [scenarios[i].name, String(t.requests), median(t.rates).toFixed(0), `${ratio(i, 0).toFixed(2)}x`, `${ratio(i, 1).toFixed(2)}x`,
      quantile(latencies, 0.5).toFixed(2), quantile(latencies, 0.99).toFixed(2), (t.cpuMicros / t.requests).toFixed(0), String(t.failures)];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  for (const row of [header, ...rows]) process.stdout.write(`${row.map((cell, i) => cell.padEnd(widths[i])).join('  ')}\n`);
  const rss = Math.max(...totals.map((t) => t.maxRss)) / 2 ** 20;
  const verdict = (ok: boolean): string => (ok ? 'met' : 'MISSED');
  process.stdout.write(`\nserver RSS under load: max ${rss.toFixed(1)} MB\n`);
  process.stdout.write(`server node options: ${SERVER_NODE_OPTIONS.join(' ')} (V8's own sizing under the pod's 256 MiB memory limit)\n`);
  process.stdout.write(`${CONCURRENCY} connections; ${ROUNDS} rounds of at most ${ROUND_MS} ms per scenario after ${WARMUP_MS} ms warm-up; req/s and ratios are per-round medians; the open route alternates between its places before and after the protected one\n`);
  const goals = (base: number): string => `same token >= 0.95x ${verdict(ratio(2, base) >= 0.95)}, unique tokens >= 0.5x ${verdict(ratio(3, base) >= 0.5)}`;
  process.stdout.write(`goals vs unprotected: ${goals(0)}; vs unprotected with the token sent: ${goals(1)}; RSS <= 100 MB ${verdict(rss <= 100)}\n`);
  if (totals.some((t) => t.failures > 0)) process.exitCode = 1;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
