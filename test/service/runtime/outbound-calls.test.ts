/**
 * The outbound-calls runtime against a real local issuer and real upstream servers on 127.0.0.1.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { startLocalCalls, type LocalCalls } from '../../../src/local/local-calls';
import { createApp } from '../../../src/service/assets/src/kit/app';
import { TokenFetchError } from '../../../src/service/assets/src/kit/client-credentials';
import { OutboundCalls, UpstreamError } from '../../../src/service/assets/src/kit/outbound-calls';
import { createIssuerRepo } from '../../local/issuer-fixture';

const SPEC = {
  cognito: { clients: [{ name: 'readClient', scopes: ['demo.read'] }, { name: 'callerClient', scopes: ['demo.read', 'demo.write'] }] },
  calls: [{ name: 'ordersApi', baseUrl: 'https://orders.example.com', client: 'callerClient', scopes: ['demo.read'] }],
};
const DEFINITIONS = { ordersApi: { env: 'ORDERS_API', client: 'CALLER', scopes: ['https://gateway.example.com/demo.read'] } };

let local: LocalCalls;
beforeAll(async () => {
  const { dir } = createIssuerRepo(SPEC);
  local = await startLocalCalls({ dir, clients: { CALLER: 'callerClient' }, calls: ['ORDERS_API'] });
});
afterAll(() => local.close());

const clientAt = (clock = { now: Date.now() }, env: Record<string, string> = local.env) => new OutboundCalls(DEFINITIONS, { env, now: () => clock.now }).client('ordersApi');
const decode = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());

async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('a client-credentials call', () => {
  test('8 concurrent callers share one token request, for the call\'s client and scopes', async () => {
    const client = clientAt();
    const before = local.tokenRequests();
    const sent = local.upstreamTokens.length;
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => client.json<{ path: string }>(`/orders/${i}`)));
    expect(answers.map((a) => a.path)).toEqual(Array.from({ length: 8 }, (_, i) => `/orders/${i}`));
    expect(local.tokenRequests() - before).toBe(1);
    const tokens = new Set(local.upstreamTokens.slice(sent));
    expect(tokens.size).toBe(1);
    const claims = decode([...tokens][0]);
    expect(claims).toMatchObject({ token_use: 'access', scope: 'https://gateway.example.com/demo.read', client_id: local.env.CLIENT_ID_CALLER });
  });

  test('the token is reused until 60 s before exp (its lifetime counted from the request), then replaced', async () => {
    const fetchedAt = Date.now();
    const clock = { now: fetchedAt };
    const client = clientAt(clock);
    const before = local.tokenRequests();
    await client.json('/a');
    const first = local.upstreamTokens.at(-1)!;
    const { exp, iat } = decode(first);
    clock.now = fetchedAt + (exp - iat) * 1000 - 61_000;
    await client.json('/b');
    expect(local.upstreamTokens.at(-1)).toBe(first);
    expect(local.tokenRequests() - before).toBe(1);
    clock.now = fetchedAt + (exp - iat) * 1000 - 59_000;
    await client.json('/c');
    expect(local.upstreamTokens.at(-1)).not.toBe(first);
    expect(local.tokenRequests() - before).toBe(2);
  });

  test('a clock two hours off the issuer\'s still caches the token', async () => {
    for (const skew of [-7_200_000, 7_200_000]) {
      const client = clientAt({ now: Date.now() + skew });
      const before = local.tokenRequests();
      await client.json('/a');
      await client.json('/b');
      expect(local.tokenRequests() - before).toBe(1);
    }
  });

  test('a 401 drops the token and retries once with a new one; a second 401 is answered as it is', async () => {
    const client = clientAt();
    const before = local.tokenRequests();
    local.refuseNext(1);
    await expect(client.json('/retry')).resolves.toEqual({ upstream: true, path: '/retry' });
    expect(local.tokenRequests() - before).toBe(2);
    const sent = local.upstreamTokens.length;
    local.refuseNext(2);
    const res = await client.fetch('/twice');
    expect(res.status).toBe(401);
    expect(local.upstreamTokens.length - sent).toBe(2);
    // The cached token was refused, then one new token: one more token request, not two.
    expect(local.tokenRequests() - before).toBe(3);
    local.refuseNext(2);
    await expect(client.json('/twice')).rejects.toMatchObject({ status: 502, code: 'bad_gateway', reason: 'answered 401' });
  });

  test('the caller cannot replace the bearer token', async () => {
    await clientAt().json('/h', { headers: { authorization: 'Bearer forged', Accept: 'application/json' } });
    expect(local.upstreamTokens.at(-1)).not.toBe('forged');
    expect(local.upstreamTokens.at(-1)!.split('.')).toHaveLength(3);
  });

  test('a redirect is not followed: the token never reaches the redirect target', async () => {
    const target = await listen((req, res) => res.end(JSON.stringify({ stolen: req.headers.authorization })));
    let targetHits = 0;
    target.server.on('request', () => targetHits++);
    const redirecting = await listen((_req, res) => res.writeHead(302, { Location: `${target.url}/steal` }).end());
    try {
      const client = clientAt(undefined, { ...local.env, CALL_ORDERS_API_BASE_URL: redirecting.url });
      await expect(client.json('/orders')).rejects.toMatchObject({ status: 502, reason: 'redirect 302 not followed' });
      expect(targetHits).toBe(0);
    } finally {
      redirecting.server.close();
      target.server.close();
    }
  });

  test.each(['//evil.example.com/x', 'https://evil.example.com/x', 'orders', '/a b'])('the path %j is refused before any token is sent', async (path) => {
    const before = local.upstreamTokens.length;
    await expect(clientAt().fetch(path)).rejects.toBeInstanceOf(UpstreamError);
    expect(local.upstreamTokens.length).toBe(before);
  });

  test('a refused client secret is a 502 whose error names the cause but never the secret', async () => {
    const secret = 'not-the-secret-0123456789';
    const client = clientAt(undefined, { ...local.env, CLIENT_SECRET_CALLER: secret });
    const error = await client.json('/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenFetchError);
    expect(error).toMatchObject({ status: 502, reason: 'token endpoint answered 401 invalid_client' });
    expect(JSON.stringify(error) + String(error) + (error as Error).stack).not.toContain(secret);
  });

  test('an unreachable upstream is a 502', async () => {
    const closed = await listen(() => undefined);
    closed.server.close();
    await expect(clientAt(undefined, { ...local.env, CALL_ORDERS_API_BASE_URL: closed.url }).json('/x')).rejects.toMatchObject({ status: 502, reason: 'unreachable: TypeError' });
  });
});

describe('the calls\' configuration', () => {
  test('names every missing or bad variable with its fix, never a secret\'s value', () => {
    const problems: string[] = [];
    const env: Record<string, string> = { TOKEN_ENDPOINT: 'http://cognito.example.com/oauth2/token', CLIENT_ID_CALLER: 'not an id', CLIENT_SECRET_CALLER: 'super-secret-value' };
    new OutboundCalls(DEFINITIONS).check((name) => env[name], problems);
    expect(problems).toEqual([
      expect.stringMatching(/^TOKEN_ENDPOINT="http:\/\/cognito\.example\.com\/oauth2\/token" uses http for a non-loopback host; use https/),
      expect.stringMatching(/^CALL_ORDERS_API_BASE_URL is not set but the service makes outbound calls: set it to the base URL of ordersApi/),
      expect.stringMatching(/^CLIENT_ID_CALLER="not an id" is not an app client id/),
    ]);
    expect(problems.join('\n')).not.toContain('super-secret-value');
  });

  test('used without a configuration, a call fails with the problems instead of sending anything', async () => {
    await expect(new OutboundCalls(DEFINITIONS, { env: {} }).client('ordersApi').json('/x')).rejects.toThrow(/CLIENT_SECRET_CALLER is not set/);
  });
});

describe('a route that calls through the client', () => {
  test('answers with the upstream\'s JSON, 502 when the upstream fails, and logs no token', async () => {
    const entries: string[] = [];
    const ordersApi = new OutboundCalls(DEFINITIONS, { env: local.env }).client('ordersApi');
    const app = createApp({
      realm: 'demo',
      log: (entry) => entries.push(JSON.stringify(entry)),
      routes: [{ method: 'GET', path: '/relay', auth: 'none', scopes: [], handler: async (_req, res) => { res.json({ upstream: await ordersApi.json('/orders') }); } }],
    });
    await request(app).get('/relay').expect(200, { upstream: { upstream: true, path: '/orders' } });
    local.refuseNext(2);
    const failed = await request(app).get('/relay').expect(502);
    expect(failed.body).toEqual({ error: 'bad_gateway', message: 'An upstream service did not answer as expected' });
    for (const token of local.upstreamTokens) expect(entries.join('\n')).not.toContain(token);
  });
});
