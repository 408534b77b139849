/**
 * The authentication annotations of an Ingress, parsed with the AWS Load Balancer Controller's defaults.
 * @see https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/#authentication
 */
import type { CognitoAuth, CognitoIdp, UnauthenticatedAction } from './ingress-model';

const PREFIX = 'alb.ingress.kubernetes.io/';
const ACTIONS: readonly UnauthenticatedAction[] = ['authenticate', 'allow', 'deny'];
// RFC 6265 section 4.1.1: a cookie name is an RFC 7230 token.
const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** The ALB's own limit on `SessionTimeout`: 1 second to 7 days. */
const MAX_SESSION_TIMEOUT = 604800;

/**
 * The Cognito authentication of an Ingress, undefined when `auth-type` is `none` (or unset); pushes
 * one fix-it message per bad annotation onto `problems`.
 */
export function cognitoAuthOf(annotations: Readonly<Record<string, string>>, where: string, problems: string[]): CognitoAuth | undefined {
  const get = (key: string): string | undefined => annotations[PREFIX + key];
  const bad = (key: string, value: string, fix: string) => problems.push(`${where}: annotation ${PREFIX}${key}="${value}" ${fix}`);
  const type = get('auth-type') ?? 'none';
  if (type === 'none') return undefined;
  if (type === 'oidc') {
    bad('auth-type', type, 'is not supported by the local ALB; use auth-type "cognito" with auth-idp-cognito');
    return undefined;
  }
  if (type !== 'cognito') {
    bad('auth-type', type, 'is unknown (the controller says "unknown authType"); use none, oidc or cognito');
    return undefined;
  }
  // On AWS an Ingress without an HTTPS listener forwards everything unauthenticated, silently.
  if (!listensOnHttps(get('listen-ports'), get('certificate-arn'))) {
    bad('listen-ports', get('listen-ports') ?? '(unset)', 'has no HTTPS listener, so AWS would skip authentication and forward every request unauthenticated; add {"HTTPS":443}');
  }
  const idp = parseIdp(get('auth-idp-cognito'), (value, fix) => bad('auth-idp-cognito', value, fix));
  const scope = get('auth-scope') ?? 'openid';
  const sessionCookie = get('auth-session-cookie') ?? 'AWSELBAuthSessionCookie';
  if (!COOKIE_NAME.test(sessionCookie)) bad('auth-session-cookie', sessionCookie, 'is not a cookie name; use letters, digits and -_.');
  const timeout = get('auth-session-timeout') ?? String(MAX_SESSION_TIMEOUT);
  const sessionTimeoutSeconds = Number(timeout);
  if (!/^\d+$/.test(timeout) || sessionTimeoutSeconds < 1 || sessionTimeoutSeconds > MAX_SESSION_TIMEOUT) {
    bad('auth-session-timeout', timeout, `is not a session timeout; use whole seconds from 1 to ${MAX_SESSION_TIMEOUT} (7 days)`);
  }
  const action = get('auth-on-unauthenticated-request') ?? 'authenticate';
  if (!ACTIONS.includes(action as UnauthenticatedAction)) bad('auth-on-unauthenticated-request', action, `is not one of ${ACTIONS.join(', ')}`);
  if (!idp) return undefined;
  return { idp, scope, sessionCookie, sessionTimeoutSeconds, onUnauthenticatedRequest: action as UnauthenticatedAction };
}

function listensOnHttps(listenPorts: string | undefined, certificateArn: string | undefined): boolean {
  // The controller's default is [{"HTTP":80}], or [{"HTTPS":443}] when a certificate is configured.
  if (listenPorts === undefined) return certificateArn !== undefined;
  try {
    const ports: unknown = JSON.parse(listenPorts);
    return Array.isArray(ports) && ports.some((p) => typeof p === 'object' && p !== null && 'HTTPS' in p);
  } catch {
    return false;
  }
}

function parseIdp(raw: string | undefined, bad: (value: string, fix: string) => void): CognitoIdp | undefined {
  const fix = 'must be JSON {"userPoolARN","userPoolClientID","userPoolDomain"} (the controller says "missing IDPConfigCognito" when unset)';
  if (raw === undefined) {
    bad('(unset)', fix);
    return undefined;
  }
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(raw);
  } catch {
    bad(raw, fix);
    return undefined;
  }
  // Like Go's encoding/json, the controller matches keys case-insensitively.
  const field = (name: string): unknown => Object.entries(value ?? {}).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  const strings = ['userPoolARN', 'userPoolClientID', 'userPoolDomain'].map(field);
  const extra = field('authenticationRequestExtraParams') ?? {};
  const extraOk = typeof extra === 'object' && extra !== null && Object.values(extra).every((v) => typeof v === 'string');
  if (typeof value !== 'object' || value === null || !strings.every((s) => typeof s === 'string' && s !== '') || !extraOk) {
    bad(raw, fix);
    return undefined;
  }
  const [userPoolARN, userPoolClientID, userPoolDomain] = strings as string[];
  return { userPoolARN, userPoolClientID, userPoolDomain, authenticationRequestExtraParams: extra as Record<string, string> };
}
