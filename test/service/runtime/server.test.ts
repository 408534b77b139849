import type { Express, RequestHandler } from 'express';
import { LocalKeyServer } from './local-key-server';
import type { RouteDefinition } from '../../../src/service/assets/src/kit/route';
import { startServer } from '../../../src/service/assets/src/kit/server';
import { TestTokens } from '../../../src/service/assets/test/support/test-tokens';

const SCOPE = 'https://gateway.example.com/demo.read';
const tokens = TestTokens.create();
const waiting: Array<() => void> = [];
const slow: RequestHandler = (_req, res) => {
  waiting.push(() => res.json({ done: true }));
};
const ok: RequestHandler = (_req, res) => {
  res.json({ ok: true });
};
const routes: RouteDefinition[] = [
  { method: 'GET', path: '/data', auth: 'bearer', scopes: [SCOPE], handler: ok },
  { method: 'GET', path: '/slow', auth: 'none', scopes: [], handler: slow },
];

describe('startServer', () => {
  let keyServer: LocalKeyServer;
  let stdout: jest.SpyInstance;
  let running: Awaited<ReturnType<typeof startServer>> | undefined;
  const env = (): NodeJS.ProcessEnv => ({
    PORT: '0',
    COGNITO_USER_POOL_ID: tokens.userPoolId,
    COGNITO_CLIENT_IDS: tokens.clientId,
    COGNITO_JWKS_URI: `${keyServer.url}/jwks.json`,
  });
  const printed = (): string => stdout.mock.calls.map(([text]) => String(text)).join('');

  beforeEach(async () => {
    keyServer = await LocalKeyServer.start(LocalKeyServer.json(tokens.jwks));
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });
  afterEach(async () => {
    await running?.close();
    running = undefined;
    stdout.mockRestore();
    jest.restoreAllMocks();
    await keyServer.close();
  });

  test('listens on a free port, loads the keys in the background and serves bearer routes', async () => {
    running = await startServer({ routes, serviceName: 'demo-api', host: '127.0.0.1', env: env() });
    const base = `http://127.0.0.1:${running.port}`;
    expect(printed()).toContain(`listening on ${base}\n`);
    await waitFor(async () => (await fetch(`${base}/readyz`)).status === 200);
    const res = await fetch(`${base}/data`, { headers: { authorization: `Bearer ${tokens.accessToken({ scopes: [SCOPE] })}` } });
    expect(res.status).toBe(200);
    expect(printed()).toMatch(/{"service":"demo-api","time":"[^"]+","method":"GET","path":"\/data","status":200,"durationMs":[\d.]+}/);
  });

  test('passes configure to the app: its middleware answers before the routes', async () => {
    const configure = jest.fn((app: Express) => {
      app.use((_req, res, next) => {
        res.set('x-configured', 'yes');
        next();
      });
    });
    running = await startServer({ routes, serviceName: 'demo-api', host: '127.0.0.1', env: env(), configure });
    const res = await fetch(`http://127.0.0.1:${running.port}/data`);
    expect(res.status).toBe(401);
    expect(res.headers.get('x-configured')).toBe('yes');
    expect(configure).toHaveBeenCalledTimes(1);
  });

  test('keeps retrying the keys, on each readiness probe, until the JWKS server answers', async () => {
    keyServer.behaviour = (_req, res) => res.writeHead(503).end();
    running = await startServer({ routes, serviceName: 'demo-api', host: '127.0.0.1', env: env() });
    const base = `http://127.0.0.1:${running.port}`;
    await waitFor(async () => keyServer.requests.length >= 1);
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    keyServer.behaviour = LocalKeyServer.json(tokens.jwks);
    await waitFor(async () => (await fetch(`${base}/readyz`)).status === 200, 5000);
    expect(printed()).toContain('signing keys not loaded yet');
  });

  test('on SIGTERM, finishes the request in flight, stops accepting and exits 0', async () => {
    const before = process.listeners('SIGTERM');
    const exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    running = await startServer({ routes, serviceName: 'demo-api', host: '127.0.0.1', env: env() });
    const base = `http://127.0.0.1:${running.port}`;
    const inFlight = fetch(`${base}/slow`);
    await waitFor(async () => waiting.length === 1);
    const [onSigterm] = process.listeners('SIGTERM').filter((listener) => !before.includes(listener));
    (onSigterm as (signal: NodeJS.Signals) => void)('SIGTERM');
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    waiting[0]();
    expect((await inFlight).status).toBe(200);
    await waitFor(async () => exit.mock.calls.length > 0);
    expect(exit).toHaveBeenCalledWith(0);
    expect(process.listeners('SIGTERM')).toEqual(before);
    running = undefined;
  });

  test('prints every configuration problem and exits 1', async () => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    jest.spyOn(process, 'exit').mockImplementation(((code: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    await expect(startServer({ routes, serviceName: 'demo-api', env: { COGNITO_CLIENT_IDS: 'x y' } })).rejects.toThrow('exit 1');
    const message = stderr.mock.calls.map(([text]) => String(text)).join('');
    expect(message).toContain('demo-api: Invalid configuration:');
    expect(message).toContain('COGNITO_USER_POOL_ID is not set');
    expect(message).toContain('COGNITO_CLIENT_IDS="x y" has invalid client ids');
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
