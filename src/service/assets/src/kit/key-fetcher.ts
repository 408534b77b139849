import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
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
   * How long one fetch may take, connection included, in milliseconds.
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
   * Throws when a 200 answer's body cannot be used (not a JWKS, not a PEM key). That counts as a failed
   * fetch and starts the cool-down, so such an endpoint is not asked again on every request.
   * @default every body is accepted
   */
  readonly checkBody?: (body: ArrayBuffer) => void;
}

/**
 * Creates the aws-jwt-verify Fetcher that downloads signing keys: https (http only on loopback),
 * no redirects, bounded time and size, and a cool-down after failures. Every failure is a FetchError.
 */
export function createKeyFetcher(options: KeyFetcherOptions = {}): Fetcher {
  const timeoutMs = options.timeoutMs ?? 3000;
  const maxBytes = options.maxBytes ?? 64 * 1024;
  const cooldownMs = options.cooldownMs ?? 1000;
  let coolUntil = 0;
  return {
    async fetch(requested: string): Promise<ArrayBuffer> {
      const url = options.url ?? requested;
      if (Date.now() < coolUntil) throw new FetchError(url, 'skipped: a recent fetch failed');
      try {
        const body = await get(url, timeoutMs, maxBytes);
        options.checkBody?.(body);
        return body;
      } catch (err) {
        coolUntil = Date.now() + cooldownMs;
        throw err instanceof FetchError ? err : new FetchError(url, (err as Error).message);
      }
    },
  };
}

function get(url: string, timeoutMs: number, maxBytes: number): Promise<ArrayBuffer> {
  const problem = fetchUrlProblem(url);
  if (problem) return Promise.reject(new NonRetryableFetchError(url, `refused: the URL ${problem}`));
  const request = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    let settled = false;
    const req = request(url, { method: 'GET', headers: { accept: 'application/json, application/x-pem-file, */*' } });
    const settle = (err: Error | undefined, body?: ArrayBuffer): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) {
        req.destroy();
        reject(err);
      } else {
        resolve(body as ArrayBuffer);
      }
    };
    const timer = setTimeout(() => settle(new FetchError(url, `no complete response within ${timeoutMs} ms`)), timeoutMs);
    timer.unref();
    req.on('error', (err) => settle(err));
    req.on('response', (res: IncomingMessage) => {
      if (res.statusCode !== 200) {
        settle(new NonRetryableFetchError(url, `status ${res.statusCode}, expected 200`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('error', (err) => settle(err));
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) settle(new NonRetryableFetchError(url, `response larger than ${maxBytes} bytes`));
        else chunks.push(chunk);
      });
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        settle(undefined, body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
      });
    });
    req.end();
  });
}
