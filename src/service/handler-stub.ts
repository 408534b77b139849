/**
 * Renders the starting handler of a route, fitted to its protection; the file is the user's from then on.
 */
import { commentText, key, member, tsString } from '../private/ts-literal';
import type { Route } from '../spec';
import { pathParams } from '../spec/private/routes';

/** Text of `src/handlers/<module>.ts` for a route. */
export function renderHandlerStub(route: Route): string {
  const params = pathParams(route.path);
  const usesReq = route.hasBody || params.length > 0;
  const relay = route.relay && ` It relays GET ${route.relay.path} of the call ${route.relay.call} (src/calls.ts); an upstream failure answers 502.`;
  const summary = `${route.method} ${route.path} (${protection(route)}).${relay ?? ''} Yours to change: eks-cognito-kit wrote it once and never touches it again.`;
  return [
    "import type { Request, Response } from 'express';",
    ...(route.relay ? [`import { ${route.relay.call} } from '../calls';`] : []),
    '',
    `/** ${commentText(summary)} */`,
    route.relay
      ? `export async function ${route.handler}(${usesReq ? 'req' : '_req'}: Request, res: Response): Promise<void> {`
      : `export function ${route.handler}(${usesReq ? 'req' : '_req'}: Request, res: Response): void {`,
    ...(route.hasBody ? bodyCheck() : []),
    ...(route.relay ? [`  const upstream = await ${route.relay.call}.json(${tsString(route.relay.path)});`] : []),
    ...answer(route, params),
    '}',
    '',
  ].join('\n');
}

function protection(route: Route): string {
  if (route.auth === 'none') return 'public: no token or sign-in is checked';
  if (route.auth === 'alb-user') return 'a user signed in through the load balancer; res.locals.auth holds the verified user';
  return route.scopes.length > 0
    ? `needs an access token with ${route.scopes.map((s) => s.name).join(' and ')}; res.locals.auth holds the verified caller`
    : 'needs any valid access token; res.locals.auth holds the verified caller';
}

function bodyCheck(): string[] {
  return [
    "  if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) {",
    "    res.status(400).json({ error: 'invalid_request', error_description: 'expected a JSON object' });",
    '    return;',
    '  }',
  ];
}

function paramFields(params: readonly string[]): string {
  return params.map((p) => `, ${key(`param${p[0].toUpperCase()}${p.slice(1)}`)}: req.params${member(p)}`).join('');
}

function answer(route: Route, params: readonly string[]): string[] {
  const received = `${route.hasBody ? ', received: req.body' : ''}${route.relay ? ', upstream' : ''}`;
  if (route.auth === 'alb-user') {
    return [
      "  const user = res.locals.auth?.kind === 'alb-user' ? res.locals.auth : undefined;",
      `  res.json({ signedInAs: user?.claims.email, sub: user?.sub${paramFields(params)}${received} });`,
    ];
  }
  if (route.auth === 'none') return [`  res.json({ public: true${paramFields(params)}${received} });`];
  // The answer of seed 003's demo for a protected API call.
  return [`  res.json({ protectedAPI: 'true'${paramFields(params)}${received} });`];
}
