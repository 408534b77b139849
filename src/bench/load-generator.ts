import { connect, type Socket } from 'node:net';

/** What the requests of one slot look like. */
export interface SlotLoad {
  /** The request path. */
  readonly path: string;
  /**
   * Returns the bearer token of the next request, undefined for none, or null when the token supply
   * is used up (the slot then ends early and is reported as starved).
   */
  readonly nextToken: () => string | undefined | null;
}

/** What one slot measured. */
export interface SlotResult {
  /** Completed requests. */
  readonly requests: number;
  /** Responses whose status was not 200, plus connections lost. */
  readonly failures: number;
  /** Whether the token supply ran out before the slot's time did. */
  readonly starved: boolean;
  /** From the slot's first request to its last response, in milliseconds. */
  readonly elapsedMs: number;
  /** Per-request latencies in milliseconds. */
  readonly latenciesMs: readonly number[];
}

/** A benchmark client: keep-alive connections opened once and reused by every slot. */
export interface LoadClient {
  /**
   * Sends requests on every connection for `durationMs`, then waits for the responses still in
   * flight, so nothing one slot sent is counted in (or slows) the next.
   */
  runSlot(load: SlotLoad, durationMs: number): Promise<SlotResult>;
  /** Closes the connections. */
  close(): void;
}

const HEADER_END = Buffer.from('\r\n\r\n');

interface Connection {
  readonly socket: Socket;
  /** Sends the next request of the current slot, or reports the connection idle. */
  onResponse?: (status: string) => void;
  onLost?: () => void;
}

/**
 * Opens `concurrency` keep-alive connections to 127.0.0.1:`port`. A minimal HTTP/1.1 client:
 * pre-formatted requests, responses read for status and Content-Length only, so the client stays
 * cheaper than the server it measures.
 */
export async function openLoadClient(port: number, concurrency: number): Promise<LoadClient> {
  const connections = await Promise.all(Array.from({ length: concurrency }, () => openConnection(port)));
  return {
    runSlot: (load, durationMs) => runSlot(connections, load, durationMs),
    close: () => {
      for (const connection of connections) connection.socket.destroy();
    },
  };
}

function openConnection(port: number): Promise<Connection> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, noDelay: true });
    const connection: Connection = { socket };
    let buffered: Buffer = Buffer.alloc(0);
    socket.once('connect', () => resolve(connection));
    socket.once('error', reject);
    socket.on('close', () => connection.onLost?.());
    socket.on('data', (chunk: Buffer) => {
      buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
      const headerEnd = buffered.indexOf(HEADER_END);
      if (headerEnd === -1) return;
      const head = buffered.toString('latin1', 0, headerEnd);
      const length = /\r\ncontent-length: *(\d+)/i.exec(head)?.[1];
      if (length === undefined) {
        // Not a response this client can frame: the server under test always sends Content-Length.
        socket.destroy();
        return;
      }
      if (buffered.length < headerEnd + 4 + Number(length)) return;
      buffered = Buffer.alloc(0);
      connection.onResponse?.(head.slice(9, 12));
    });
  });
}

function runSlot(connections: readonly Connection[], load: SlotLoad, durationMs: number): Promise<SlotResult> {
  const latenciesMs: number[] = [];
  let failures = 0;
  let starved = false;
  let active = connections.length;
  const started = performance.now();
  const deadline = started + durationMs;
  let lastResponse = started;
  let lastToken: string | undefined | null = null;
  let request = Buffer.alloc(0);

  return new Promise((resolve) => {
    const idle = (connection: Connection): void => {
      connection.onResponse = undefined;
      connection.onLost = undefined;
      if (--active === 0) {
        resolve({ requests: latenciesMs.length, failures, starved, elapsedMs: lastResponse - started, latenciesMs });
      }
    };
    for (const connection of connections) {
      let sentAt = 0;
      const sendNext = (): void => {
        const token = performance.now() < deadline ? load.nextToken() : null;
        if (token === null) {
          starved ||= performance.now() < deadline;
          idle(connection);
          return;
        }
        // Re-encode only when the token changes, so a repeated token costs the client nothing extra.
        if (token !== lastToken || request.length === 0) {
          const auth = token === undefined ? '' : `Authorization: Bearer ${token}\r\n`;
          request = Buffer.from(`GET ${load.path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${auth}\r\n`, 'latin1');
          lastToken = token;
        }
        sentAt = performance.now();
        connection.socket.write(request);
      };
      connection.onResponse = (status) => {
        lastResponse = performance.now();
        latenciesMs.push(lastResponse - sentAt);
        if (status !== '200') failures++;
        sendNext();
      };
      connection.onLost = () => {
        failures++;
        idle(connection);
      };
      if (connection.socket.destroyed) {
        failures++;
        idle(connection);
      } else {
        sendNext();
      }
    }
  });
}

/** The q-quantile (0..1) of ascending values. */
export function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
