/**
 * Renders the generated service's route table (`src/routes.ts`) from the model's routes.
 */
import type { ServiceModel } from '../spec';

/** Text of `src/routes.ts`: one entry per route, handlers imported from the user's files. */
export function renderRouteTable(model: ServiceModel): string {
  const imports = [...model.routes]
    .sort((a, b) => a.handlerModule.localeCompare(b.handlerModule))
    .map((r) => `import { ${r.handler} } from './handlers/${r.handlerModule}';`);
  const entries = model.routes.map((r) => [
    '  {',
    `    method: '${r.method}',`,
    `    path: '${r.expressPath}',`,
    `    auth: '${r.auth}',`,
    `    scopes: [${r.scopes.map((s) => `'${s.fullName}'`).join(', ')}],`,
    `    handler: ${r.handler},`,
    '  },',
  ].join('\n'));
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

/** Text of `src/main.ts`, the process entry point. */
export function renderMain(model: ServiceModel): string {
  return [
    "import { startServer } from './kit/server';",
    "import { ROUTES } from './routes';",
    '',
    `void startServer({ routes: ROUTES, serviceName: '${model.name}' });`,
    '',
  ].join('\n');
}
