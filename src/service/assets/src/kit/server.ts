import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAlbUserVerifier } from './alb-user-verifier';
import { createApp, type AppOptions } from './app';
import { createBearerVerifier, type BearerVerifier } from './bearer-verifier';
import { loadConfig, type ServiceConfig } from './config';
import { ConfigError } from './errors';
import { jsonLineLog, type LogFunction } from './request-log';
import type { RouteDefinition } from './route';

/** Options of startServer. */
export interface StartServerOptions {
  /** Every route the service serves. */
  readonly routes: readonly RouteDefinition[];
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
   * The path of the sign-out route, which makes its configuration required (see AppOptions.signOut).
   * @default none: no sign-out route
   */
  readonly signOutPath?: string;
  /**
   * Adds the owner's app-wide middleware; passed to createApp (see AppOptions.configure).
   * @default nothing is added
   */
  readonly configure?: AppOptions['configure'];
}

/** A listening service. */
export interface RunningServer {
  /** The underlying HTTP server. */
  readonly server: Server;
  /** The port actually bound (useful with PORT=0). */
  readonly port: number;
  /** Stops accepting connections, lets in-flight requests finish and stops background work. */
  close(): Promise<void>;
}

// Longer than the ALB's default 60 s idle timeout, so the ALB never reuses a connection the pod closed.
const KEEP_ALIVE_TIMEOUT_MS = 65_000;
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Starts the service: reads the configuration (printing the problems and exiting 1 when it is
 * invalid), builds the verifiers once, listens on PORT, loads the signing keys in the background
 * and shuts down gracefully on SIGTERM or SIGINT (exit 0).
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const config = loadOrExit(options);
  const log: LogFunction = (entry) => jsonLineLog({ service: options.serviceName, ...entry });
  const bearer = options.routes.some((route) => route.auth === 'bearer')
    ? createBearerVerifier({ userPoolId: config.userPoolId, clientIds: config.clientIds, jwksUri: config.jwksUri })
    : undefined;
  const albUser = config.albUser ? createAlbUserVerifier({ ...config.albUser, issuer: config.issuer }) : undefined;
  const signOut = options.signOutPath !== undefined && config.signOut ? { path: options.signOutPath, ...config.signOut } : undefined;
  const { routes, configure } = options;
  const server = createServer(createApp({ routes, realm: options.serviceName, bearer, albUser, signOut, log, configure }));
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1000;
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(config.port, options.host, resolve));
  const port = (server.address() as AddressInfo).port;
  process.stdout.write(`listening on http://127.0.0.1:${port}\n`);
  const stopHydrating = bearer ? hydrateInBackground(bearer, log) : () => undefined;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve, reject) => {
      stopHydrating();
      process.off('SIGTERM', onSignal).off('SIGINT', onSignal);
      // Keep-alive connections turn idle as their last response ends; close them as they do.
      const idle = setInterval(() => server.closeIdleConnections(), 100).unref();
      const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
      server.close((err) => {
        clearInterval(idle);
        clearTimeout(force);
        if (err) reject(err);
        else resolve();
      });
      server.closeIdleConnections();
    });
    return closing;
  };
  function onSignal(signal: NodeJS.Signals): void {
    log({ msg: 'shutting down', signal });
    close().then(() => process.exit(0), () => process.exit(1));
  }
  process.once('SIGTERM', onSignal).once('SIGINT', onSignal);
  return { server, port, close };
}

// Loads the signing keys without blocking start-up (/readyz turns 200 once they are), retrying with a
// backoff from 0.5 s doubling to 30 s. Returns a function that stops the retries.
function hydrateInBackground(verifier: BearerVerifier, log: LogFunction): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const attempt = (delayMs: number): void => {
    if (stopped || verifier.isReady()) return;
    verifier.hydrate().then(() => log({ msg: 'signing keys loaded' }), () => {
      if (stopped) return;
      log({ level: 'warn', msg: 'signing keys not loaded yet; retrying', retryInMs: delayMs });
      timer = setTimeout(() => attempt(Math.min(delayMs * 2, 30_000)), delayMs).unref();
    });
  };
  attempt(500);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

function loadOrExit(options: StartServerOptions): ServiceConfig {
  try {
    const requireAlbUser = options.routes.some((route) => route.auth === 'alb-user');
    return loadConfig(options.env ?? process.env, { requireAlbUser, requireSignOut: options.signOutPath !== undefined });
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${options.serviceName}: ${err.message}\n`);
    return process.exit(1);
  }
}
