import { FetchError, NonRetryableFetchError } from 'aws-jwt-verify/error';
import type { Fetcher } from 'aws-jwt-verify/https';
import { fetchUrlProblem } from './url-policy';

/** Options of createKeyFetcher. */
export interface KeyFetcherOptions {
  /**
   * A URL fetched instead of whatever aws-jwt-verify asks for (the JWKS override).
   * @default the URL aws-jwt-verify asks for
   */
  readonly url?: string;
  /**
   * How long one fetch may take, connection and body included, in milliseconds.
   * @default 3000
   */
  readonly timeoutMs?: number;
  /**
   * The largest accepted response body, in bytes.
   * @default 65536
   */
  readonly maxBytes?: number;
  /**
   * After a failed fetch, how long further fetches fail at once without touching the network, in
   * milliseconds; it caps the traffic forged key ids or an unreachable issuer can cause.
   * @default 1000
   */
  readonly cooldownMs?: number;
  /**
   * Throws when a 200 answer's body cannot be used (not a JWKS, not a PEM key); that counts as a failed fetch.
   * @default every body is accepted
   */
  readonly checkBody?: (body: ArrayBuffer) => void;
}

/**
 * Creates the aws-jwt-verify Fetcher that downloads signing keys: https (http only on loopback), no
 * redirects, bounded time and size, and a cool-down after failures. Every failure is a FetchError.
 */
export function createKeyFetcher(options: KeyFetcherOptions = {}): Fetcher {
  const timeoutMs = options.timeoutMs ?? 3000;
  const maxBytes = options.maxBytes ?? 64 * 1024;
  let coolUntil = 0;
  return {
    async fetch(requested: string): Promise<ArrayBuffer> {
      const url = options.url ?? requested;
      if (Date.now() < coolUntil) throw new FetchError(url, 'skipped: a recent fetch failed');
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        const body = await get(url, signal, maxBytes);
        options.checkBody?.(body);
        return body;
      } catch (err) {
        coolUntil = Date.now() + (options.cooldownMs ?? 1000);
        if (err instanceof FetchError) throw err;
        throw new FetchError(url, signal.aborted ? `no complete response within ${timeoutMs} ms` : (err as Error).message);
      }
    },
  };
}

async function get(url: string, signal: AbortSignal, maxBytes: number): Promise<ArrayBuffer> {
  const problem = fetchUrlProblem(url);
  if (problem) throw new NonRetryableFetchError(url, `refused: the URL ${problem}`);
  const res = await fetch(url, { redirect: 'manual', signal, headers: { accept: 'application/json, application/x-pem-file, */*' } });
  if (res.status !== 200) {
    await res.body?.cancel();
    throw new NonRetryableFetchError(url, `status ${res.status}, expected 200`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Leaving the loop early cancels the stream, so an endless body is not read to its end.
  for await (const chunk of res.body ?? []) {
    size += chunk.length;
    if (size > maxBytes) throw new NonRetryableFetchError(url, `response larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks)).buffer;
}
