/**
 * Reads `.eks-cognito-kit/issuer.json` back and checks it has the shape `toIssuerSpec` writes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IssuerConfigError } from './issuer-config-error';
import { ISSUER_SPEC_PATH, IssuerSpec } from './issuer-spec';

/** Loads the issuer spec of the service repository at `dir`; throws `IssuerConfigError` with a fix-it hint. */
export function readIssuerSpec(dir: string): IssuerSpec {
  const path = join(dir, ISSUER_SPEC_PATH);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new IssuerConfigError(`${path} not found; run \`npx projen\` in the service repository first (or pass --dir <repo>).`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new IssuerConfigError(`${path} is not valid JSON (${(e as Error).message}); run \`npx projen\` to rewrite it.`);
  }
  const problems = shapeProblems(value);
  if (problems.length > 0) {
    throw new IssuerConfigError(`${path} is not an issuer spec this kit understands (${problems.join('; ')}); run \`npx projen\` to rewrite it.`);
  }
  return value as IssuerSpec;
}

function shapeProblems(value: unknown): string[] {
  if (!isObject(value)) return ['not an object'];
  const problems: string[] = [];
  const expect = (ok: boolean, field: string, what: string) => {
    if (!ok) problems.push(`${field} must be ${what}`);
  };
  for (const field of ['service', 'region', 'userPoolId', 'resourceServer']) {
    expect(typeof value[field] === 'string' && value[field] !== '', field, 'a non-empty string');
  }
  for (const field of ['issuerPort', 'servicePort', 'accessTokenValiditySeconds']) {
    expect(Number.isInteger(value[field]) && (value[field] as number) > 0, field, 'a positive integer');
  }
  const clients = value.clients;
  expect(Array.isArray(clients) && clients.every(isClient), 'clients', 'a list of { name, envName, generateSecret, scopes }');
  const userAuth = value.userAuth;
  expect(userAuth === undefined || (isObject(userAuth)
    && typeof userAuth.webClientName === 'string'
    && typeof userAuth.albArn === 'string'
    && Number.isInteger(userAuth.sessionTimeoutSeconds)), 'userAuth', '{ webClientName, albArn, sessionTimeoutSeconds } when present');
  if (isObject(userAuth)) problems.push(...hostedUiProblems(userAuth));
  const calls = value.calls;
  expect(calls === undefined || (Array.isArray(calls) && calls.every(isCall)), 'calls',
    'a list of { name, envName, client, clientEnvName, baseUrl, self } when present');
  return problems;
}

function hostedUiProblems(userAuth: Record<string, unknown>): string[] {
  const isStrings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');
  const policy = userAuth.passwordPolicy;
  const checks: Array<[boolean, string]> = [
    [isStrings(userAuth.callbackUrls) && isStrings(userAuth.logoutUrls) && isStrings(userAuth.scopes), 'callbackUrls, logoutUrls and scopes lists'],
    [Number.isInteger(userAuth.idTokenValiditySeconds) && Number.isInteger(userAuth.refreshTokenValiditySeconds), 'whole-second token validities'],
    [isObject(policy) && Number.isInteger(policy.minimumLength)
      && ['requireLowercase', 'requireUppercase', 'requireNumbers', 'requireSymbols'].every((k) => typeof policy[k] === 'boolean'), 'a passwordPolicy'],
    [typeof userAuth.selfSignUp === 'boolean' && isStrings(userAuth.autoVerifiedAttributes), 'selfSignUp and autoVerifiedAttributes'],
  ];
  return checks.filter(([ok]) => !ok).map(([, what]) => `userAuth must have ${what}`);
}

function isClient(value: unknown): boolean {
  return isObject(value)
    && typeof value.name === 'string'
    && typeof value.envName === 'string'
    && typeof value.generateSecret === 'boolean'
    && Array.isArray(value.scopes) && value.scopes.every((s) => typeof s === 'string');
}

function isCall(value: unknown): boolean {
  return isObject(value)
    && ['name', 'envName', 'client', 'clientEnvName', 'baseUrl'].every((k) => typeof value[k] === 'string')
    && typeof value.self === 'boolean';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
