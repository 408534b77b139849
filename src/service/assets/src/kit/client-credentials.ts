import { ServiceError } from './errors';

/** Settings of one client-credentials token source. */
export interface ClientCredentialsOptions {
  /** The user pool's token endpoint, `https://<domain>/oauth2/token`. */
  readonly tokenEndpoint: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Full scope names asked for (`<resource server>/<scope>`). */
  readonly scopes: readonly string[];
  /**
   * The clock, in milliseconds.
   * @default Date.now
   */
  readonly now?: () => number;
}

/** The token endpoint refused or failed: the route answers 502, and the message never holds a token or secret. */
export class TokenFetchError extends ServiceError {
  constructor(readonly reason: string) {
    super(502, 'bad_gateway', 'An access token for an upstream call could not be obtained');
  }
}

// A token is replaced this long before its `exp`, so it never expires on the way to the upstream.
const REFRESH_MARGIN_MS = 60_000;
const TIMEOUT_MS = 5000;
const MAX_BYTES = 64 * 1024;

/**
 * An access token from the client-credentials grant, fetched with HTTP Basic client authentication,
 * cached until a minute before `exp` (half its lifetime when that is shorter; the lifetime is the
 * shorter of `expires_in` and the token's `exp - iat`, counted from the request), and fetched once for
 * every caller waiting at the same time. The token and the secret are never logged or put in an error.
 */
export class ClientCredentials {
  private cached?: { readonly token: string; readonly refreshAt: number };
  private inFlight?: Promise<string>;
  private readonly now: () => number;
  private readonly authorization: string;

  constructor(private readonly options: ClientCredentialsOptions) {
    this.now = options.now ?? Date.now;
    this.authorization = `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64')}`;
  }

  /** A valid access token: the cached one, the one being fetched, or a new one. */
  public token(): Promise<string> {
    if (this.cached && this.now() < this.cached.refreshAt) return Promise.resolve(this.cached.token);
    this.inFlight ??= this.fetchToken().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /** Drops `token` from the cache (the upstream refused it), so the next `token()` fetches a new one. */
  public invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = undefined;
  }

  private async fetchToken(): Promise<string> {
    const started = this.now();
    const body = new URLSearchParams({ grant_type: 'client_credentials' });
    if (this.options.scopes.length > 0) body.set('scope', this.options.scopes.join(' '));
    let res: Response;
    try {
      res = await fetch(this.options.tokenEndpoint, {
        method: 'POST',
        headers: { 'Authorization': this.authorization, 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json' },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      throw new TokenFetchError(`token endpoint unreachable: ${(err as Error).name}`);
    }
    const text = await readText(res);
    if (res.status !== 200) throw new TokenFetchError(`token endpoint answered ${res.status}${oauthError(text)}`);
    const { access_token: token, expires_in: expiresIn } = parseJson(text);
    if (typeof token !== 'string' || token === '' || typeof expiresIn !== 'number' || !(expiresIn > 0)) {
      throw new TokenFetchError('token endpoint answered without access_token and expires_in');
    }
    // Lifetimes, not instants: a clock that differs from the issuer's neither stretches nor voids the cache.
    const lifetime = Math.min(expiresIn, lifetimeOf(token) ?? Infinity) * 1000;
    this.cached = { token, refreshAt: started + lifetime - Math.min(REFRESH_MARGIN_MS, lifetime / 2) };
    return token;
  }
}

async function readText(res: Response): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body ?? []) {
    size += chunk.length;
    if (size > MAX_BYTES) throw new TokenFetchError(`token endpoint answer larger than ${MAX_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value as Record<string, unknown> : {};
  } catch {
    return {};
  }
}

// Only the OAuth error code (`invalid_client`, ...): a fixed vocabulary, never a token.
function oauthError(text: string): string {
  const code = parseJson(text).error;
  return typeof code === 'string' && /^[a-z_]{1,40}$/.test(code) ? ` ${code}` : '';
}

// The token's `exp - iat` in seconds, read without verifying: it only shortens the cache, never lengthens it.
function lifetimeOf(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  const { exp, iat } = parseJson(Buffer.from(payload, 'base64url').toString('utf8'));
  return typeof exp === 'number' && typeof iat === 'number' && exp > iat ? exp - iat : undefined;
}
