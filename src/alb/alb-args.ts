/**
 * Command-line arguments of `eks-cognito-kit alb`, with their environment defaults.
 */
import { parseArgs } from 'node:util';
import { AlbConfigError } from './alb-config-error';
import { DEFAULT_ALB_PORT } from './start-local-alb';

/** What the command was asked to do. */
export interface AlbArgs {
  readonly help: boolean;
  readonly dir: string;
  readonly port: number;
  readonly backendUrl: string;
  /** Undefined means the issuer port of issuer.json. */
  readonly issuerUrl?: string;
}

/** The `--help` text. */
export const ALB_USAGE = `Usage: eks-cognito-kit alb [options]

Runs a local Application Load Balancer on 127.0.0.1 from the service's generated k8s/ Ingress
manifests: their path rules, and for Ingresses with auth-type cognito the sign-in through the local
issuer's hosted UI, the session cookie and the signed x-amzn-oidc-* headers. localhost stands for
every Ingress host and every backend is the one local service. Plain HTTP only: the real
listeners are HTTPS.

Options:
  --port <n>        port to listen on, 0 picks a free one (default: $ALB_PORT or ${DEFAULT_ALB_PORT})
  --backend <url>   the service (default: http://127.0.0.1:$PORT, PORT default 8080)
  --issuer <url>    the local issuer (default: http://127.0.0.1:<issuerPort of issuer.json>)
  --dir <path>      service repository root (default: the current directory)
  -h, --help        show this help

Example:
  npx eks-cognito-kit issuer & npm start & npx eks-cognito-kit alb
  open http://localhost:${DEFAULT_ALB_PORT}/
`;

/** Parses the arguments; throws `AlbConfigError` naming the bad one. */
export function parseAlbArgs(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv): AlbArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        backend: { type: 'string' },
        issuer: { type: 'string' },
        dir: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw new AlbConfigError(`${(e as Error).message}; see --help.`);
  }
  const port = values.port !== undefined ? parsePort('--port', values.port) : env.ALB_PORT ? parsePort('ALB_PORT', env.ALB_PORT) : DEFAULT_ALB_PORT;
  const servicePort = env.PORT ? parsePort('PORT', env.PORT) : 8080;
  return {
    help: values.help ?? false,
    dir: values.dir ?? cwd,
    port,
    backendUrl: values.backend ?? `http://127.0.0.1:${servicePort}`,
    issuerUrl: values.issuer,
  };
}

function parsePort(name: string, value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new AlbConfigError(`${name} ${value} is not a port; use 0 to 65535 (0 picks a free one).`);
  return port;
}
