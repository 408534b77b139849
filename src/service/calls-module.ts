/**
 * Renders the outbound calls of the spec: `src/calls.ts` (one typed client per call) and its generated
 * tests against the local issuer. Every value is written as a serialized literal.
 */
import { commentText, toTsLiteral, tsString } from '../private/ts-literal';
import type { OutboundCall, ServiceModel } from '../spec';

/** The runtime and test files of outbound calls, shipped only when the spec declares calls. */
export const CALL_FILES: readonly string[] = ['src/kit/client-credentials.ts', 'src/kit/outbound-calls.ts'];

/** Text of `src/calls.ts`. */
export function renderCallsModule(model: ServiceModel): string {
  const definitions = Object.fromEntries(model.calls.map((c) => [c.name, {
    env: c.envName,
    client: c.client.envName,
    scopes: c.scopes.map((s) => s.fullName),
  }]));
  return [
    "import { OutboundCalls } from './kit/outbound-calls';",
    '',
    '/** The calls of .projenrc.ts: where each reads its base URL and client credentials, and the scopes it asks for. */',
    `export const CALL_DEFINITIONS = ${toTsLiteral(definitions)} as const;`,
    '',
    '/**',
    ' * The service\'s outbound calls, configured from TOKEN_ENDPOINT, CALL_<NAME>_BASE_URL, CLIENT_ID_<CLIENT> and',
    ' * CLIENT_SECRET_<CLIENT> (checked at start-up by main.ts).',
    ' */',
    'export const calls = new OutboundCalls(CALL_DEFINITIONS);',
    ...model.calls.flatMap((c) => [
      '',
      `/** ${commentText(describeCall(c))} */`,
      `export const ${c.name} = calls.client(${tsString(c.name)});`,
    ]),
    '',
  ].join('\n');
}

function describeCall(call: OutboundCall): string {
  return `${call.baseUrl}, with a token of ${call.client.name} for ${call.scopes.map((s) => s.name).join(' ')}.`;
}

/** The `startLocalCalls` options that configure every call of the model against the local issuer. */
export function localCallsOptions(model: ServiceModel): string {
  const clients = Object.fromEntries(model.calls.map((c) => [c.client.envName, c.client.name]));
  return `{ dir: join(__dirname, '..'), clients: ${toTsLiteral(clients, '', false)}, calls: ${toTsLiteral(model.calls.map((c) => c.envName), '', false)} }`;
}

/** Text of `test/calls.test.ts`: one token for concurrent callers, a refresh before `exp`, one retry after a 401. */
export function renderCallsTests(model: ServiceModel): string {
  return `import { join } from 'node:path';
import { startLocalCalls, type LocalCalls } from 'eks-cognito-kit';
import { CALL_DEFINITIONS } from '../src/calls';
import { OutboundCalls } from '../src/kit/outbound-calls';

// Every call of .projenrc.ts against this repository's local issuer and an upstream on 127.0.0.1.
let local: LocalCalls;
beforeAll(async () => {
  local = await startLocalCalls(${localCallsOptions(model)});
});
afterAll(() => local.close());

// A fresh set of clients (no cached token) on a clock the test moves.
const clientsAt = (clock: { now: number }) => new OutboundCalls(CALL_DEFINITIONS, { env: local.env, now: () => clock.now });
const NAMES = ${toTsLiteral(model.calls.map((c) => c.name), '', false)} as const;

describe.each(NAMES)('call %s', (name) => {
  test('8 concurrent calls make exactly one token request and share its token', async () => {
    const client = clientsAt({ now: Date.now() }).client(name);
    const before = local.tokenRequests();
    const sent = local.upstreamTokens.length;
    const answers = await Promise.all(Array.from({ length: 8 }, () => client.json<{ upstream: boolean }>('/probe')));
    expect(answers.every((a) => a.upstream)).toBe(true);
    expect(local.tokenRequests() - before).toBe(1);
    expect(new Set(local.upstreamTokens.slice(sent)).size).toBe(1);
  });

  test('a token is reused until shortly before it expires, then a new one is fetched', async () => {
    const clock = { now: Date.now() };
    const client = clientsAt(clock).client(name);
    const before = local.tokenRequests();
    const sent = local.upstreamTokens.length;
    await client.json('/probe');
    await client.json('/probe');
    expect(local.tokenRequests() - before).toBe(1);
    clock.now += ${model.cognito.accessTokenValidityMinutes} * 60_000; // the pool's access token validity: past exp
    await client.json('/probe');
    expect(local.tokenRequests() - before).toBe(2);
    const [first, second, third] = local.upstreamTokens.slice(sent);
    expect(second).toBe(first);
    expect(third).not.toBe(first);
  });

  test('a 401 from the upstream drops the token, fetches one new token and retries once', async () => {
    const client = clientsAt({ now: Date.now() }).client(name);
    const before = local.tokenRequests();
    const sent = local.upstreamTokens.length;
    local.refuseNext(1);
    await expect(client.json('/probe')).resolves.toEqual({ upstream: true, path: '/probe' });
    expect(local.tokenRequests() - before).toBe(2);
    const [refused, retried] = local.upstreamTokens.slice(sent);
    expect(retried).not.toBe(refused);
  });

  test('a second 401 is not retried again: the route answers 502', async () => {
    const client = clientsAt({ now: Date.now() }).client(name);
    const before = local.tokenRequests();
    const sent = local.upstreamTokens.length;
    local.refuseNext(2);
    await expect(client.json('/probe')).rejects.toMatchObject({ status: 502 });
    expect(local.tokenRequests() - before).toBe(2);
    expect(local.upstreamTokens.length - sent).toBe(2);
  });
});
`;
}
