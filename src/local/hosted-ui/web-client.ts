/**
 * The web app client as the hosted UI sees it: its id, and the callback and sign-out URLs it accepts,
 * those of the Cognito template plus their local ALB equivalents on `http://localhost:<albPort>`.
 */
import type { DevCredentials } from '../credentials-store';
import type { IssuerSpec } from '../issuer-spec';

/** Default port of the local ALB (`ALB_PORT`). */
export const DEFAULT_ALB_PORT = 8081;

/** The web client the ALB signs users in with. */
export interface WebClient {
  readonly name: string;
  readonly clientId: string;
  readonly callbackUrls: readonly string[];
  readonly logoutUrls: readonly string[];
  /** The client's allowed OAuth scopes. */
  readonly scopes: readonly string[];
}

/** The spec's web client with its local id; undefined without `userAuth`. */
export function webClientOf(spec: IssuerSpec, credentials: DevCredentials, albPort: number): WebClient | undefined {
  const userAuth = spec.userAuth;
  const clientId = userAuth && credentials.clients.get(userAuth.webClientName)?.clientId;
  if (!userAuth || !clientId) return undefined;
  return {
    name: userAuth.webClientName,
    clientId,
    callbackUrls: withLocalEquivalents(userAuth.callbackUrls, albPort),
    logoutUrls: withLocalEquivalents(userAuth.logoutUrls, albPort),
    scopes: userAuth.scopes,
  };
}

/**
 * The URLs and, for each, the same path on the local ALB. Only that one http origin is added: Cognito
 * accepts http callback URLs for localhost alone, and any other port could be another program.
 */
export function withLocalEquivalents(urls: readonly string[], albPort: number): string[] {
  const local = urls.map((url) => {
    const { pathname, search } = new URL(url);
    return `http://localhost:${albPort}${pathname}${search}`;
  });
  return [...new Set([...urls, ...local])];
}

/** The origins of the callback URLs, for the pages' `form-action`. */
export function callbackOrigins(client: WebClient): string[] {
  return [...new Set(client.callbackUrls.map((url) => new URL(url).origin))];
}
