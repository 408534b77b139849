/**
 * Starts the local ALB of a service repository on 127.0.0.1: Ingresses from `k8s/`, the local user
 * pool and web client from issuer.json and the dev credentials, the local issuer as the IdP.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { AlbConfigError } from './alb-config-error';
import type { AlbContext, AlbLog, AlbSignIn } from './alb-context';
import { IdTokenVerifier } from './id-token-verifier';
import type { LocalIngress } from './ingress-model';
import { createLocalAlbServer } from './local-alb-server';
import { readIngresses } from './read-ingresses';
import { RouteTable } from './route-table';
import { SessionSealer } from './session-sealer';
import { SessionStore } from './session-store';
import { signAlbClaims } from '../local/alb-signer';
import { loadDevCredentials } from '../local/credentials-store';
import { DEFAULT_ALB_PORT } from '../local/hosted-ui/web-client';
import { cognitoIssuer, IssuerSpec } from '../local/issuer-spec';
import { jwksPath } from '../local/jwks';
import { readIssuerSpec } from '../local/read-issuer-spec';

/** Options of `startLocalAlb`. */
export interface LocalAlbOptions {
  /** Root of the service repository (`k8s/` and `.eks-cognito-kit/`). */
  readonly dir: string;
  /**
   * Port on 127.0.0.1; 0 picks a free one.
   * @default 8081
   */
  readonly port?: number;
  /**
   * The service every Ingress backend stands for locally.
   * @default http://127.0.0.1:8080
   */
  readonly backendUrl?: string;
  /**
   * Base URL of the local issuer (authorize, token, userInfo, JWKS).
   * @default http://127.0.0.1:<issuerPort of issuer.json>
   */
  readonly issuerUrl?: string;
  /**
   * Receives one line per request and the startup notes.
   * @default no logging
   */
  readonly log?: AlbLog;
}

/** A listening local ALB. */
export interface RunningLocalAlb {
  /** `http://localhost:<port>`, the origin users sign in on. */
  readonly url: string;
  readonly port: number;
  readonly ingresses: readonly LocalIngress[];
  /** Where a user signs in: the first path of the first Ingress with Cognito sign-in, if any. */
  readonly signInUrl?: string;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

// One default for both sides: the issuer registers the web client's local callback on this port.
export { DEFAULT_ALB_PORT };

/** Starts the local ALB; rejects with `AlbConfigError` (or the issuer's config error) naming what to fix. */
export async function startLocalAlb(options: LocalAlbOptions): Promise<RunningLocalAlb> {
  const log = options.log ?? (() => undefined);
  const ingresses = readIngresses(options.dir);
  const table = new RouteTable(ingresses);
  table.shadowed().forEach((note) => log(`note: ${note}`));
  const spec = readIssuerSpec(options.dir);
  const backend = loopbackUrl('backend URL', options.backendUrl ?? 'http://127.0.0.1:8080');
  const issuerUrl = loopbackUrl('issuer URL', options.issuerUrl ?? `http://127.0.0.1:${spec.issuerPort}`);
  const signIn = ingresses.some((i) => i.auth) ? signInOf(options.dir, spec, issuerUrl.origin) : undefined;
  // Without sign-in nothing is ever sealed, so no key file is written for it.
  const sealer = signIn ? SessionSealer.forRepository(options.dir) : new SessionSealer(randomBytes(32));
  const hosts = new Set(['localhost', '127.0.0.1', ...ingresses.flatMap((i) => i.hosts.map((h) => h.toLowerCase()))]);
  let context: AlbContext | undefined;
  const server = createLocalAlbServer(() => context!, log);
  const port = await listen(server, options.port ?? DEFAULT_ALB_PORT);
  const origin = `http://localhost:${port}`;
  context = { origin, port, ingresses, table, hosts, backend, sealer, sessions: new SessionStore(sealer), ...(signIn && { signIn }) };
  const signInPath = ingresses.find((i) => i.auth)?.paths.find((p) => p.path !== undefined)?.path;
  return {
    url: origin,
    port,
    ingresses,
    // A wildcard pattern is cut at its first wildcard, which leaves a path it may not match; the rest is one.
    ...(signInPath && { signInUrl: `${origin}${signInPath.split(/[*?]/)[0]}` }),
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

/**
 * The IdP and client of the authenticate action. In a generated repository `auth-idp-cognito` names
 * the deployed pool and web client (or `NotYetDeployed`); locally the local issuer stands for the
 * pool (its pool id and keys from issuer.json and the dev credentials) and the local web client's id
 * and secret from the dev credentials store stand for `userPoolClientID`, as the service's
 * `ALB_CLIENT_ID` does in `npm run dev`.
 */
function signInOf(dir: string, spec: IssuerSpec, issuerUrl: string): AlbSignIn {
  if (!spec.userAuth) {
    throw new AlbConfigError(`an Ingress has auth-type cognito but ${spec.service}'s issuer.json has no userAuth; set userAuth in .projenrc.ts and run \`npx projen\`.`);
  }
  const credentials = loadDevCredentials(dir, spec);
  const client = credentials.clients.get(spec.userAuth.webClientName);
  if (!client) throw new AlbConfigError(`the dev credentials have no web client ${spec.userAuth.webClientName}; delete .eks-cognito-kit/local/clients.json and run again.`);
  const endpoints = {
    authorize: `${issuerUrl}/oauth2/authorize`,
    token: `${issuerUrl}/oauth2/token`,
    userInfo: `${issuerUrl}/oauth2/userInfo`,
    jwks: `${issuerUrl}${jwksPath(spec)}`,
    issuer: cognitoIssuer(spec),
  };
  return {
    endpoints,
    client,
    idTokens: new IdTokenVerifier(endpoints.jwks),
    signClaims: (claims, exp) => signAlbClaims(spec, credentials, claims, exp),
  };
}

/** The URL when it is plain HTTP on a loopback address: the client secret and user tokens never leave the machine. */
export function loopbackUrl(what: string, value: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || url.protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) || (url.pathname !== '/' && url.pathname !== '')) {
    throw new AlbConfigError(`${what} "${value}" must be http://127.0.0.1:<port> (or localhost), with no path: the local ALB only talks to this machine.`);
  }
  return url;
}

function listen(server: ReturnType<typeof createLocalAlbServer>, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'EADDRINUSE'
      ? new Error(`port ${port} on 127.0.0.1 is already in use; stop whatever holds it (another local ALB?) or set ALB_PORT / pass --port <n> (0 picks a free one).`)
      : e));
    // Plain HTTP on the loopback address only. The real listeners that authenticate are HTTPS-only
    // (the controller skips authentication on HTTP listeners); browsers and curl treat localhost as secure.
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}
