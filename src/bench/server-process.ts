import { fork, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { BENCH_REPO_ENV, type ServerStats } from './bench-server';
import type { TestTokens } from '../service/assets/test/support/test-tokens';

/**
 * The node options of the measured server. V8 sizes its heap from the memory it may use: under the
 * pod's 256 MiB limit it picks about these limits by itself, while on a developer machine without a
 * limit it lets the young generation grow to 64 MB or more, and the RSS would describe the host.
 */
export const SERVER_NODE_OPTIONS = ['--max-semi-space-size=2', '--max-old-space-size=256'];

/** The benchmark server running as a child process. */
export interface ServerProcess {
  /** The child process. */
  readonly child: ChildProcess;
  /** The port it listens on. */
  readonly port: number;
  /** Asks the server for its RSS and CPU time. */
  stats(): Promise<ServerStats>;
}

/**
 * Forks the benchmark server on the repository's compiled runtime with the given configuration and
 * resolves once it listens.
 */
export function startServerProcess(repo: string, env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  // Installed, the kit is JavaScript; its own tests run it from source, where the child needs ts-node.
  const fromSource = extname(__filename) === '.ts';
  const child = fork(join(__dirname, `bench-server${extname(__filename)}`), [], {
    execArgv: fromSource ? [...SERVER_NODE_OPTIONS, '-r', require.resolve('ts-node/register/transpile-only')] : SERVER_NODE_OPTIONS,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: { ...process.env, ...env, [BENCH_REPO_ENV]: repo, PORT: '0' },
  });
  const stats = (): Promise<ServerStats> => new Promise((done) => {
    const onMessage = (message: ServerStats): void => {
      if (message.type !== 'stats') return;
      child.off('message', onMessage);
      done(message);
    };
    child.on('message', onMessage);
    child.send('stats');
  });
  return new Promise((ready, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    child.on('message', (message: { type?: string; port?: number }) => {
      if (message.type === 'listening' && message.port !== undefined) ready({ child, port: message.port, stats });
    });
  });
}

/** Serves the test tokens' JWKS on 127.0.0.1, as a local issuer would. */
export async function serveJwks(tokens: TestTokens): Promise<{ server: Server; url: string }> {
  const body = JSON.stringify(tokens.jwks);
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json` };
}

/** Polls /readyz until the server has loaded its signing keys. */
export async function waitUntilReady(port: number): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const status = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status, () => 0);
    if (status === 200) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('bench server never became ready');
}
