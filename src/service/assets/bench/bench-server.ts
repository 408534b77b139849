import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { RequestHandler } from 'express';
import { bearerAuth } from '../src/kit/bearer-auth';
import type { BearerVerifier } from '../src/kit/bearer-verifier';
import { InvalidTokenError } from '../src/kit/errors';
import { createKeyFetcher } from '../src/kit/key-fetcher';
import type { RouteDefinition } from '../src/kit/route';
import { startServer } from '../src/kit/server';

/** The scope the protected benchmark route requires. */
export const BENCH_SCOPE = 'https://bench.example.com/bench.read';

/** The open route, registered just before and just after the protected one. */
export const OPEN_PATHS = ['/bench/open', '/bench/open-after'] as const;

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
function libraryOnly(): RequestHandler {
  const library = CognitoJwtVerifier.create({
    userPoolId: process.env.COGNITO_USER_POOL_ID ?? '',
    tokenUse: 'access',
    clientId: (process.env.COGNITO_CLIENT_IDS ?? '').split(','),
  }, { jwksCache: new SimpleJwksCache({ fetcher: createKeyFetcher({ url: process.env.COGNITO_JWKS_URI }) }) });
  const verifier: BearerVerifier = {
    verify: (token) => library.verify(token).catch(() => {
      throw new InvalidTokenError('The access token is invalid');
    }),
    isReady: () => true,
    hydrate: () => library.hydrate(),
  };
  const authenticate = bearerAuth({ verifier, scopes: [BENCH_SCOPE] });
  return (req, res, next) => authenticate(req, res, (err?: unknown) => (err === undefined ? handler(req, res, next) : next(err)));
}

/**
 * The same handler mounted four times: open, behind the kit's bearer verifier, open again, and behind
 * aws-jwt-verify alone. Express tries routes in order, so each route also pays a match attempt per
 * route before it; the open route sits both before and after the protected one, and the benchmark
 * alternates between the two so that the position does not count as a cost of protection.
 */
export function benchRoutes(): RouteDefinition[] {
  return [
    { method: 'GET', path: OPEN_PATHS[0], auth: 'none', scopes: [], handler },
    { method: 'GET', path: '/bench/protected', auth: 'bearer', scopes: [BENCH_SCOPE], handler },
    { method: 'GET', path: OPEN_PATHS[1], auth: 'none', scopes: [], handler },
    { method: 'GET', path: '/bench/library-only', auth: 'none', scopes: [], handler: libraryOnly() },
  ];
}

// Run as a child of bench.ts: report the port, then stats whenever asked.
if (require.main === module) {
  process.on('message', (message) => {
    if (message !== 'stats') return;
    const cpu = process.cpuUsage();
    const stats: ServerStats = { type: 'stats', rss: process.memoryUsage.rss(), cpuMicros: cpu.user + cpu.system };
    process.send?.(stats);
  });
  startServer({ routes: benchRoutes(), serviceName: 'bench' }).then(
    ({ port }) => process.send?.({ type: 'listening', port }),
    (err: unknown) => {
      process.stderr.write(`bench server failed: ${String(err)}\n`);
      process.exit(1);
    },
  );
}
