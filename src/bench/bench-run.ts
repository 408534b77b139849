/**
 * The throughput benchmark of a generated repository's runtime: what token verification costs
 * against the same handler unprotected, and against aws-jwt-verify alone.
 */
import { BENCH_SCOPE, OPEN_PATHS } from './bench-server';
import { openLoadClient, quantile, type LoadClient, type SlotLoad } from './load-generator';
import { roundOrder } from './schedule';
import { SERVER_NODE_OPTIONS, serveJwks, startServerProcess, waitUntilReady, type ServerProcess } from './server-process';
import { TestTokens } from '../service/assets/test/support/test-tokens';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const SLOT_MS = Number(process.env.BENCH_SLOT_MS ?? 50);
// Seconds of measured load per phase, shared by its scenarios.
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 1000);
// Distinct tokens minted for the unique-token scenarios (each is sent to the kit's route once).
const TOKENS = Number(process.env.BENCH_TOKENS ?? 60_000);

interface Scenario {
  readonly name: string;
  /** The load of the scenario's slot in one row. */
  readonly load: (row: number) => SlotLoad;
}

interface Phase {
  readonly name: string;
  /** The first two scenarios are the baselines: the open route without a token, then with it. */
  readonly scenarios: readonly Scenario[];
}

interface Totals {
  requests: number;
  failures: number;
  cpuMicros: number;
  elapsedMs: number;
  /** Requests per second of each row; NaN where the token supply had run out. */
  readonly rates: number[];
  readonly latencies: number[];
}

interface Ratio {
  readonly value: number;
  readonly low: number;
  readonly high: number;
}

/**
 * Measures what token verification costs in the repository at `repo` (its compiled `lib/kit/`): the
 * same handler unprotected, behind the kit's bearer verifier and behind aws-jwt-verify alone, in one
 * server process (a child) loaded by this process, and prints a table per phase and the goals.
 * Resolves to the exit code: 1 when a request failed.
 */
// Each phase alternates its scenarios in short slots on the same warm connections, in a balanced
// order, and compares each slot with the baselines' slots of the same row, a few hundred milliseconds
// apart: the machine's slow and fast spells then weigh on every scenario alike. The repeated token
// and the unique tokens are measured in separate phases, so neither inherits the other's garbage or
// the thread pool's backlog.
export async function runBench(repo: string): Promise<number> {
  const tokens = TestTokens.create();
  const jwks = await serveJwks(tokens);
  const server = await startServerProcess(repo, {
    COGNITO_USER_POOL_ID: tokens.userPoolId,
    COGNITO_CLIENT_IDS: tokens.clientId,
    COGNITO_JWKS_URI: jwks.url,
  });
  let client: LoadClient | undefined;
  try {
    await waitUntilReady(server.port);
    process.stdout.write(`minting ${TOKENS} access tokens...\n`);
    const same = tokens.accessToken({ scopes: [BENCH_SCOPE] });
    const unique = await tokens.accessTokens(TOKENS, { scopes: [BENCH_SCOPE] });
    // The kit's verifier sees each token once; aws-jwt-verify alone keeps no cache, so it reuses them.
    const supply = (): (() => string | null) => {
      let next = 0;
      return () => (next < unique.length ? unique[next++] : null);
    };
    const kitSupply = supply();
    const librarySupply = supply();
    const baselines: Scenario[] = [
      { name: 'unprotected', load: (row) => ({ path: openPath(row), nextToken: () => undefined }) },
      // The same request bytes as the protected scenarios (the open route ignores the header), so the
      // second ratio isolates what protection costs from what a kilobyte more of headers costs.
      { name: 'unprotected, token sent', load: (row) => ({ path: openPath(row), nextToken: () => same }) },
    ];
    const phases: Phase[] = [
      { name: 'repeated token', scenarios: [...baselines, { name: 'protected, same token', load: () => ({ path: '/bench/protected', nextToken: () => same }) }] },
      {
        name: 'unique tokens',
        scenarios: [
          ...baselines,
          { name: 'protected, unique tokens', load: () => ({ path: '/bench/protected', nextToken: kitSupply }) },
          { name: 'aws-jwt-verify alone, unique tokens', load: () => ({ path: '/bench/library-only', nextToken: librarySupply }) },
        ],
      },
    ];
    client = await openLoadClient(server.port, CONCURRENCY);
    const ratios = new Map<string, [Ratio, Ratio]>();
    let maxRss = 0;
    let failed = false;
    for (const phase of phases) {
      const results = await runPhase(phase, client, server);
      maxRss = Math.max(maxRss, results.maxRss);
      for (const [name, ratio] of report(phase, results.totals)) ratios.set(name, ratio);
      failed ||= results.totals.some((t) => t.failures > 0);
    }
    const rss = maxRss / 2 ** 20;
    const verdict = (ok: boolean): string => (ok ? 'met' : 'MISSED');
    const goal = (name: string, base: 0 | 1, target: number): string => verdict((ratios.get(name)?.[base].value ?? 0) >= target);
    process.stdout.write(`server RSS under load: max ${rss.toFixed(1)} MB\n`);
    process.stdout.write(`server node options: ${SERVER_NODE_OPTIONS.join(' ')} (V8's own sizing under the pod's 256 MiB memory limit)\n`);
    process.stdout.write(`${CONCURRENCY} keep-alive connections; slots of ${SLOT_MS} ms, each drained before the next; ratios are geometric means of per-row ratios [95% interval]; the open route alternates between its places before and after the protected one\n`);
    process.stdout.write(`goals vs unprotected: same token >= 0.95x ${goal('protected, same token', 0, 0.95)}, unique tokens >= 0.5x ${goal('protected, unique tokens', 0, 0.5)}; `
      + `vs unprotected with the token sent: same token >= 0.95x ${goal('protected, same token', 1, 0.95)}, unique tokens >= 0.5x ${goal('protected, unique tokens', 1, 0.5)}; RSS <= 100 MB ${verdict(rss <= 100)}\n`);
    return failed ? 1 : 0;
  } finally {
    client?.close();
    server.child.kill('SIGTERM');
    jwks.server.close();
  }
}

