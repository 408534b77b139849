/**
 * Resolves and checks the outbound calls: each a camelCase name, an https (or loopback http) base URL,
 * an app client with a secret, and scopes the resource server declares and the client is granted.
 */
import type { AppClient, OutboundCall, Route, Scope } from '../model';
import type { CallOptions, RouteOptions } from '../options';
import { Problems } from './problems';

const CAMEL_CASE = /^[a-z][A-Za-z0-9]*$/;

/** Resolves `calls`, looking clients and scopes up in the resolved Cognito part. */
export function resolveCalls(
  options: readonly CallOptions[], clients: readonly AppClient[], scopeByName: ReadonlyMap<string, Scope>, host: string, problems: Problems,
): OutboundCall[] {
  problems.unique(options, (c) => c.name, (i) => `calls[${i}].name`, 'the call');
  problems.unique(options, (c) => toCallEnvName(c.name ?? ''), (i) => `calls[${i}].name`, 'the CALL_*_BASE_URL variable of');
  return options.flatMap((c, i): OutboundCall[] => {
    const at = `calls[${i}]`;
    const nameOk = problems.check(typeof c.name === 'string' && CAMEL_CASE.test(c.name) && c.name.length <= 64, `${at}.name`, c.name,
      'must be a camelCase identifier of letters and digits starting with a lower-case letter (for example "ordersApi").');
    const url = parseBaseUrl(c.baseUrl);
    problems.check(url !== undefined, `${at}.baseUrl`, c.baseUrl,
      'must be an absolute https URL without query, fragment or credentials (for example "https://orders.example.com"); http is allowed only for localhost, 127.0.0.1 or [::1].');
    const client = clients.find((x) => x.name === c.client);
    if (!client) {
      problems.add(`${at}.client`, c.client, `is not an app client (declared: ${clients.map((x) => x.name).join(', ') || 'none'}); add it to cognito.clients or name a declared one.`);
    } else {
      problems.check(client.generateSecret, `${at}.client`, c.client,
        'has no secret (generateSecret: false), and only a client with a secret gets client-credentials tokens; choose a client with a secret.');
    }
    const names = c.scopes ?? client?.scopes.map((s) => s.name) ?? [];
    problems.unique(names, (s) => s, (j) => `${at}.scopes[${j}]`, 'the scope');
    if (client && names.length === 0) {
      problems.add(`${at}.scopes`, names, `is empty and client "${client.name}" is granted no scope, so Cognito issues it no token; grant the client a scope in cognito.clients.`);
    }
    const scopes = names.flatMap((name, j) => {
      const scope = scopeByName.get(name);
      if (!scope) {
        problems.add(`${at}.scopes[${j}]`, name,
          `is not a scope of the resource server (declared: ${[...scopeByName.keys()].join(', ') || 'none'}); declare it in cognito.resourceServer.scopes or use a declared scope.`);
        return [];
      }
      if (client && !client.scopes.some((s) => s.name === name)) {
        problems.add(`${at}.scopes[${j}]`, name,
          `is not granted to client "${client.name}" (granted: ${client.scopes.map((s) => s.name).join(', ') || 'none'}); add it to that client's scopes or remove it here.`);
      }
      return [scope];
    });
    if (!nameOk || !url || !client) return [];
    return [{ name: c.name, envName: toCallEnvName(c.name), baseUrl: url.href.replace(/\/$/, ''), self: url.hostname === host, scopes, client }];
  });
}

/** Checks each route's `relay` against the resolved calls. */
export function checkRelays(routes: readonly RouteOptions[], resolved: readonly Route[], calls: readonly CallOptions[], problems: Problems): Route[] {
  return resolved.map((route, i) => {
    const relay = routes[i].relay;
    if (relay === undefined) return route;
    const at = `routes[${i}].relay`;
    problems.check(calls.some((c) => c.name === relay.call), `${at}.call`, relay.call,
      `is not the name of a call (declared: ${calls.map((c) => c.name).join(', ') || 'none'}); add it to calls or name a declared one.`);
    problems.check(typeof relay.path === 'string' && /^\/[A-Za-z0-9._~\-/]*$/.test(relay.path) && !relay.path.includes('//'), `${at}.path`, relay.path,
      'must be a path starting with "/" of letters, digits and "._~-/" (for example "/api/orders/recent").');
    return { ...route, relay: { call: relay.call, path: relay.path } };
  });
}

/** `ordersApi` becomes `ORDERS_API`. */
export function toCallEnvName(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

function parseBaseUrl(value: unknown): URL | undefined {
  if (typeof value !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  const schemeOk = url.protocol === 'https:' || (url.protocol === 'http:' && loopback);
  const clean = url.search === '' && url.hash === '' && url.username === '' && url.password === '' && !value.includes('?') && !value.includes('#');
  return schemeOk && clean ? url : undefined;
}
