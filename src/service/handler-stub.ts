/**
 * Renders the starting handler of a route; the file is the user's from then on.
 */
import type { Route } from '../spec';
import { pathParams } from '../spec/private/routes';

/** Text of `src/handlers/<module>.ts` for a route. */
export function renderHandlerStub(route: Route): string {
  const needs = route.auth === 'bearer'
    ? route.scopes.length > 0 ? `needs ${route.scopes.map((s) => s.name).join(' and ')}` : 'needs any valid access token'
    : route.auth === 'alb-user' ? 'needs a user signed in through the ALB' : 'public';
  const body = route.hasBody
    ? [
      "  if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) {",
      "    res.status(400).json({ error: 'invalid_request', error_description: 'expected a JSON object' });",
      '    return;',
      '  }',
      '  res.json({ received: req.body });',
    ]
    : [`  res.json({ protectedAPI: 'true'${pathParams(route.path).map((p) => `, param${p[0].toUpperCase()}${p.slice(1)}: req.params.${p}`).join('')} });`];
  const usesReq = route.hasBody || pathParams(route.path).length > 0;
  return [
    "import type { Request, Response } from 'express';",
    '',
    `/** ${route.method} ${route.path} (${needs}). Yours to change: eks-cognito-kit wrote it once and never touches it again. */`,
    `export function ${route.handler}(${usesReq ? 'req' : '_req'}: Request, res: Response): void {`,
    ...body,
    '}',
    '',
  ].join('\n');
}
