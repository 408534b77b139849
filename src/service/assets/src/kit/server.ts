import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, jsonLineLog, type AppOptions, type LogFunction } from './app';
import { createBearerVerifier } from './bearer-verifier';
import { readConfig, type EnvReader, type ServiceConfig } from './config';
import { ConfigError } from './errors';

/** Reads an optional part's settings (user sign-in) into the configuration problems and returns what it adds to the app. */
export type ServerExtension = (read: EnvReader, problems: string[], issuer: string | undefined) => Partial<AppOptions> | undefined;

/** Options of startServer. */
export interface StartServerOptions extends Pick<AppOptions, 'routes' | 'configure'> {
  /** The service name, used as the bearer realm and in log entries. */
  readonly serviceName: string;
  /**
   * The environment the configuration is read from.
   * @default process.env
   */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * The address to listen on.
   * @default every interface (a pod is reached on its own IP)
   */
  readonly host?: string;
  /**
   * User sign-in at the ALB, which main.ts passes when the spec has it (see user-sign-in.ts).
   * @default none
   */
  readonly userSignIn?: ServerExtension;
  /**
   * The outbound calls (src/calls.ts), whose settings are checked at start with the rest of the configuration.
   * @default none
   */
  readonly outbound?: { check(read: EnvReader, problems: string[]): void };
}

// Longer than the ALB's default 60 s idle timeout, so the ALB never reuses a connection the pod closed.
const KEEP_ALIVE_TIMEOUT_MS = 65_000;
const SHUTDOWN_GRACE_MS = 10_000;

/** Starts the service on PORT (exit 1 on a configuration problem); close(), SIGTERM and SIGINT let requests in flight finish. */
export async function startServer(options: StartServerOptions): Promise<{ readonly port: number; close(): Promise<void> }> {
  const { config, extra } = loadOrExit(options);
  const log: LogFunction = (entry) => jsonLineLog({ service: options.serviceName, ...entry });
  const bearer = options.routes.some((route) => route.auth === 'bearer') ? createBearerVerifier(config) : undefined;
  const { routes, configure } = options;
  const server = createServer(createApp({ routes, realm: options.serviceName, bearer, log, configure, ...extra }));
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1000;
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(config.port, options.host, resolve));
  const port = (server.address() as AddressInfo).port;
  process.stdout.write(`listening on http://127.0.0.1:${port}\n`);

  // The first download of the signing keys; while it fails, each readiness probe retries it (see createApp).
  bearer?.hydrate().then(() => log({ msg: 'signing keys loaded' }), () => log({ level: 'warn', msg: 'signing keys not loaded yet' }));

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    if (closing) return closing;
    process.off('SIGTERM', onSignal).off('SIGINT', onSignal);
    // Keep-alive connections turn idle as their last response ends; close them as they do.
    const idle = setInterval(() => server.closeIdleConnections(), 100).unref();
    const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
    closing = new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))).finally(() => {
      clearInterval(idle);
      clearTimeout(force);
    });
    return closing;
  };
  function onSignal(signal: NodeJS.Signals): void {
    log({ msg: 'shutting down', signal });
    close().then(() => process.exit(0), () => process.exit(1));
  }
  process.once('SIGTERM', onSignal).once('SIGINT', onSignal);
  return { port, close };
}

function loadOrExit(options: StartServerOptions): { config: ServiceConfig; extra?: Partial<AppOptions> } {
  const env = options.env ?? process.env;
  const read: EnvReader = (name) => env[name]?.trim() || undefined;
  const problems: string[] = [];
  const config = readConfig(read, problems);
  const extra = options.userSignIn?.(read, problems, config?.issuer);
  options.outbound?.check(read, problems);
  if (config !== undefined && problems.length === 0) return { config, extra };
  process.stderr.write(`${options.serviceName}: ${new ConfigError(problems).message}\n`);
  return process.exit(1);
}
