import type { BearerVerifier } from './bearer-verifier';
import type { LogFunction } from './request-log';

/** Options of hydrateInBackground. */
export interface BackgroundHydrationOptions {
  /** Where progress is logged. */
  readonly log: LogFunction;
  /**
   * The wait after the first failure, doubled after each further one, in milliseconds.
   * @default 500
   */
  readonly initialDelayMs?: number;
  /**
   * The longest wait between attempts, in milliseconds.
   * @default 30000
   */
  readonly maxDelayMs?: number;
}

/**
 * Loads the verifier's JWKS without blocking start-up, retrying with exponential backoff until it
 * succeeds (then /readyz turns 200). Returns a function that stops the retries.
 */
export function hydrateInBackground(verifier: BearerVerifier, options: BackgroundHydrationOptions): () => void {
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const attempt = (nextDelayMs: number): void => {
    if (stopped || verifier.isReady()) return;
    verifier.hydrate().then(
      () => options.log({ msg: 'signing keys loaded' }),
      () => {
        if (stopped) return;
        options.log({ level: 'warn', msg: 'signing keys not loaded yet; retrying', retryInMs: nextDelayMs });
        timer = setTimeout(() => attempt(Math.min(nextDelayMs * 2, maxDelayMs)), nextDelayMs);
        timer.unref();
      },
    );
  };
  attempt(options.initialDelayMs ?? 500);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
