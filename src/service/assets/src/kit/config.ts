import { ConfigError } from './errors';
import type { SignOutConfig } from './sign-out';
import { fetchUrlProblem } from './url-policy';

/** The service's validated runtime configuration, read from the environment. */
export interface ServiceConfig {
  /** The Cognito user pool id (COGNITO_USER_POOL_ID). */
  readonly userPoolId: string;
  /** The AWS region, derived from the user pool id. */
  readonly region: string;
  /** The token issuer, `https://cognito-idp.<region>.amazonaws.com/<userPoolId>`. */
  readonly issuer: string;
  /** The app clients whose tokens are accepted (COGNITO_CLIENT_IDS); `'*'` means any client. */
  readonly clientIds: readonly string[] | '*';
  /** A JWKS URL that replaces the pool's (COGNITO_JWKS_URI), e.g. a local issuer. */
  readonly jwksUri?: string;
  /** The TCP port to listen on (PORT); 0 picks a free port. */
  readonly port: number;
  /** The ALB settings for `alb-user` routes, present when LoadConfigOptions.requireAlbUser is set. */
  readonly albUser?: AlbUserConfig;
  /** Where the sign-out route redirects, present when LoadConfigOptions.requireSignOut is set. */
  readonly signOut?: SignOutConfig;
}

/** The ALB that authenticates users for `alb-user` routes. */
export interface AlbUserConfig {
  /** The load balancer ARN, expected as the token's signer (ALB_ARN). */
  readonly albArn: string;
  /** The app client the ALB uses (ALB_CLIENT_ID). */
  readonly clientId: string;
  /** A base URL that replaces the ALB public-key endpoint (ALB_PUBLIC_KEYS_URI). */
  readonly publicKeysUri?: string;
}

/** Options of loadConfig. */
export interface LoadConfigOptions {
  /**
   * Whether some route uses `alb-user`, which makes ALB_ARN and ALB_CLIENT_ID required.
   * @default false
   */
  readonly requireAlbUser?: boolean;
  /**
   * Whether the service has the sign-out route, which makes ALB_CLIENT_ID, COGNITO_HOSTED_UI_URL and
   * SIGN_OUT_REDIRECT_URI required.
   * @default false
   */
  readonly requireSignOut?: boolean;
}

// Same shape aws-jwt-verify accepts, so a value that passes here never fails there.
const USER_POOL_ID = /^((?:eusc-[a-z]{2}|[a-z]{2})-(?:gov-)?[a-z]+-\d)_[a-zA-Z0-9]+$/;
const CLIENT_ID = /^[\w+]{1,128}$/;
const ALB_ARN = /^arn:(?:aws|aws-cn|aws-us-gov):elasticloadbalancing:([a-z]{2}-(?:gov-)?[a-z]+-\d):\d{12}:loadbalancer\/app\/[^/\s]+\/[0-9a-f]+$/;

