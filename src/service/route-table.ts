/**
 * Renders the generated service's route table (`src/routes.ts`) and entry point (`src/main.ts`) from
 * the model. Every value is written as a serialized literal.
 */
import { toTsLiteral, tsString } from '../private/ts-literal';
import type { ServiceModel } from '../spec';

/** Path of the user-owned composition root, relative to `src/`, without its extension. */
export const COMPOSITION_ROOT = './app';

/** Text of `src/routes.ts`: one entry per route, handlers imported from the user's files. */
export function renderRouteTable(model: ServiceModel): string {
  const imports = [...model.routes]
    .sort((a, b) => a.handlerModule.localeCompare(b.handlerModule))
    .map((r) => `import { ${r.handler} } from ${tsString(`./handlers/${r.handlerModule}`)};`);
  const entries = model.routes.map((r) => {
    // The handler is an identifier the spec validated, not data: the imported function itself.
    const fields = [`method: ${tsString(r.method)}`, `path: ${tsString(r.expressPath)}`, `auth: ${tsString(r.auth)}`,
      `scopes: ${toTsLiteral(r.scopes.map((s) => s.fullName), '    ', false)}`, `handler: ${r.handler}`];
    // One line when it fits the kit's 150 columns, as prettier would print it; else a field per line.
    const line = `  { ${fields.join(', ')} },`;
    return line.length <= 150 && !line.includes('\n') ? line : ['  {', ...fields.map((f) => `    ${f},`), '  },'].join('\n');
  });
  return [
    ...imports,
    "import type { RouteDefinition } from './kit/route';",
    '',
    '/** The routes of .projenrc.ts: path, protection and required scopes, with their handlers. */',
    'export const ROUTES: readonly RouteDefinition[] = [',
    ...entries,
    '];',
    '',
  ].join('\n');
}

/** Text of `src/main.ts`, the process entry point: the kit's server, the routes, the owner's `configure` and user sign-in. */
export function renderMain(model: ServiceModel): string {
  const signIn = model.userAuth && `userSignIn({ signOutPath: ${tsString(model.userAuth.signOutPath)} })`;
  const options = ['routes: ROUTES', `serviceName: ${tsString(model.name)}`, 'configure',
    ...(signIn ? ['userSignIn: signIn'] : []), ...(model.calls.length > 0 ? ['outbound: calls'] : [])];
  return [
    `import { configure } from ${tsString(COMPOSITION_ROOT)};`,
    ...(model.calls.length > 0 ? ["import { calls } from './calls';"] : []),
    "import { startServer } from './kit/server';",
    ...(signIn ? ["import { userSignIn } from './kit/user-sign-in';"] : []),
    "import { ROUTES } from './routes';",
    '',
    ...(signIn ? [`const signIn = ${signIn};`] : []),
    `void startServer({ ${options.join(', ')} });`,
    '',
  ].join('\n');
}

/** Text of the user-owned `src/app.ts`, written once. */
export function renderCompositionRoot(): string {
  return `import type { Express } from 'express';

/**
 * Yours: eks-cognito-kit wrote this file once and never touches it again.
 *
 * Called once at start-up (and by the generated tests) with the service's Express app, after the kit's
 * request log and health probes and before the routes, so middleware added here (CORS, metrics, a
 * database pool in app.locals, a parser for another body type) runs for every route. Each route's
 * token or sign-in check still runs before its body is parsed and its handler is called; a middleware
 * here runs for anonymous callers too, so keep expensive work in the handlers.
 */
export function configure(_app: Express): void {
  // Nothing yet: rename the parameter to \`app\` when you add the first middleware.
}
`;
}
