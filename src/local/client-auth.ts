/**
 * Client authentication at the token endpoint: `client_secret_basic` or `client_secret_post`, never both.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ClientCredentials } from './credentials-store';
import type { IssuerClientSpec } from './issuer-spec';
import { OAuthError } from './oauth-error';

/** A client whose secret checked out. */
export interface AuthenticatedClient {
  readonly spec: IssuerClientSpec;
  readonly clientId: string;
}

/** Authenticates the caller from the Authorization header or the form; throws `OAuthError` otherwise. */
export function authenticateClient(
  authorization: string | undefined,
  form: URLSearchParams,
  clients: readonly IssuerClientSpec[],
  credentials: ReadonlyMap<string, ClientCredentials>,
): AuthenticatedClient {
  const basic = authorization === undefined ? undefined : parseBasic(authorization);
  const formId = form.get('client_id') ?? undefined;
  const formSecret = form.get('client_secret') ?? undefined;
  if (basic && formSecret !== undefined) {
    throw new OAuthError('invalid_request', 'both HTTP Basic and client_secret in the body');
  }
  if (basic && formId !== undefined && formId !== basic.id) {
    throw new OAuthError('invalid_client', 'client_id in the body differs from the one in HTTP Basic');
  }
  const id = basic?.id ?? formId;
  const secret = basic?.secret ?? formSecret;
  if (id === undefined) throw new OAuthError('invalid_client', 'no client authentication');

  const spec = clients.find((c) => credentials.get(c.name)?.clientId === id);
  const expected = spec && credentials.get(spec.name)?.clientSecret;
  if (!spec) throw new OAuthError('invalid_client', 'unknown client id');
  if (!expected) throw new OAuthError('invalid_client', `client ${spec.name} has no secret`);
  if (secret === undefined || !sameSecret(secret, expected)) throw new OAuthError('invalid_client', `wrong secret for ${spec.name}`);
  return { spec, clientId: id };
}

function parseBasic(header: string): { id: string; secret: string } {
  const match = /^Basic +([A-Za-z0-9+/]+={0,2}) *$/i.exec(header);
  const decoded = match ? Buffer.from(match[1], 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  if (colon < 1) throw new OAuthError('invalid_client', 'Authorization is not HTTP Basic with <client id>:<secret>');
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

function sameSecret(given: string, expected: string): boolean {
  // Comparing digests keeps the comparison constant-time whatever the lengths.
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
