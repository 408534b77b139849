/**
 * Renders the generated unit tests: for every route, 401 without a token, 403 without its scopes,
 * 200 with them (the spirit of seed 003's `@TestSecurity` cases, one short line each).
 */
import type { Route, ServiceModel } from '../spec';

/** Text of `test/routes.test.ts`. */
export function renderRouteTests(model: ServiceModel): string {
  const allScopes = model.cognito.resourceServer.scopes.map((s) => s.fullName);
  const needsAlb = model.routes.some((r) => r.auth === 'alb-user');
  return [
    "import request from 'supertest';",
    "import { createApp } from '../src/kit/app';",
    ...(needsAlb ? ["import { createAlbUserVerifier } from '../src/kit/alb-user-verifier';"] : []),
    "import { createBearerVerifier } from '../src/kit/bearer-verifier';",
    "import { ROUTES } from '../src/routes';",
    "import { TestTokens } from './support/test-tokens';",
    '',
    'const tokens = TestTokens.create();',
    'const app = createApp({',
    '  routes: ROUTES,',
    `  realm: '${model.name}',`,
    '  bearer: createBearerVerifier({ userPoolId: tokens.userPoolId, clientIds: [tokens.clientId], jwks: tokens.jwks }),',
    ...(needsAlb ? [
      '  albUser: createAlbUserVerifier({',
      '    albArn: tokens.albArn,',
      '    clientId: tokens.albClientId,',
      '    issuer: tokens.issuer,',
      '    publicKey: { kid: tokens.albKid, pem: tokens.albPublicKeyPem },',
      '  }),',
    ] : []),
    '});',
    `const ALL_SCOPES = ${JSON.stringify(allScopes)};`,
    'const bearer = (scopes: readonly string[]) => `Bearer ${tokens.accessToken({ scopes })}`;',
    '',
    ...model.routes.flatMap((r) => renderRouteBlock(r)),
  ].join('\n');
}

function renderRouteBlock(route: Route): string[] {
  const verb = route.method.toLowerCase();
  const send = route.hasBody ? ".send({ sample: 'value' })" : '';
  const call = `() => request(app).${verb}('${route.samplePath}')`;
  const lines = [`describe('${route.method} ${route.path}', () => {`, `  const call = ${call};`];
  const ok = (setup: string) => `call()${setup}${send}.expect(200).expect('Content-Type', /json/)`;
  if (route.auth === 'none') {
    lines.push(`  test('200 without a token (public route)', () => ${ok('')});`);
  } else if (route.auth === 'alb-user') {
    lines.push(
      "  test('401 without the ALB user headers', () => call().expect(401));",
      `  test('200 for a user signed in through the ALB', () => ${ok('.set(tokens.albUser())')});`,
    );
  } else {
    const required = route.scopes.map((s) => `'${s.fullName}'`).join(', ');
    const names = route.scopes.map((s) => s.name).join(' and ') || 'any scope';
    lines.push(`  test('401 without a token', () => call()${send}.expect(401));`);
    if (route.scopes.length > 0) {
      lines.push(`  test('403 without ${names}', () => call().set('Authorization', bearer(ALL_SCOPES.filter((s) => s !== ${`'${route.scopes[0].fullName}'`})))${send}.expect(403));`);
    }
    lines.push(`  test('200 with ${names}', () => ${ok(`.set('Authorization', bearer([${required}]))`)});`);
  }
  lines.push('});', '');
  return lines;
}
