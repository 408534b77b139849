import { ClientCredentials } from './client-credentials';
import { CLIENT_ID, readUrl, type EnvReader } from './config';
import { ConfigError, ServiceError } from './errors';

/** One call of `.projenrc.ts`, as `src/calls.ts` declares it: where its settings are in the environment. */
export interface CallDefinition {
  /** Suffix of `CALL_<env>_BASE_URL`. */
  readonly env: string;
  /** Suffix of `CLIENT_ID_<client>` and `CLIENT_SECRET_<client>`, the app client whose token is sent. */
  readonly client: string;
  /** Full scope names the token asks for. */
  readonly scopes: readonly string[];
}

/** What a call sends: a method, headers and a body that can be sent twice (for the retry after a 401). */
export interface CallInit {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** The upstream failed (unreachable, a redirect, or an error status where JSON was expected): the route answers 502. */
export class UpstreamError extends ServiceError {
  constructor(readonly call: string, readonly reason: string) {
    super(502, 'bad_gateway', 'An upstream service did not answer as expected');
  }
}

const TIMEOUT_MS = 10_000;

/** A client of one API: its base URL and a bearer token of the call's app client on every request. */
export class OutboundCall {
  constructor(readonly name: string, private readonly settings: () => { baseUrl: string; credentials: ClientCredentials }) {}

  /**
   * Sends `path` (relative to the base URL, starting with `/`) with a bearer token; on a 401 drops the
   * token and retries once with a new one. Redirects are not followed: a 3xx is an UpstreamError, as is
   * a failure to connect or a timeout. Other statuses are returned as they are.
   */
  public async fetch(path: string, init: CallInit = {}): Promise<Response> {
    const { baseUrl, credentials } = this.settings();
    const url = targetUrl(baseUrl, path, this.name);
    const first = await credentials.token();
    let res = await this.send(url, init, first);
    if (res.status === 401) {
      await res.body?.cancel();
      credentials.invalidate(first);
      res = await this.send(url, init, await credentials.token());
    }
    if (res.status >= 300 && res.status < 400) {
      await res.body?.cancel();
      throw new UpstreamError(this.name, `redirect ${res.status} not followed`);
    }
    return res;
  }

  /** `fetch`, then the JSON body of a 2xx answer; any other answer is an UpstreamError. */
  public async json<T = unknown>(path: string, init: CallInit = {}): Promise<T> {
    const res = await this.fetch(path, { ...init, headers: { Accept: 'application/json', ...init.headers } });
    if (res.status < 200 || res.status >= 300) {
      await res.body?.cancel();
      throw new UpstreamError(this.name, `answered ${res.status}`);
    }
    try {
      return await res.json() as T;
    } catch {
      throw new UpstreamError(this.name, 'answered a body that is not JSON');
    }
  }

  private async send(url: string, init: CallInit, token: string): Promise<Response> {
    try {
      return await fetch(url, {
        method: init.method ?? 'GET',
        // The call's own token, whatever the caller's headers say.
        headers: { ...withoutAuthorization(init.headers), Authorization: `Bearer ${token}` },
        body: init.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      throw new UpstreamError(this.name, `unreachable: ${(err as Error).name}`);
    }
  }
}

/** Options of OutboundCalls. */
export interface OutboundCallsOptions {
  /**
   * Where the settings are read on first use, unless `check` read them at start-up.
   * @default process.env
   */
  readonly env?: NodeJS.ProcessEnv;
  /** The tokens' clock, for tests. @default Date.now */
  readonly now?: () => number;
}

/**
 * The service's outbound calls, read from TOKEN_ENDPOINT, CALL_<NAME>_BASE_URL, CLIENT_ID_<CLIENT> and
 * CLIENT_SECRET_<CLIENT>; calls of the same client and scopes share one cached token.
 */
export class OutboundCalls<N extends string> {
  private settings?: ReadonlyMap<N, { baseUrl: string; credentials: ClientCredentials }>;

  constructor(private readonly definitions: Readonly<Record<N, CallDefinition>>, private readonly options: OutboundCallsOptions = {}) {}

  /** The client of one call; its settings are read on its first request. */
  public client(name: N): OutboundCall {
    return new OutboundCall(name, () => this.configured().get(name)!);
  }

  /** Reads every call's settings, adding each problem (naming the variable, never a secret's value) to `problems`. */
  public check(read: EnvReader, problems: string[]): void {
    const found = problems.length;
    const settings = this.read(read, problems);
    if (problems.length === found) this.settings = settings;
  }

  private configured(): ReadonlyMap<N, { baseUrl: string; credentials: ClientCredentials }> {
    if (this.settings) return this.settings;
    const env = this.options.env ?? process.env;
    const problems: string[] = [];
    this.check((name) => env[name]?.trim() || undefined, problems);
    if (problems.length > 0) throw new ConfigError(problems);
    return this.settings!;
  }

  private read(read: EnvReader, problems: string[]): Map<N, { baseUrl: string; credentials: ClientCredentials }> {
    const tokenEndpoint = required(read, 'TOKEN_ENDPOINT', 'the user pool\'s token endpoint, e.g. https://<domain>.auth.<region>.amazoncognito.com/oauth2/token', problems);
    const tokenUrl = tokenEndpoint && readUrl(read, 'TOKEN_ENDPOINT', problems);
    const shared = new Map<string, ClientCredentials>();
    const settings = new Map<N, { baseUrl: string; credentials: ClientCredentials }>();
    for (const name of Object.keys(this.definitions) as N[]) {
      const { env, client, scopes } = this.definitions[name];
      const base = required(read, `CALL_${env}_BASE_URL`, `the base URL of ${name}, e.g. https://orders.example.com`, problems);
      const baseUrl = base && readUrl(read, `CALL_${env}_BASE_URL`, problems);
      const clientId = required(read, `CLIENT_ID_${client}`, 'the id of the app client the call authenticates with', problems);
      if (clientId && !CLIENT_ID.test(clientId)) problems.push(`CLIENT_ID_${client}="${clientId}" is not an app client id: copy it from the user pool's app clients`);
      const clientSecret = required(read, `CLIENT_SECRET_${client}`,
        'the app client\'s secret (in the cluster, from the <service>-client-secrets Secret)', problems);
      if (!tokenUrl || !baseUrl || !clientId || !clientSecret) continue;
      const key = `${client} ${scopes.join(' ')}`;
      const credentials = shared.get(key)
        ?? new ClientCredentials({ tokenEndpoint: tokenUrl, clientId, clientSecret, scopes, now: this.options.now });
      shared.set(key, credentials);
      settings.set(name, { baseUrl: baseUrl.replace(/\/+$/, ''), credentials });
    }
    return settings;
  }
}

function withoutAuthorization(headers: CallInit['headers']): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'authorization'));
}

function required(read: EnvReader, name: string, what: string, problems: string[]): string | undefined {
  const value = read(name);
  if (value === undefined) problems.push(`${name} is not set but the service makes outbound calls: set it to ${what}`);
  return value;
}

// Only a path under the base URL: a caller's string must never send the token to another origin.
function targetUrl(baseUrl: string, path: string, name: string): string {
  if (!path.startsWith('/') || path.startsWith('//') || /[\s\\]/.test(path)) {
    throw new UpstreamError(name, 'path must start with a single "/" and have no spaces or backslashes');
  }
  const url = new URL(`${baseUrl}${path}`);
  if (url.origin !== new URL(baseUrl).origin) throw new UpstreamError(name, 'path leaves the base URL');
  return url.href;
}
