/**
 * Resolves and checks the Cognito part of the spec: scopes, clients, domain, stack outputs.
 */
import { DEFAULT_CLIENTS, DEFAULT_SCOPES, DEFAULTS } from '../defaults';
import type { AppClient, Cognito, Scope } from '../model';
import type { CognitoOptions } from '../options';
import { Problems } from './problems';
import { toClientLogicalId, toEnvName } from './routes';
import { isClientName, isDomainPrefix, isIntIn, isScopeName } from './rules';

/** What the rest of the spec needs to know to resolve Cognito. */
export interface CognitoContext {
  readonly name: string;
  readonly region: string;
  readonly host: string;
  readonly clusterName: string;
  /** Name of the ALB sign-in web client, when user sign-in is enabled. */
  readonly webClientName?: string;
}

/** Resolves Cognito options; scopes are looked up by name through the returned map. */
export function resolveCognito(options: CognitoOptions, ctx: CognitoContext, problems: Problems): Cognito & { scopeByName: Map<string, Scope> } {
  const identifier = options.resourceServer?.identifier ?? `https://${ctx.host}`;
  problems.check(/^\S{1,256}$/.test(identifier), 'cognito.resourceServer.identifier', identifier,
    'must be 1 to 256 characters without spaces, for example "https://gateway.example.com".');

  const scopeOptions = options.resourceServer?.scopes ?? DEFAULT_SCOPES;
  problems.unique(scopeOptions, (s) => s.name, (i) => `cognito.resourceServer.scopes[${i}].name`, 'the scope');
  const scopes: Scope[] = scopeOptions.map((s, i) => {
    problems.check(isScopeName(s.name), `cognito.resourceServer.scopes[${i}].name`, s.name,
      'must be printable ASCII without spaces, quotes, "/" or "\\", for example "demo.read".');
    return { name: s.name, description: s.description ?? s.name, fullName: `${identifier}/${s.name}` };
  });
  const scopeByName = new Map(scopes.map((s) => [s.name, s]));

  const clientOptions = options.clients ?? DEFAULT_CLIENTS;
  problems.unique(clientOptions, (c) => c.name, (i) => `cognito.clients[${i}].name`, 'the client');
  problems.unique(clientOptions, (c) => toEnvName(c.name), (i) => `cognito.clients[${i}].name`, 'the CLIENT_CREDENTIALS_* variable of');
  const clients: AppClient[] = clientOptions.map((c, i) => {
    problems.check(isClientName(c.name), `cognito.clients[${i}].name`, c.name,
      'must start with a letter and use letters, digits or + = , . @ - _ (for example "readClient").');
    const generateSecret = c.generateSecret ?? true;
    const clientScopes = (c.scopes ?? []).flatMap((name, j) => {
      const scope = scopeByName.get(name);
      if (!scope) {
        problems.add(`cognito.clients[${i}].scopes[${j}]`, name,
          `is not a scope of the resource server (declared: ${[...scopeByName.keys()].join(', ') || 'none'}); declare it in cognito.resourceServer.scopes or remove it.`);
      }
      return scope ? [scope] : [];
    });
    problems.unique(c.scopes ?? [], (s) => s, (j) => `cognito.clients[${i}].scopes[${j}]`, 'the scope');
    problems.check(generateSecret || clientScopes.length === 0, `cognito.clients[${i}].generateSecret`, generateSecret,
      'is false, but Cognito grants client-credentials tokens only to clients with a secret; set generateSecret: true or remove the scopes.');
    return { name: c.name, logicalId: toClientLogicalId(c.name), envName: toEnvName(c.name), scopes: clientScopes, generateSecret };
  });

  if (ctx.webClientName) {
    clients.forEach((c, i) => problems.check(c.name !== ctx.webClientName && c.logicalId !== toClientLogicalId(ctx.webClientName!),
      `cognito.clients[${i}].name`, c.name, `clashes with the sign-in client "${ctx.webClientName}" that userAuth adds; rename the client.`));
  }

  const domainPrefix = options.domainPrefix ?? `${ctx.name}-${ctx.clusterName}`.toLowerCase();
  problems.check(isDomainPrefix(domainPrefix), 'cognito.domainPrefix', domainPrefix,
    'must be a DNS label (a-z, 0-9, "-", at most 63 characters) without "aws", "amazon" or "cognito"; set cognito.domainPrefix.');

  const validity = options.accessTokenValidityMinutes ?? DEFAULTS.accessTokenValidityMinutes;
  problems.check(isIntIn(validity, 5, 1440), 'cognito.accessTokenValidityMinutes', validity,
    'must be a whole number of minutes from 5 to 1440 (Cognito\'s limits).');

  const userPoolName = options.userPoolName ?? `${ctx.name}-users`;
  problems.check(/^[\w\s+=,.@-]{1,128}$/.test(userPoolName), 'cognito.userPoolName', userPoolName,
    'must be 1 to 128 letters, digits, spaces or + = , . @ - _.');

  return {
    userPoolName,
    domainPrefix,
    resourceServer: { identifier, name: options.resourceServer?.name ?? DEFAULTS.resourceServerName, scopes },
    clients,
    accessTokenValidityMinutes: validity,
    deployed: resolveDeployed(options, ctx, clients.map((c) => c.name), problems),
    hostedUiUrl: `https://${domainPrefix}.auth.${ctx.region}.amazoncognito.com`,
    tokenEndpoint: `https://${domainPrefix}.auth.${ctx.region}.amazoncognito.com/oauth2/token`,
    scopeByName,
  };
}

function resolveDeployed(options: CognitoOptions, ctx: CognitoContext, clientNames: string[], problems: Problems): Cognito['deployed'] {
  const d = options.deployed;
  if (!d) return undefined;
  const region = ctx.region;
  const names = ctx.webClientName ? [...clientNames, ctx.webClientName] : clientNames;
  problems.check(/^\d{12}$/.test(d.accountId), 'cognito.deployed.accountId', d.accountId, 'must be a 12-digit AWS account id.');
  problems.check(new RegExp(`^${region}_[0-9a-zA-Z]+$`).test(d.userPoolId), 'cognito.deployed.userPoolId', d.userPoolId,
    `must be the stack's UserPoolId output, "${region}_" followed by letters and digits.`);
  const known = new Set(names);
  for (const [name, id] of Object.entries(d.clientIds)) {
    problems.check(known.has(name), `cognito.deployed.clientIds.${name}`, id, `names no declared client (declared: ${[...known].join(', ')}).`);
    problems.check(/^[\w+]{1,128}$/.test(id), `cognito.deployed.clientIds.${name}`, id, 'must be the client id from the stack outputs (letters and digits).');
  }
  for (const name of names) {
    problems.check(d.clientIds[name] !== undefined, `cognito.deployed.clientIds.${name}`, undefined,
      `is missing; copy the ${toClientLogicalId(name)}Id stack output.`);
  }
  const partition = region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
  return {
    accountId: d.accountId,
    userPoolId: d.userPoolId,
    userPoolArn: `arn:${partition}:cognito-idp:${region}:${d.accountId}:userpool/${d.userPoolId}`,
    clientIds: { ...d.clientIds },
  };
}
