/**
 * The integration cases of each route, derived from its scopes and the clients that hold them.
 */
import type { AppClient, Route, ServiceModel } from '../spec';

/** One HTTP expectation of the integration script. */
export interface IntegCase {
  readonly route: Route;
  readonly status: 200 | 401 | 403;
  readonly label: string;
  /** `envName` of the client whose token is sent, or undefined for no token. */
  readonly client?: string;
}

/** A case that cannot run, with the reason printed by the script. */
export interface SkippedCase {
  readonly route: Route;
  readonly reason: string;
}

/** Cases and skips for every route, in route order. */
export function integCases(model: ServiceModel): { cases: IntegCase[]; skipped: SkippedCase[] } {
  const grantable = model.cognito.clients.filter((c) => c.generateSecret && c.scopes.length > 0);
  const holds = (c: AppClient, r: Route) => r.scopes.every((s) => c.scopes.some((x) => x.name === s.name));
  const cases: IntegCase[] = [];
  const skipped: SkippedCase[] = [];
  for (const route of model.routes) {
    if (route.auth === 'none') {
      cases.push({ route, status: 200, label: 'public route, no token' });
      continue;
    }
    // Routes behind user sign-in are checked through the sign-in host (sign-in-checks.ts).
    if (route.auth === 'alb-user') continue;
    cases.push({ route, status: 401, label: 'no access token' });
    const names = route.scopes.map((s) => s.name).join(' ') || 'no scope';
    const lacking = grantable.find((c) => !holds(c, route));
    if (route.scopes.length > 0 && lacking) {
      cases.push({ route, status: 403, label: `token of ${lacking.name}, which lacks ${names}`, client: lacking.envName });
    } else if (route.scopes.length > 0) {
      skipped.push({ route, reason: `403: every client holds ${names}` });
    }
    const holder = grantable.find((c) => holds(c, route));
    // A relaying route's 200 is also its outbound call answering, end to end.
    const relay = route.relay ? `, through call ${route.relay.call}` : '';
    if (holder) cases.push({ route, status: 200, label: `token of ${holder.name} with ${names}${relay}`, client: holder.envName });
    else skipped.push({ route, reason: `200: no client with a secret holds ${names}` });
  }
  return { cases, skipped };
}
