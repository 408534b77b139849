/**
 * Renders the generated unit tests: for every route, 401 without a token, 403 without its scopes,
 * 200 with them (the spirit of seed 003's `@TestSecurity` cases, one short line each), through the
 * owner's `configure` as the service runs it. Every value is written as a serialized literal.
 */
import { toTsLiteral, tsString } from '../private/ts-literal';
import type { Route, ServiceModel } from '../spec';
import { localCallsOptions } from './calls-module';

/** Text of `test/routes.test.ts`. */
export function renderRouteTests(model: ServiceModel): string {
  const allScopes = model.cognito.resourceServer.scopes.map((s) => s.fullName);
  const needsAlb = model.routes.some((r) => r.auth === 'alb-user');
  const relays = model.routes.some((r) => r.relay);
  // The production values: the pool's hosted domain and the sign-in host.
  const signOut = model.userAuth && {
    path: model.userAuth.signOutPath,
    hostedUiUrl: `https://${model.cognito.domainPrefix}.auth.${model.region}.amazoncognito.com`,
    redirectUri: `https://${model.userAuth.host}/`,
  };
  return [
    ...(relays ? ["import { join } from 'node:path';"] : []),
    ...(relays ? ["import { startLocalCalls, type LocalCalls } from 'eks-cognito-kit';"] : []),
    "import type { Express } from 'express';",
    "import request from 'supertest';",
    "import { configure } from '../src/app';",
    "import { createApp } from '../src/kit/app';",
    ...(needsAlb ? ["import { albUserAuth, createAlbUserVerifier } from '../src/kit/alb-user-verifier';"] : []),
    "import { createBearerVerifier } from '../src/kit/bearer-verifier';",
    ...(signOut ? ["import { signOut } from '../src/kit/sign-out';"] : []),
    "import { ROUTES } from '../src/routes';",
    "import { TestTokens } from './support/test-tokens';",
    '',
    ...(relays ? [
      '// Routes that relay an outbound call reach an upstream on 127.0.0.1 with tokens of the local issuer.',
      'let local: LocalCalls;',
      'beforeAll(async () => {',
      `  local = await startLocalCalls(${localCallsOptions(model)});`,
      '  Object.assign(process.env, local.env);',
      '});',
      'afterAll(() => local.close());',
    ] : []),
    'const tokens = TestTokens.create();',
    ...(signOut ? [`const HOSTED_UI = ${tsString(signOut.hostedUiUrl)};`] : []),
    '// Marks every answer that passed through src/app.ts, to prove it runs before the routes.',
    "const CONFIGURED = 'x-test-configured';",
    'const app = createApp({',
    '  routes: ROUTES,',
    `  realm: ${tsString(model.name)},`,
    '  bearer: createBearerVerifier({ userPoolId: tokens.userPoolId, clientIds: [tokens.clientId], jwks: tokens.jwks }),',
    ...(needsAlb ? [
      '  albUser: albUserAuth(createAlbUserVerifier({',
      '    albArn: tokens.albArn,',
      '    clientId: tokens.albClientId,',
      '    issuer: tokens.issuer,',
      '    publicKey: { kid: tokens.albKid, pem: tokens.albPublicKeyPem },',
      '  })),',
    ] : []),
    ...(signOut ? [
      `  signOut: { path: ${tsString(signOut.path)}, handler: signOut({ hostedUiUrl: HOSTED_UI, clientId: tokens.albClientId, redirectUri: ${tsString(signOut.redirectUri)} }) },`,
    ] : []),
    '  configure: (service: Express) => {',
    '    configure(service);',
    "    service.use((_req, res, next) => { res.set(CONFIGURED, 'yes'); next(); });",
    '  },',
    '});',
    `const ALL_SCOPES: readonly string[] = ${toTsLiteral(allScopes, '', false)};`,
    'const bearer = (scopes: readonly string[]) => `Bearer ${tokens.accessToken({ scopes })}`;',
    '',
    "describe('src/app.ts', () => {",
    ...(model.routes.length > 0
      ? [`  test('configure runs before every route', () => request(app).${model.routes[0].method.toLowerCase()}(${tsString(model.routes[0].samplePath)}).expect(CONFIGURED, 'yes'));`]
      : []),
    "  test('the probes still answer', () => request(app).get('/healthz').expect(200));",
    '});',
    '',
    ...(signOut ? renderSignOutBlock(signOut.path, signOut.redirectUri) : []),
    ...model.routes.flatMap((r) => renderRouteBlock(r)),
  ].join('\n');
}

function renderRouteBlock(route: Route): string[] {
  const send = route.hasBody ? ".send({ sample: 'value' })" : '';
  const call = `() => request(app).${route.method.toLowerCase()}(${tsString(route.samplePath)})`;
  const lines = [`describe(${tsString(`${route.method} ${route.path}`)}, () => {`, `  const call = ${call};`];
  const ok = (setup: string) => `call()${setup}${send}.expect(200).expect('Content-Type', /json/)`;
  const test = (title: string, body: string) => lines.push(`  test(${tsString(title)}, () => ${body});`);
  if (route.auth === 'none') {
    test('200 without a token (public route)', ok(''));
  } else if (route.auth === 'alb-user') {
    test('401 without the ALB user headers', 'call().expect(401)');
    test('200 for a user signed in through the ALB', ok('.set(tokens.albUser())'));
  } else {
    const required = route.scopes.map((s) => s.fullName);
    const names = route.scopes.map((s) => s.name).join(' and ') || 'any scope';
    test('401 without a token', `call()${send}.expect(401)`);
    if (route.scopes.length > 0) {
      test(`403 without ${names}`,
        `call().set('Authorization', bearer(ALL_SCOPES.filter((s) => s !== ${tsString(required[0])})))${send}.expect(403)`);
    }
    test(`200 with ${names}`, ok(`.set('Authorization', bearer(${toTsLiteral(required, '', false)}))`));
  }
  lines.push('});', '');
  return lines;
}

function renderSignOutBlock(path: string, redirectUri: string): string[] {
  return [
    `describe(${tsString(`GET ${path} (sign-out)`)}, () => {`,
    `  const call = () => request(app).get(${tsString(path)});`,
    `  test(${tsString("302 to the hosted UI's /logout with the client and the sign-out URL, never cached")}, async () => {`,
    "    const res = await call().expect(302).expect('Cache-Control', 'no-store');",
    '    const location = new URL(res.headers.location);',
    '    expect(`${location.origin}${location.pathname}`).toBe(`${HOSTED_UI}/logout`);',
    "    expect(location.searchParams.get('client_id')).toBe(tokens.albClientId);",
    `    expect(location.searchParams.get('logout_uri')).toBe(${tsString(redirectUri)});`,
    '  });',
    "  test('expires every shard of the ALB session cookie, HttpOnly and Secure', async () => {",
    "    const cookies = (await call()).headers['set-cookie'] as unknown as string[];",
    "    expect(cookies.map((c) => c.split('=')[0])).toEqual([0, 1, 2, 3].map((i) => `AWSELBAuthSessionCookie-${i}`));",
    '    for (const cookie of cookies) {',
    '      expect(cookie).toMatch(/^AWSELBAuthSessionCookie-\\d=;/);',
    "      expect(cookie).toContain('Max-Age=0');",
    '      expect(cookie).toMatch(/; HttpOnly/);',
    '      expect(cookie).toMatch(/; Secure/);',
    '    }',
    '  });',
    '});',
    '',
  ];
}
