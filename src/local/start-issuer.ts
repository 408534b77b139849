/**
 * Starts the local issuer of a service repository: reads its issuer.json, loads or creates the dev
 * credentials, and listens on 127.0.0.1 only.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DevCredentials, loadDevCredentials } from './credentials-store';
import type { Clock } from './hosted-ui/expiring-map';
import { HostedUi } from './hosted-ui/hosted-ui';
import { UserStore } from './hosted-ui/user-store';
import { DEFAULT_ALB_PORT, webClientOf } from './hosted-ui/web-client';
import { createIssuerServer, IssuerLog } from './issuer-server';
import type { IssuerSpec } from './issuer-spec';
import { readIssuerSpec } from './read-issuer-spec';

/** Options of `startIssuer`. */
export interface StartIssuerOptions {
  /** Root of the service repository (where `.eks-cognito-kit/` lives). */
  readonly dir: string;
  /**
   * Port to listen on; 0 picks a free one.
   * @default the spec's issuerPort
   */
  readonly port?: number;
  /**
   * Receives one line per request.
   * @default no logging
   */
  readonly log?: IssuerLog;
  /**
   * Port of the local ALB: the web client also accepts its callback and sign-out URLs on
   * `http://localhost:<albPort>`, and no other http URL.
   * @default 8081
   */
  readonly albPort?: number;
  /**
   * The hosted UI's clock, for tests that let codes and sessions expire.
   * @default Date.now
   */
  readonly now?: Clock;
}

/** A listening issuer. */
export interface RunningIssuer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  readonly spec: IssuerSpec;
  readonly credentials: DevCredentials;
  /** The hosted UI, when the spec has `userAuth`. */
  readonly hostedUi?: HostedUi;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** Starts the issuer; rejects with `IssuerConfigError` on bad inputs and with a fix-it `Error` when the port is taken. */
export async function startIssuer(options: StartIssuerOptions): Promise<RunningIssuer> {
  const spec = readIssuerSpec(options.dir);
  const credentials = loadDevCredentials(options.dir, spec);
  const log = options.log ?? (() => undefined);
  const client = webClientOf(spec, credentials, options.albPort ?? DEFAULT_ALB_PORT);
  const hostedUi = client && new HostedUi({ spec, credentials, client, users: new UserStore(options.dir), log, now: options.now });
  const server = createIssuerServer(spec, credentials, log, hostedUi);
  const port = await listen(server, options.port ?? spec.issuerPort);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    spec,
    credentials,
    hostedUi,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'EADDRINUSE'
      ? new Error(`port ${port} on 127.0.0.1 is already in use; stop whatever holds it (another issuer?) or pass --port <n> (0 picks a free port).`)
      : e));
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}
