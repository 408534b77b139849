/**
 * The measured server, run as a child of the bench: the generated repository's own compiled runtime
 * (`lib/kit/`) serving one handler open, behind the kit's bearer verifier, and behind aws-jwt-verify alone.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { CognitoJwtVerifier } from 'aws-jwt-verify';
import type { RequestHandler } from 'express';
import type * as BearerAuth from '../service/assets/src/kit/bearer-auth';
import type * as Errors from '../service/assets/src/kit/errors';
import type { RouteDefinition } from '../service/assets/src/kit/route';
import type * as Server from '../service/assets/src/kit/server';

/** The modules of the repository's compiled runtime the benchmark server uses. */
interface Kit {
  readonly bearerAuth: typeof BearerAuth.bearerAuth;
  readonly InvalidTokenError: typeof Errors.InvalidTokenError;
  readonly startServer: typeof Server.startServer;
}

/** The scope the protected benchmark routes require. */
export const BENCH_SCOPE = 'https://bench.example.com/bench.read';

/** The open route, registered just before and just after the protected one. */
export const OPEN_PATHS = ['/bench/open', '/bench/open-after'] as const;

/** The environment variable naming the generated repository whose runtime is measured. */
export const BENCH_REPO_ENV = 'EKS_COGNITO_KIT_BENCH_REPO';

/** What the benchmark server reports when sent the message `'stats'`. */
export interface ServerStats {
  /** Discriminates the message. */
  readonly type: 'stats';
  /** Resident set size, in bytes. */
  readonly rss: number;
  /** CPU time used so far (user + system), in microseconds. */
  readonly cpuMicros: number;
}

const handler: RequestHandler = (_req, res) => {
  res.json({ ok: true });
};

// The reference the kit's verifier is measured against: the same bearer middleware (RFC 6750, the
// route's scope), but aws-jwt-verify's CognitoJwtVerifier.verify() on every request: no verified-token
// cache and the library's own parsing and signature check.
async function libraryOnly(kit: Kit, library: typeof CognitoJwtVerifier): Promise<RequestHandler> {
  const verifier = library.create({
    userPoolId: process.env.COGNITO_USER_POOL_ID ?? '',
    tokenUse: 'access',
    clientId: (process.env.COGNITO_CLIENT_IDS ?? '').split(','),
  });
  // The library fetches over https only; the bench's key server is plain http on 127.0.0.1.
  verifier.cacheJwks((await (await fetch(process.env.COGNITO_JWKS_URI ?? '')).json()) as Parameters<typeof verifier.cacheJwks>[0]);
  const authenticate = kit.bearerAuth({
    verify: (token) => verifier.verify(token).catch(() => {
      throw new kit.InvalidTokenError('The access token is invalid');
    }),
    isReady: () => true,
    hydrate: async () => undefined,
  }, [BENCH_SCOPE]);
  return (req, res, next) => authenticate(req, res, (err?: unknown) => (err === undefined ? handler(req, res, next) : next(err)));
}

/**
 * The same handler mounted four times: open, behind the kit's bearer verifier, open again, and behind
 * aws-jwt-verify alone. Express tries routes in order, so each route also pays a match attempt per
 * route before it; the open route sits both before and after the protected one, and the benchmark
 * alternates between the two so that the position does not count as a cost of protection.
 */
async function serve(repo: string): Promise<number> {
  // Everything is loaded from the repository: its compiled runtime and its own express and aws-jwt-verify.
  const repoRequire = createRequire(join(repo, 'package.json'));
  const lib = (name: string): unknown => repoRequire(join(repo, 'lib', 'kit', name));
  const kit = { ...lib('bearer-auth') as object, ...lib('errors') as object, ...lib('server') as object } as Kit;
  const { CognitoJwtVerifier: library } = repoRequire('aws-jwt-verify') as typeof import('aws-jwt-verify');
  const routes: RouteDefinition[] = [
    { method: 'GET', path: OPEN_PATHS[0], auth: 'none', scopes: [], handler },
    { method: 'GET', path: '/bench/protected', auth: 'bearer', scopes: [BENCH_SCOPE], handler },
    { method: 'GET', path: OPEN_PATHS[1], auth: 'none', scopes: [], handler },
    { method: 'GET', path: '/bench/library-only', auth: 'none', scopes: [], handler: await libraryOnly(kit, library) },
  ];
  const { port } = await kit.startServer({ routes, serviceName: 'bench', host: '127.0.0.1' });
  return port;
}

// Run as a child of the bench: report the port, then stats whenever asked.
if (require.main === module) {
  process.on('message', (message) => {
    if (message !== 'stats') return;
    const cpu = process.cpuUsage();
    const stats: ServerStats = { type: 'stats', rss: process.memoryUsage.rss(), cpuMicros: cpu.user + cpu.system };
    process.send?.(stats);
  });
  serve(process.env[BENCH_REPO_ENV] ?? process.cwd()).then(
    (port) => process.send?.({ type: 'listening', port }),
    (err: unknown) => {
      process.stderr.write(`bench server failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
