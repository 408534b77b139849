/**
 * Resolves and checks the route list, the single source of scopes, handlers, tests and Ingress paths.
 */
import type { Route, Scope } from '../model';
import type { RouteOptions } from '../options';
import { Problems } from './problems';
import { lastSegmentName, pathParams, toExpressPath, toKebab, toSamplePath } from './routes';
import { isIdentifier } from './rules';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const BODY_METHODS = ['POST', 'PUT', 'PATCH'];
const RESERVED_PATHS = ['/healthz', '/readyz'];
const SEGMENT = /^(?:[A-Za-z0-9._~-]+|\{[A-Za-z_][A-Za-z0-9_]*\})$/;

/** Resolves routes, looking scopes up by name. */
export function resolveRoutes(options: readonly RouteOptions[], scopeByName: Map<string, Scope>, hasUserAuth: boolean, problems: Problems): Route[] {
  problems.check(options.length > 0, 'routes', [], 'must list at least one route.');
  const defaultNames = options.map((r) => lastSegmentName(r.path ?? ''));
  const routes = options.map((r, i): Route => {
    const at = `routes[${i}]`;
    problems.check(METHODS.includes(r.method), `${at}.method`, r.method, `must be one of ${METHODS.join(', ')}.`);
    const path = r.path ?? '';
    const segments = path.split('/').slice(1);
    const pathOk = path.startsWith('/') && path.length <= 1024 && (path === '/' || segments.every((s) => SEGMENT.test(s)));
    problems.check(pathOk, `${at}.path`, path,
      'must start with "/" and use segments of letters, digits, "._~-" or one {param}, with no "*", "//" or trailing "/" (for example "/api/demo/items/{id}").');
    problems.check(!RESERVED_PATHS.includes(path), `${at}.path`, path, 'is reserved for the health probes; choose another path.');
    const params = pathParams(path);
    problems.unique(params, (p) => p, () => `${at}.path`, 'a parameter of');

    const auth = r.auth ?? 'bearer';
    problems.check(['bearer', 'alb-user', 'none'].includes(auth), `${at}.auth`, auth, 'must be "bearer", "alb-user" or "none".');
    problems.check(auth !== 'alb-user' || hasUserAuth, `${at}.auth`, auth, 'needs user sign-in; set userAuth: { host } or use auth: "bearer".');
    const scopeNames = r.scopes ?? [];
    problems.check(auth === 'bearer' || scopeNames.length === 0, `${at}.scopes`, scopeNames,
      `only apply to auth: "bearer"; remove them or change auth from "${auth}".`);
    problems.unique(scopeNames, (s) => s, (j) => `${at}.scopes[${j}]`, 'the scope');
    const scopes = scopeNames.flatMap((name, j) => {
      const scope = scopeByName.get(name);
      if (!scope) {
        problems.add(`${at}.scopes[${j}]`, name,
          `is not a scope of the resource server (declared: ${[...scopeByName.keys()].join(', ') || 'none'}); add { name: '${name}' } to cognito.resourceServer.scopes or use a declared scope.`);
      }
      return scope ? [scope] : [];
    });

    const clash = defaultNames.filter((n) => n === defaultNames[i]).length > 1;
    const derived = clash ? `${r.method.toLowerCase()}${defaultNames[i][0].toUpperCase()}${defaultNames[i].slice(1)}` : defaultNames[i];
    const handler = r.handler ?? derived;
    problems.check(isIdentifier(handler), `${at}.handler`, handler, 'must be a JavaScript identifier such as "listItems".');
    return {
      method: r.method,
      path,
      expressPath: toExpressPath(path),
      samplePath: toSamplePath(path),
      auth,
      hasBody: BODY_METHODS.includes(r.method),
      scopes,
      handler,
      handlerModule: toKebab(handler),
    };
  });
  problems.unique(routes, (r) => `${r.method} ${r.path.replace(/\{[^}]*\}/g, '{}')}`, (i) => `routes[${i}]`, 'the route');
  problems.unique(routes, (r) => r.handler, (i) => `routes[${i}].handler`, 'the handler of');
  return routes;
}
