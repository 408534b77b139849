import { connect, type Socket } from 'node:net';

/** One load run against a local server. */
export interface LoadOptions {
  /** The server's port on 127.0.0.1. */
  readonly port: number;
  /** The request path. */
  readonly path: string;
  /** How many keep-alive connections send requests at the same time, one request in flight each. */
  readonly concurrency: number;
  /** Stop issuing requests after this many milliseconds. */
  readonly durationMs: number;
  /**
   * Returns the bearer token of the next request, undefined for none, or null when the supply is used
   * up (ends the run early).
   */
  readonly nextToken: () => string | undefined | null;
}

/** What a load run measured. */
export interface LoadResult {
  /** Completed requests. */
  readonly requests: number;
  /** Responses whose status was not 200, plus connection errors. */
  readonly failures: number;
  /** Wall-clock time from the first request to the last response, in milliseconds. */
  readonly elapsedMs: number;
  /** Per-request latencies in milliseconds, sorted ascending. */
  readonly latenciesMs: Float64Array;
}

const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * A minimal HTTP/1.1 keep-alive client for benchmarks: fixed concurrency, pre-formatted requests and
 * a response parser that only reads the status and Content-Length, so the client stays cheaper than
 * the server it measures.
 */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  let open = options.concurrency;

  return new Promise((resolve) => {
    const finishOne = (socket: Socket): void => {
      socket.destroy();
      if (--open === 0) {
        const sorted = Float64Array.from(latencies).sort();
        resolve({ requests: latencies.length, failures, elapsedMs: performance.now() - started, latenciesMs: sorted });
      }
    };
    for (let c = 0; c < options.concurrency; c++) {
      const socket = connect({ host: '127.0.0.1', port: options.port, noDelay: true });
      let buffered: Buffer = Buffer.alloc(0);
      let sentAt = 0;
      let lastToken: string | undefined | null = null;
      let request = Buffer.alloc(0);
      const sendNext = (): void => {
        const token = performance.now() < deadline ? options.nextToken() : null;
        if (token === null) {
          finishOne(socket);
          return;
        }
        // Re-encode only when the token changes, so a repeated token costs the client nothing extra.
        if (token !== lastToken) {
          const auth = token === undefined ? '' : `Authorization: Bearer ${token}\r\n`;
          request = Buffer.from(`GET ${options.path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${auth}\r\n`, 'latin1');
          lastToken = token;
        }
        sentAt = performance.now();
        socket.write(request);
      };
      socket.on('connect', sendNext);
      socket.on('error', () => {
        failures++;
        finishOne(socket);
      });
      socket.on('data', (chunk: Buffer) => {
        buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
        const headerEnd = buffered.indexOf(HEADER_END);
        if (headerEnd === -1) return;
        const head = buffered.toString('latin1', 0, headerEnd);
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
        if (buffered.length < headerEnd + 4 + length) return;
        buffered = Buffer.alloc(0);
        latencies.push(performance.now() - sentAt);
        if (head.slice(9, 12) !== '200') failures++;
        sendNext();
      });
    }
  });
}

/** The q-quantile (0..1) of ascending values. */
export function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
