import { isIPv4 } from 'node:net';
import { FetchError, NonRetryableFetchError } from 'aws-jwt-verify/error';
import type { Fetcher } from 'aws-jwt-verify/https';
import { ConfigError } from './errors';

// How long one fetch may take, connection and body included, and the largest body accepted.
const TIMEOUT_MS = 3000;
const MAX_BYTES = 64 * 1024;
// After a failed fetch, further fetches fail at once for this long: it caps the traffic forged key ids
// or an unreachable issuer can cause.
const COOLDOWN_MS = 1000;

/** Why a key URL is refused, or undefined: https anywhere, plain http only on loopback (a local issuer). */
export function fetchUrlProblem(value: string): string | undefined {
  const url = URL.parse(value);
  if (url === null) return 'is not an absolute URL';
  if (url.username || url.password) return 'must not carry credentials';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol !== 'http:') return `uses the unsupported protocol ${url.protocol}; use https`;
  const host = url.hostname;
  if (host === 'localhost' || host === '[::1]' || (isIPv4(host) && host.startsWith('127.'))) return undefined;
  return 'uses http for a non-loopback host; use https (http is allowed only for 127.0.0.1, ::1 and localhost)';
}

/**
 * Creates the aws-jwt-verify Fetcher of signing keys, which fetches `url` (when given) instead of what
 * the library asks for, follows no redirect, bounds time and size, and counts a body `checkBody` refuses
 * (not a JWKS, not a PEM key) as failed; after a failure it cools down, and every failure is a FetchError.
 */
export function createKeyFetcher(url: string | undefined, checkBody: (body: ArrayBuffer) => void): Fetcher {
  const problem = url === undefined ? undefined : fetchUrlProblem(url);
  if (problem) throw new ConfigError([`key URL "${url}" ${problem}`]);
  let coolUntil = 0;
  return {
    async fetch(requested: string): Promise<ArrayBuffer> {
      const target = url ?? requested;
      if (Date.now() < coolUntil) throw new FetchError(target, 'skipped: a recent fetch failed');
      const signal = AbortSignal.timeout(TIMEOUT_MS);
      try {
        const body = await get(target, signal);
        checkBody(body);
        return body;
      } catch (err) {
        coolUntil = Date.now() + COOLDOWN_MS;
        if (err instanceof FetchError) throw err;
        throw new FetchError(target, signal.aborted ? `no complete response within ${TIMEOUT_MS} ms` : (err as Error).message);
      }
    },
  };
}

async function get(url: string, signal: AbortSignal): Promise<ArrayBuffer> {
  const res = await fetch(url, { redirect: 'manual', signal });
  if (res.status !== 200) {
    await res.body?.cancel();
    throw new NonRetryableFetchError(url, `status ${res.status}, expected 200`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Leaving the loop early cancels the stream, so an endless body is not read to its end.
  for await (const chunk of res.body ?? []) {
    size += chunk.length;
    if (size > MAX_BYTES) throw new NonRetryableFetchError(url, `response larger than ${MAX_BYTES} bytes`);
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks)).buffer;
}
