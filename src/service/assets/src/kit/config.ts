import { fetchUrlProblem } from './key-fetcher';

/** The service's validated runtime configuration, read from the environment. */
export interface ServiceConfig {
  /** The Cognito user pool id (COGNITO_USER_POOL_ID). */
  readonly userPoolId: string;
  /** The token issuer, `https://cognito-idp.<region>.amazonaws.com/<userPoolId>`. */
  readonly issuer: string;
  /** The app clients whose tokens are accepted (COGNITO_CLIENT_IDS); `'*'` means any client. */
  readonly clientIds: readonly string[] | '*';
  /** A JWKS URL that replaces the pool's (COGNITO_JWKS_URI), e.g. a local issuer. */
  readonly jwksUri?: string;
  /** The TCP port to listen on (PORT); 0 picks a free port. */
  readonly port: number;
}

/** Reads one environment variable, trimmed; an empty value counts as unset. */
export type EnvReader = (name: string) => string | undefined;

/** The shape of an app client id, as aws-jwt-verify accepts it. */
export const CLIENT_ID = /^[\w+]{1,128}$/;

// Same shape aws-jwt-verify accepts, so a value that passes here never fails there.
const USER_POOL_ID = /^((?:eusc-[a-z]{2}|[a-z]{2})-(?:gov-)?[a-z]+-\d)_[a-zA-Z0-9]+$/;

/** Reads and validates the configuration, adding each problem with its fix to `problems`; undefined when there is one. */
export function readConfig(read: EnvReader, problems: string[]): ServiceConfig | undefined {
  const found = problems.length;
  const userPoolId = read('COGNITO_USER_POOL_ID');
  const region = userPoolId ? USER_POOL_ID.exec(userPoolId)?.[1] : undefined;
  if (!userPoolId) {
    problems.push('COGNITO_USER_POOL_ID is not set: set it to the user pool id, e.g. eu-west-1_AbCdEf123');
  } else if (!region) {
    problems.push(`COGNITO_USER_POOL_ID="${userPoolId}" is not a user pool id: use the form <region>_<id>, e.g. eu-west-1_AbCdEf123`);
  }
  const clientIds = readClientIds(read('COGNITO_CLIENT_IDS'), problems);
  const jwksUri = readUrl(read, 'COGNITO_JWKS_URI', problems);
  const port = read('PORT') ?? '8080';
  if (!/^\d+$/.test(port) || Number(port) > 65535) {
    problems.push(`PORT="${port}" is not a TCP port: use an integer from 0 to 65535 (0 picks a free port), or unset it for 8080`);
  }
  if (problems.length > found || !userPoolId || !clientIds) return undefined;
  const issuer = `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
  return { userPoolId, issuer, clientIds, ...(jwksUri ? { jwksUri } : {}), port: Number(port) };
}

/** Reads a URL keys or pages are fetched from: https, or http on loopback only; a problem names the variable. */
export function readUrl(read: EnvReader, name: string, problems: string[]): string | undefined {
  const value = read(name);
  const problem = value === undefined ? undefined : fetchUrlProblem(value);
  if (problem) problems.push(`${name}="${value}" ${problem}`);
  return problem ? undefined : value;
}

// `*` accepts any client of the pool, and must be written explicitly.
function readClientIds(value: string | undefined, problems: string[]): readonly string[] | '*' | undefined {
  if (value === '*') return '*';
  const ids = value?.split(',').map((id) => id.trim()) ?? [];
  const bad = ids.filter((id) => !CLIENT_ID.test(id)).map((id) => `"${id}"`);
  if (!value) {
    problems.push('COGNITO_CLIENT_IDS is not set: set it to the comma-separated app client ids whose tokens this service accepts, or to * to accept any client of the pool');
  } else if (bad.length > 0) {
    problems.push(`COGNITO_CLIENT_IDS="${value}" has invalid client ids (${bad.join(', ')}): use app client ids separated by commas, or * alone for any client`);
  }
  return value && bad.length === 0 ? [...new Set(ids)] : undefined;
}