/** Reads and validates the configuration, throwing a ConfigError that lists every problem with its fix. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: LoadConfigOptions = {}): ServiceConfig {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };

  const userPoolId = read('COGNITO_USER_POOL_ID');
  const region = userPoolId ? USER_POOL_ID.exec(userPoolId)?.[1] : undefined;
  if (!userPoolId) {
    problems.push('COGNITO_USER_POOL_ID is not set: set it to the user pool id, e.g. eu-west-1_AbCdEf123');
  } else if (!region) {
    problems.push(`COGNITO_USER_POOL_ID="${userPoolId}" is not a user pool id: use the form <region>_<id>, e.g. eu-west-1_AbCdEf123`);
  }
  const awsRegion = read('AWS_REGION');
  if (region && awsRegion && awsRegion !== region) {
    problems.push(`AWS_REGION="${awsRegion}" disagrees with the region of COGNITO_USER_POOL_ID (${region}): unset AWS_REGION or use the pool's region`);
  }

  const clientIds = parseClientIds(read('COGNITO_CLIENT_IDS'), problems);
  const jwksUri = readUrl('COGNITO_JWKS_URI', read('COGNITO_JWKS_URI'), problems);
  const port = parsePort(read('PORT'), problems);
  const why = options.requireAlbUser ? 'a route authenticates users at the ALB' : 'the service has the sign-out route';
  const albClientId = options.requireAlbUser || options.requireSignOut ? parseAlbClientId(read('ALB_CLIENT_ID'), why, problems) : undefined;
  const albUser = options.requireAlbUser ? parseAlbUser(read, albClientId, problems) : undefined;
  const signOut = options.requireSignOut ? parseSignOut(read, albClientId, problems) : undefined;

  if (problems.length > 0 || !userPoolId || !region || !clientIds) throw new ConfigError(problems);
  return {
    userPoolId,
    region,
    issuer: `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`,
    clientIds,
    ...(jwksUri ? { jwksUri } : {}),
    port,
    ...(albUser ? { albUser } : {}),
    ...(signOut ? { signOut } : {}),
  };
}

function parseClientIds(value: string | undefined, problems: string[]): readonly string[] | '*' | undefined {
  if (!value) {
    problems.push('COGNITO_CLIENT_IDS is not set: set it to the comma-separated app client ids whose tokens this service accepts, or to * to accept any client of the pool');
    return undefined;
  }
  if (value === '*') return '*';
  const ids = value.split(',').map((id) => id.trim());
  const bad = ids.filter((id) => !CLIENT_ID.test(id));
  if (bad.length > 0) {
    problems.push(`COGNITO_CLIENT_IDS="${value}" has invalid client ids (${bad.map((id) => `"${id}"`).join(', ')}): use app client ids separated by commas, or * alone for any client`);
    return undefined;
  }
  return [...new Set(ids)];
}

function parsePort(value: string | undefined, problems: string[]): number {
  if (value === undefined) return 8080;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    problems.push(`PORT="${value}" is not a TCP port: use an integer from 0 to 65535 (0 picks a free port), or unset it for 8080`);
  }
  return port;
}

function readUrl(name: string, value: string | undefined, problems: string[]): string | undefined {
  const problem = value === undefined ? undefined : fetchUrlProblem(value);
  if (problem) problems.push(`${name}="${value}" ${problem}`);
  return problem ? undefined : value;
}

function parseAlbClientId(clientId: string | undefined, why: string, problems: string[]): string | undefined {
  if (!clientId) {
    problems.push(`ALB_CLIENT_ID is not set but ${why}: set it to the app client id the load balancer authenticates with`);
  } else if (!CLIENT_ID.test(clientId)) {
    problems.push(`ALB_CLIENT_ID="${clientId}" is not an app client id: copy it from the user pool's app clients`);
  }
  return clientId && CLIENT_ID.test(clientId) ? clientId : undefined;
}

function parseAlbUser(read: (name: string) => string | undefined, clientId: string | undefined, problems: string[]): AlbUserConfig | undefined {
  const albArn = read('ALB_ARN');
  const publicKeysUri = readUrl('ALB_PUBLIC_KEYS_URI', read('ALB_PUBLIC_KEYS_URI'), problems);
  const arnRegion = albArn ? ALB_ARN.exec(albArn)?.[1] : undefined;
  if (!albArn) {
    problems.push('ALB_ARN is not set but a route authenticates users at the ALB: set it to the load balancer ARN, e.g. arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/my-alb/50dc6c495c0c9188');
  } else if (!arnRegion) {
    problems.push(`ALB_ARN="${albArn}" is not an application load balancer ARN: use arn:aws:elasticloadbalancing:<region>:<account>:loadbalancer/app/<name>/<id>`);
  }
  if (!albArn || !arnRegion || !clientId) return undefined;
  return { albArn, clientId, ...(publicKeysUri ? { publicKeysUri } : {}) };
}

function parseSignOut(read: (name: string) => string | undefined, clientId: string | undefined, problems: string[]): SignOutConfig | undefined {
  const required = (name: string, fix: string): string | undefined => {
    const value = read(name);
    if (!value) problems.push(`${name} is not set but the service has the sign-out route: ${fix}`);
    return readUrl(name, value, problems);
  };
  const hostedUiUrl = required('COGNITO_HOSTED_UI_URL', 'set it to the hosted UI origin, e.g. https://my-api-123.auth.eu-west-1.amazoncognito.com');
  // Only an origin: /logout is appended to it, and nothing else may steer where the browser goes.
  const origin = hostedUiUrl && new URL(hostedUiUrl).href === `${new URL(hostedUiUrl).origin}/` ? new URL(hostedUiUrl).origin : undefined;
  if (hostedUiUrl && !origin) {
    problems.push(`COGNITO_HOSTED_UI_URL="${hostedUiUrl}" is not an origin: drop the path, query and fragment, e.g. https://my-api-123.auth.eu-west-1.amazoncognito.com`);
  }
  const redirectUri = required('SIGN_OUT_REDIRECT_URI', 'set it to a sign-out URL of the web app client, e.g. https://<userAuth.host>/');
  if (!clientId || !origin || !redirectUri) return undefined;
  return { hostedUiUrl: origin, clientId, redirectUri };
}
