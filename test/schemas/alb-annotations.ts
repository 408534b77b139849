/**
 * Validates ALB Ingress annotations against the upstream annotation facts as the AWS Load Balancer Controller would.
 * @see https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/main/docs/guide/ingress/annotations.md
 */
import { isIP } from 'node:net';
import Ajv from 'ajv';
import { format } from './private/ajv';
import { load } from './private/schema-files';
import { cached } from './private/util';

const albFacts = cached(() => {
  const doc = load('aws-load-balancer-controller/annotations.json');
  const ajv = new Ajv({ allErrors: true });
  return (doc.annotations as any[]).map((a) => ({
    ...a,
    keyRegex: a.keyPattern ? new RegExp(a.keyPattern) : undefined,
    jsonValidate: a.jsonSchema ? ajv.compile(a.jsonSchema) : undefined,
  }));
});
const PARSE_BOOL = ['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'];
const ALB = 'alb.ingress.kubernetes.io/';

function isCidr(value: string): boolean {
  const [ip, bits, ...rest] = value.split('/');
  const family = isIP(ip);
  return rest.length === 0 && family !== 0 && /^\d+$/.test(bits ?? '') && Number(bits) <= (family === 4 ? 32 : 128);
}

function checkValue(fact: any, key: string, value: string): string[] {
  const errors: string[] = [];
  const bad = (why: string) => errors.push(`${key}: ${JSON.stringify(value)} ${why}`);
  if (typeof value !== 'string') return [`${key}: annotation values must be strings, got ${typeof value}`];
  if (Array.isArray(fact.allowedValues) && !fact.allowedValues.includes(value)) bad(`is not one of ${fact.allowedValues.join(', ')}`);
  for (const p of [fact.pattern, fact.recommendedPattern].filter(Boolean)) {
    if (fact.type !== 'stringList' && !new RegExp(p).test(value)) bad(`does not match ${p}`);
  }
  if (fact.maxLength !== undefined && value.length > fact.maxLength) bad(`is longer than ${fact.maxLength} characters`);
  if (fact.type === 'integer') {
    const n = Number(value);
    if (!/^-?[0-9]+$/.test(value)) bad('is not an integer');
    else if ((fact.minimum !== undefined && n < fact.minimum) || (fact.maximum !== undefined && n > fact.maximum)) bad(`is outside [${fact.minimum}, ${fact.maximum}]`);
  }
  if (fact.type === 'boolean' && !PARSE_BOOL.includes(value)) bad('is not a Go ParseBool value');
  if (fact.type === 'stringList') {
    const items = value.split(',').map((s) => s.trim()).filter(Boolean);
    if (items.length === 0) bad('is an empty list');
    if (key === `${ALB}inbound-cidrs`) items.filter((c) => !isCidr(c)).forEach((c) => bad(`has an invalid CIDR address: ${c}`));
    if (fact.recommendedPattern) items.filter((i) => !new RegExp(fact.recommendedPattern).test(i)).forEach((i) => bad(`has ${i}, which does not match ${fact.recommendedPattern}`));
  }
  if (fact.type === 'stringMap') {
    value.split(/(?<!\\),/).map((s) => s.trim()).filter(Boolean).forEach((pair) => {
      const eq = pair.indexOf('=');
      if (eq <= 0) bad(`has ${JSON.stringify(pair)}, not a key=value pair`);
    });
  }
  if (fact.type === 'json') {
    let parsed: any;
    try {
      parsed = JSON.parse(value);
    } catch {
      return [...errors, `${key}: failed to parse json annotation: ${value}`];
    }
    if (fact.jsonValidate && !fact.jsonValidate(parsed)) errors.push(...format(fact.jsonValidate.errors, `${key} `));
  }
  return errors;
}

function listeners(annotations: Record<string, string>): Array<{ protocol: string; port: number }> {
  const raw = annotations[`${ALB}listen-ports`];
  if (raw === undefined) return annotations[`${ALB}certificate-arn`] ? [{ protocol: 'HTTPS', port: 443 }] : [{ protocol: 'HTTP', port: 80 }];
  try {
    return (JSON.parse(raw) as any[]).flatMap((o) => Object.entries(o).map(([protocol, port]) => ({ protocol, port: Number(port) })));
  } catch {
    return [];
  }
}

/** Validates ALB Ingress annotations (and, when given, the Ingress's class and paths) as the controller would. */
export function validateAlbAnnotations(annotations: Record<string, string>, ingress?: any): string[] {
  const facts = albFacts();
  const errors: string[] = [];
  for (const [key, value] of Object.entries(annotations ?? {})) {
    const fact = facts.find((f) => f.key === key || f.keyRegex?.test(key));
    if (!fact) errors.push(`${key}: unknown annotation (not read by the AWS Load Balancer Controller)`);
    else errors.push(...checkValue(fact, key, value));
  }

  const ls = listeners(annotations ?? {});
  const https = ls.filter((l) => l.protocol === 'HTTPS');
  const redirect = annotations?.[`${ALB}ssl-redirect`];
  if (redirect !== undefined) {
    const l = ls.find((x) => x.port === Number(redirect));
    if (!l) errors.push(`${ALB}ssl-redirect: listener does not exist for SSLRedirect port: ${redirect}`);
    else if (l.protocol !== 'HTTPS') errors.push(`${ALB}ssl-redirect: listener protocol non-SSL for SSLRedirect port: ${redirect}`);
  }
  const authType = annotations?.[`${ALB}auth-type`];
  if (authType === 'cognito' || authType === 'oidc') {
    if (annotations[`${ALB}auth-idp-${authType}`] === undefined) errors.push(`${ALB}auth-type ${authType}: missing ${ALB}auth-idp-${authType}`);
    if (https.length === 0) errors.push(`${ALB}auth-type ${authType}: needs an HTTPS listener in listen-ports (authentication only runs on HTTPS)`);
    if (ls.some((l) => l.protocol === 'HTTP') && redirect === undefined) {
      errors.push(`${ALB}auth-type ${authType}: an HTTP listener without ssl-redirect would serve the routes unauthenticated`);
    }
  }

  if (ingress) {
    if (annotations?.['kubernetes.io/ingress.class'] !== undefined && ingress.spec?.ingressClassName !== undefined) {
      errors.push('kubernetes.io/ingress.class annotation must not be set together with spec.ingressClassName (the annotation is deprecated and wins)');
    }
    (ingress.spec?.rules ?? []).forEach((rule: any) => (rule?.http?.paths ?? []).forEach((p: any) => {
      const type = p?.pathType ?? 'ImplementationSpecific';
      if (!['Exact', 'Prefix', 'ImplementationSpecific'].includes(type)) errors.push(`unknown pathType for path ${p?.path}`);
      if ((type === 'Exact' || type === 'Prefix') && /[*?]/.test(p?.path ?? '')) {
        errors.push(`${type.toLowerCase()} path shouldn't contain wildcards: ${p.path}`);
      }
    }));
  }
  return errors;
}
