import type { RequestHandler } from 'express';
import type { RouteDefinition } from '../src/kit/route';
import { startServer } from '../src/kit/server';

/** The scope the protected benchmark route requires. */
export const BENCH_SCOPE = 'https://bench.example.com/bench.read';

/** What the benchmark server reports when sent the message `'stats'`. */
export interface ServerStats {
  /** Discriminates the message. */
  readonly type: 'stats';
  /** Resident set size, in bytes. */
  readonly rss: number;
  /** CPU time used so far (user + system), in microseconds. */
  readonly cpuMicros: number;
}

const handler: RequestHandler = (_req, res) => {
  res.json({ ok: true });
};

/** The same handler mounted twice: open, and behind a bearer token with a scope. */
export const BENCH_ROUTES: readonly RouteDefinition[] = [
  { method: 'GET', path: '/bench/open', auth: 'none', scopes: [], handler },
  { method: 'GET', path: '/bench/protected', auth: 'bearer', scopes: [BENCH_SCOPE], handler },
];

// Run as a child of bench.ts: report the port, then stats whenever asked.
if (require.main === module) {
  process.on('message', (message) => {
    if (message !== 'stats') return;
    const cpu = process.cpuUsage();
    const stats: ServerStats = { type: 'stats', rss: process.memoryUsage.rss(), cpuMicros: cpu.user + cpu.system };
    process.send?.(stats);
  });
  startServer({ routes: BENCH_ROUTES, serviceName: 'bench' }).then(
    ({ port }) => process.send?.({ type: 'listening', port }),
    (err: unknown) => {
      process.stderr.write(`bench server failed: ${String(err)}\n`);
      process.exit(1);
    },
  );
}
