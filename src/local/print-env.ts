/**
 * The shell exports that point seed 003's curl commands and the service at the local issuer.
 */
import { ALB_KEYS_PATH } from './alb-signer';
import type { ClientCredentials, DevCredentials } from './credentials-store';
import type { IssuerSpec } from './issuer-spec';
import { jwksPath } from './jwks';

/**
 * One `export NAME=value` line per variable, values shell-quoted, for an issuer on the given port, a
 * local ALB on `albPort` and the service on `servicePort` (where calls to its own host go).
 */
export function renderEnv(spec: IssuerSpec, credentials: DevCredentials, port: number, albPort: number, servicePort = spec.servicePort): string {
  const base = `http://127.0.0.1:${port}`;
  const idOf = (name: string): ClientCredentials => {
    const found = credentials.clients.get(name);
    if (!found) throw new Error(`no dev credentials for client ${name}; loadDevCredentials() creates them for every client of the spec.`);
    return found;
  };
  const vars: Array<[string, string]> = [
    ['TOKEN_ENDPOINT', `${base}/oauth2/token`],
    ...spec.clients.filter((c) => c.generateSecret).map((c): [string, string] => {
      const { clientId, clientSecret } = idOf(c.name);
      return [`CLIENT_CREDENTIALS_${c.envName}`, Buffer.from(`${clientId}:${clientSecret}`).toString('base64')];
    }),
    ['AWS_REGION', spec.region],
    ['COGNITO_USER_POOL_ID', spec.userPoolId],
    ['COGNITO_CLIENT_IDS', spec.clients.map((c) => idOf(c.name).clientId).join(',')],
    ['COGNITO_JWKS_URI', `${base}${jwksPath(spec)}`],
  ];
  if (spec.userAuth) {
    vars.push(
      ['ALB_ARN', spec.userAuth.albArn],
      ['ALB_CLIENT_ID', idOf(spec.userAuth.webClientName).clientId],
      // For the local ALB only: the service never needs the web client's secret.
      ['ALB_CLIENT_SECRET', idOf(spec.userAuth.webClientName).clientSecret!],
      ['COGNITO_HOSTED_UI_URL', base],
      ['ALB_PUBLIC_KEYS_URI', `${base}${ALB_KEYS_PATH}`],
      // The local equivalent of https://<userAuth.host>/, a logout URL the hosted UI accepts locally.
      ['SIGN_OUT_REDIRECT_URI', `http://localhost:${albPort}/`],
    );
  }
  if (spec.calls) {
    // The outbound calls: a call to the service's own host reaches the local service; the secrets are dev ones.
    spec.calls.forEach((c) => vars.push([`CALL_${c.envName}_BASE_URL`, c.self ? `http://127.0.0.1:${servicePort}` : c.baseUrl]));
    const clients = new Map(spec.calls.map((c) => [c.clientEnvName, c.client]));
    clients.forEach((name, envName) => vars.push(
      [`CLIENT_ID_${envName}`, idOf(name).clientId],
      [`CLIENT_SECRET_${envName}`, idOf(name).clientSecret!],
    ));
  }
  return vars.map(([name, value]) => `export ${name}=${shellQuote(value)}\n`).join('');
}

/** The value as one shell word: bare when it only has characters no shell treats specially, else single-quoted. */
export function shellQuote(value: string): string {
  // A leading '=' would be zsh's =command expansion.
  return /^[A-Za-z0-9_@%+:,./-][A-Za-z0-9_@%+=:,./-]*$/.test(value) ? value : `'${value.replace(/'/g, '\'\\\'\'')}'`;
}