// The open route before the protected one in even rows and after it in odd ones (see benchRoutes).
function openPath(row: number): string {
  return OPEN_PATHS[row % 2];
}

async function runPhase(phase: Phase, client: LoadClient, server: ServerProcess): Promise<{ totals: Totals[]; maxRss: number }> {
  const n = phase.scenarios.length;
  // Warm both places of the open route.
  for (const scenario of phase.scenarios) {
    for (const row of [0, 1]) await client.runSlot(scenario.load(row), WARMUP_MS / 2);
  }
  const totals = phase.scenarios.map((): Totals => ({ requests: 0, failures: 0, cpuMicros: 0, elapsedMs: 0, rates: [], latencies: [] }));
  const rows = Math.max(2, Math.round((SECONDS * 1000) / (SLOT_MS * n)));
  let maxRss = 0;
  let before = await server.stats();
  for (let row = 0; row < rows; row++) {
    // A balanced order: no scenario always runs right after the same other one.
    for (const i of roundOrder(row, n)) {
      const result = await client.runSlot(phase.scenarios[i].load(row), SLOT_MS);
      const after = await server.stats();
      const t = totals[i];
      t.requests += result.requests;
      t.failures += result.failures;
      t.elapsedMs += result.elapsedMs;
      t.cpuMicros += after.cpuMicros - before.cpuMicros;
      t.rates[row] = result.starved || result.requests === 0 ? Number.NaN : (result.requests * 1000) / result.elapsedMs;
      for (const latency of result.latenciesMs) t.latencies.push(latency);
      maxRss = Math.max(maxRss, after.rss);
      before = after;
    }
  }
  return { totals, maxRss };
}

// Prints the phase's table; returns each scenario's ratios against the two baselines.
function report(phase: Phase, totals: readonly Totals[]): Map<string, [Ratio, Ratio]> {
  const ratios = new Map<string, [Ratio, Ratio]>();
  const header = ['scenario', 'requests', 'req/s', 'vs unprotected', 'vs unprotected, token sent', 'p50 ms', 'p99 ms', 'server CPU us/req', 'failures'];
  const rows = totals.map((t, i) => {
    const pair: [Ratio, Ratio] = [ratioOf(t.rates, totals[0].rates), ratioOf(t.rates, totals[1].rates)];
    ratios.set(phase.scenarios[i].name, pair);
    const latencies = Float64Array.from(t.latencies).sort();
    return [phase.scenarios[i].name, String(t.requests), ((t.requests * 1000) / t.elapsedMs).toFixed(0), ...pair.map(formatRatio),
      quantile(latencies, 0.5).toFixed(2), quantile(latencies, 0.99).toFixed(2), (t.cpuMicros / t.requests).toFixed(0), String(t.failures)];
  });
  const starved = totals.reduce((count, t) => count + t.rates.filter(Number.isNaN).length, 0);
  process.stdout.write(`\n${phase.name}: ${totals[0].rates.length} rows of ${phase.scenarios.length} slots\n`);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  for (const row of [header, ...rows]) process.stdout.write(`${row.map((cell, i) => cell.padEnd(widths[i])).join('  ')}\n`);
  if (starved > 0) process.stdout.write(`${starved} slots ran out of tokens and are left out of the ratios: raise BENCH_TOKENS\n`);
  process.stdout.write('\n');
  return ratios;
}

// The geometric mean of the per-row ratios, with a 95% interval (two standard errors in log space).
function ratioOf(rates: readonly number[], baseline: readonly number[]): Ratio {
  const logs = rates.map((rate, row) => Math.log(rate / baseline[row])).filter(Number.isFinite);
  const mean = logs.reduce((sum, v) => sum + v, 0) / logs.length;
  const variance = logs.reduce((sum, v) => sum + (v - mean) ** 2, 0) / Math.max(1, logs.length - 1);
  const margin = 2 * Math.sqrt(variance / logs.length);
  return { value: Math.exp(mean), low: Math.exp(mean - margin), high: Math.exp(mean + margin) };
}

function formatRatio(ratio: Ratio): string {
  return `${ratio.value.toFixed(2)}x [${ratio.low.toFixed(2)}-${ratio.high.toFixed(2)}]`;
}
