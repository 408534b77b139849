/**
 * Command-line arguments of `eks-cognito-kit issuer`.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_ALB_PORT } from './hosted-ui/web-client';
import { IssuerConfigError } from './issuer-config-error';

/** What the command was asked to do. */
export interface IssuerArgs {
  readonly mode: 'serve' | 'print-env' | 'alb-token' | 'help';
  readonly dir: string;
  /** From --port; undefined means the spec's issuerPort. */
  readonly port?: number;
  /** From --alb-port, else `ALB_PORT`, else 8081: the local ALB whose callback URLs the web client accepts. */
  readonly albPort: number;
  /** From --service-port, else `PORT`; undefined means the spec's servicePort. Calls to the service's own host go there. */
  readonly servicePort?: number;
  readonly email: string;
  readonly sub?: string;
  readonly username?: string;
}

/** The `--help` text. */
export const ISSUER_USAGE = `Usage: eks-cognito-kit issuer [options]

Runs a local Cognito-compatible token issuer for this service on 127.0.0.1, from
.eks-cognito-kit/issuer.json (written by \`npx projen\`). Dev credentials are created once
in .eks-cognito-kit/local/ (git-ignored) and reused.

Options:
  --port <n>         port to listen on, 0 picks a free one (default: issuerPort of issuer.json)
  --dir <path>       service repository root (default: the current directory)
  --alb-port <n>     port of the local ALB, whose http://localhost:<n> callback and sign-out URLs
                     the web client accepts (default: $ALB_PORT, else 8081)
  --service-port <n> port of the local service, where --print-env points calls to the service's own
                     host (default: $PORT, else the service port of issuer.json)
  --print-env        print shell exports (TOKEN_ENDPOINT, CLIENT_CREDENTIALS_*, COGNITO_*, AWS_REGION,
                     ALB_*, and for outbound calls CALL_*_BASE_URL, CLIENT_ID_*, CLIENT_SECRET_*) for an
                     issuer on --port, then exit
  --alb-token        print a signed x-amzn-oidc-data value for a local user, then exit (needs userAuth)
  --email <address>  user for --alb-token (default: dev@example.com)
  --sub <id>         user id for --alb-token (default: a UUID derived from the email)
  --username <name>  user name for --alb-token (default: the sub)
  -h, --help         show this help

Users of the hosted UI (kept in .eks-cognito-kit/local/users.json, git-ignored):
  eks-cognito-kit issuer users add <email> [--password <p>]   a confirmed user; a password is generated
                                                              and printed once when none is given
  eks-cognito-kit issuer users list
  eks-cognito-kit issuer users remove <email>

Examples:
  npx eks-cognito-kit issuer
  eval "$(npx eks-cognito-kit issuer --print-env)"
  curl -H "x-amzn-oidc-data: $(npx eks-cognito-kit issuer --alb-token)" http://localhost:8080/...
`;

/** Parses the arguments; throws `IssuerConfigError` naming the bad one. */
export function parseIssuerArgs(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): IssuerArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        'port': { type: 'string' },
        'dir': { type: 'string' },
        'alb-port': { type: 'string' },
        'service-port': { type: 'string' },
        'print-env': { type: 'boolean' },
        'alb-token': { type: 'boolean' },
        'email': { type: 'string' },
        'sub': { type: 'string' },
        'username': { type: 'string' },
        'help': { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw new IssuerConfigError(`${(e as Error).message}; see --help.`);
  }
  const port = values.port === undefined ? undefined : parsePort(values.port, '--port', true);
  if (values['print-env'] && values['alb-token']) throw new IssuerConfigError('--print-env and --alb-token cannot be combined; run them one at a time.');
  if (values['print-env'] && port === 0) throw new IssuerConfigError('--print-env needs the port the issuer listens on, not 0; pass the port the issuer printed.');
  const userOptions = (['email', 'sub', 'username'] as const).filter((o) => values[o] !== undefined);
  if (userOptions.length > 0 && !values['alb-token']) throw new IssuerConfigError(`--${userOptions[0]} only applies to --alb-token.`);
  const mode = values.help ? 'help' : values['print-env'] ? 'print-env' : values['alb-token'] ? 'alb-token' : 'serve';
  return {
    mode,
    dir: values.dir ?? cwd,
    port,
    albPort: values['alb-port'] !== undefined ? parsePort(values['alb-port'], '--alb-port', false)
      : env.ALB_PORT ? parsePort(env.ALB_PORT, 'ALB_PORT', false) : DEFAULT_ALB_PORT,
    servicePort: values['service-port'] !== undefined ? parsePort(values['service-port'], '--service-port', false)
      : fixedPort(env.PORT),
    email: values.email ?? 'dev@example.com',
    sub: values.sub,
    username: values.username,
  };
}

// PORT is the service's own setting (0 picks a free port): only a fixed port tells where the service is.
function fixedPort(value: string | undefined): number | undefined {
  return value !== undefined && /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 65535 ? Number(value) : undefined;
}

function parsePort(value: string, name: string, zeroAllowed: boolean): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535 || (!zeroAllowed && port === 0)) {
    throw new IssuerConfigError(zeroAllowed
      ? `${name} ${value} is not a port; use 0 to 65535 (0 picks a free one).`
      : `${name} ${value} is not a port; use 1 to 65535.`);
  }
  return port;
}
