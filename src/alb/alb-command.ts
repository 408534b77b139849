/**
 * `eks-cognito-kit alb`: serves the local ALB until stopped. The listening line and the Ingress
 * summary go to stdout; request logs and errors go to stderr.
 */
import { ALB_USAGE, parseAlbArgs } from './alb-args';
import { AlbConfigError } from './alb-config-error';
import type { LocalIngress } from './ingress-model';
import { startLocalAlb } from './start-local-alb';
import { IssuerConfigError } from '../local/issuer-config-error';
import { stopped } from '../private/stopped';

/** Where the command writes, and what stops it besides SIGINT and SIGTERM. */
export interface AlbIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly signal?: AbortSignal;
}

/** Runs the command; resolves with the exit code (0 ok, 1 failure, 2 bad arguments or inputs). */
export async function runAlb(argv: string[], io: AlbIo = process, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    const args = parseAlbArgs(argv, process.cwd(), env);
    if (args.help) {
      io.stdout.write(ALB_USAGE);
      return 0;
    }
    const alb = await startLocalAlb({ ...args, log: (line) => io.stderr.write(`${line}\n`) });
    const signIn = alb.signInUrl ? `Sign in: ${alb.signInUrl}\n` : '';
    io.stdout.write(`eks-cognito-kit alb listening on ${alb.url} -> ${args.backendUrl}\n${alb.ingresses.map(describe).join('')}${signIn}`);
    await stopped(io.signal);
    await alb.close();
    return 0;
  } catch (e) {
    io.stderr.write(`eks-cognito-kit alb: ${(e as Error).message}\n`);
    return e instanceof AlbConfigError || e instanceof IssuerConfigError ? 2 : 1;
  }
}

function describe(ingress: LocalIngress): string {
  const paths = ingress.paths.map((p) => (p.path === undefined ? '(default backend)' : `${p.path} (${p.pathType})`)).join(', ');
  const auth = ingress.auth ? `cognito sign-in, ${ingress.auth.onUnauthenticatedRequest}` : 'no ALB authentication';
  return `  Ingress ${ingress.id} [${ingress.hosts.join(', ')}] ${auth}: ${paths}\n`;
}

