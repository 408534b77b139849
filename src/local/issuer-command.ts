/**
 * `eks-cognito-kit issuer`: serves tokens until stopped, or prints the shell exports or an ALB token.
 * Only requested output goes to stdout; logs and errors go to stderr.
 */
import { signAlbToken } from './alb-signer';
import { loadDevCredentials } from './credentials-store';
import { IssuerArgs, ISSUER_USAGE, parseIssuerArgs } from './issuer-args';
import { IssuerConfigError } from './issuer-config-error';
import { renderEnv } from './print-env';
import { readIssuerSpec } from './read-issuer-spec';
import { startIssuer } from './start-issuer';
import { runUsersCommand } from './users-command';
import { stopped } from '../private/stopped';

/** Where the command writes, and what stops a running issuer besides SIGINT and SIGTERM. */
export interface IssuerIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly signal?: AbortSignal;
}

/** Runs the command; resolves with the exit code (0 ok, 1 failure, 2 bad arguments or missing issuer.json). */
export async function runIssuer(argv: string[], io: IssuerIo = process): Promise<number> {
  try {
    if (argv[0] === 'users') return await runUsersCommand(argv.slice(1), process.cwd(), io);
    const args = parseIssuerArgs(argv, process.cwd());
    switch (args.mode) {
      case 'help':
        io.stdout.write(ISSUER_USAGE);
        return 0;
      case 'print-env':
      case 'alb-token':
        io.stdout.write(printOnce(args));
        return 0;
      case 'serve':
        return await serve(args, io);
    }
  } catch (e) {
    io.stderr.write(`eks-cognito-kit issuer: ${(e as Error).message}\n`);
    return e instanceof IssuerConfigError ? 2 : 1;
  }
}

function printOnce(args: IssuerArgs): string {
  const spec = readIssuerSpec(args.dir);
  const credentials = loadDevCredentials(args.dir, spec);
  return args.mode === 'print-env'
    ? renderEnv(spec, credentials, args.port ?? spec.issuerPort, args.albPort, args.servicePort)
    : `${signAlbToken(spec, credentials, { email: args.email, sub: args.sub, username: args.username })}\n`;
}

async function serve(args: IssuerArgs, io: IssuerIo): Promise<number> {
  const issuer = await startIssuer({ dir: args.dir, port: args.port, albPort: args.albPort, log: (line) => io.stderr.write(`${line}\n`) });
  io.stdout.write(`eks-cognito-kit issuer listening on ${issuer.url}\n`);
  const portOption = issuer.port === issuer.spec.issuerPort ? '' : ` --port ${issuer.port}`;
  io.stderr.write(`token endpoint ${issuer.url}/oauth2/token; for the variables: eval "$(npx eks-cognito-kit issuer --print-env${portOption})"\n`);
  if (issuer.hostedUi) {
    io.stderr.write(`hosted UI ${issuer.url}/login for client ${issuer.hostedUi.client.name}; callback URLs: ${issuer.hostedUi.client.callbackUrls.join(' ')}\n`);
  }
  await stopped(io.signal);
  await issuer.close();
  return 0;
}

