/**
 * Typed answers of `create`: what flags and prompts say, completed from the project type's defaults.
 */
import type { ServiceModel } from '../spec/model';

/** An app client as `--clients` describes it. */
export interface ClientAnswer {
  readonly name: string;
  /** Scope names; none means a client without a secret. */
  readonly scopes: readonly string[];
}

/** Every answer `create` turns into spec options. */
export interface CreateAnswers {
  readonly name: string;
  readonly region: string;
  readonly namespace: string;
  readonly host: string;
  readonly cluster: string;
  readonly scopes: readonly string[];
  readonly clients: readonly ClientAnswer[];
  readonly inboundCidrs: readonly string[];
  readonly userAuthHost?: string;
  /** Whether users may sign themselves up on the sign-in host's hosted UI. */
  readonly selfSignUp: boolean;
  readonly certificateArn?: string;
  readonly wafAclArn?: string;
}

/** Answers as text, keyed by flag name (`user-auth-host`): the form flags and prompts share. */
export type AnswerText = Readonly<Record<string, string>>;

/** The answers a resolved model stands for: the project type's defaults for a given name. */
export function answersFromModel(model: ServiceModel): CreateAnswers {
  return {
    name: model.name,
    region: model.region,
    namespace: model.namespace,
    host: model.host,
    cluster: model.cluster.name,
    scopes: model.cognito.resourceServer.scopes.map((s) => s.name),
    clients: model.cognito.clients.map((c) => ({ name: c.name, scopes: c.scopes.map((s) => s.name) })),
    inboundCidrs: [...model.ingress.inboundCidrs],
    userAuthHost: model.userAuth?.host,
    selfSignUp: model.userAuth?.selfSignUp ?? false,
    certificateArn: model.ingress.certificateArn,
    wafAclArn: model.ingress.wafAclArn,
  };
}

/** Answers as the text a flag or a prompt would give. */
export function answersToText(a: CreateAnswers): Record<string, string> {
  return {
    'name': a.name,
    'region': a.region,
    'namespace': a.namespace,
    'host': a.host,
    'cluster': a.cluster,
    'scopes': a.scopes.join(','),
    'clients': formatClients(a.clients),
    'inbound-cidrs': a.inboundCidrs.join(','),
    'user-auth-host': a.userAuthHost ?? '',
    'self-sign-up': a.selfSignUp ? 'yes' : 'no',
    'certificate-arn': a.certificateArn ?? '',
    'waf-acl-arn': a.wafAclArn ?? '',
  };
}

/** Typed answers from text; what the text lacks comes from `defaults`. */
export function textToAnswers(text: AnswerText, defaults: CreateAnswers): CreateAnswers {
  const scopes = text.scopes !== undefined ? parseList(text.scopes) : defaults.scopes;
  const optional = (key: string, fallback: string | undefined) => (text[key] !== undefined ? text[key] || undefined : fallback);
  const userAuthHost = optional('user-auth-host', defaults.userAuthHost);
  const selfSignUp = text['self-sign-up'] !== undefined ? parseYesNo(text['self-sign-up']) : undefined;
  return {
    name: text.name ?? defaults.name,
    region: text.region ?? defaults.region,
    namespace: text.namespace ?? defaults.namespace,
    host: text.host ?? defaults.host,
    cluster: text.cluster ?? defaults.cluster,
    scopes,
    clients: text.clients !== undefined ? parseClients(text.clients) : renameClientScopes(defaults.clients, defaults.scopes, scopes),
    inboundCidrs: text['inbound-cidrs'] !== undefined ? parseList(text['inbound-cidrs']) : defaults.inboundCidrs,
    userAuthHost,
    // switching sign-in off also switches off a default self sign-up; the question rejects text that is not yes or no
    selfSignUp: selfSignUp ?? (userAuthHost ? defaults.selfSignUp : false),
    certificateArn: optional('certificate-arn', defaults.certificateArn),
    wafAclArn: optional('waf-acl-arn', defaults.wafAclArn),
  };
}

/** `readClient=demo.read,microService=`: clients split by ",", a client's scopes joined by "+". */
export function parseClients(text: string): ClientAnswer[] {
  return parseList(text).map((entry) => {
    const [name, scopes = ''] = entry.split(/=(.*)/s);
    return { name: name.trim(), scopes: scopes.split('+').map((s) => s.trim()).filter(Boolean) };
  });
}

/** The `--clients` text of a client list. */
export function formatClients(clients: readonly ClientAnswer[]): string {
  return clients.map((c) => `${c.name}=${c.scopes.join('+')}`).join(',');
}

/** `yes`/`no` answer text as a boolean (also y/n, true/false, any case); undefined when it is neither. */
export function parseYesNo(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (['yes', 'y', 'true'].includes(t)) return true;
  if (['no', 'n', 'false'].includes(t)) return false;
  return undefined;
}

/** A comma-separated list, trimmed, without empty items. */
export function parseList(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter(Boolean);
}

/**
 * Maps a scope of the old list to the scope at the same position in the new one (the last one when
 * the new list is shorter), so default routes and clients follow renamed scopes.
 */
export function renameScope(name: string, from: readonly string[], to: readonly string[]): string | undefined {
  if (to.includes(name)) return name;
  const at = from.indexOf(name);
  return at < 0 || to.length === 0 ? undefined : to[Math.min(at, to.length - 1)];
}

/** Clients whose scopes follow a renamed scope list. */
export function renameClientScopes(clients: readonly ClientAnswer[], from: readonly string[], to: readonly string[]): ClientAnswer[] {
  return clients.map((c) => ({ name: c.name, scopes: unique(c.scopes.flatMap((s) => renameScope(s, from, to) ?? [])) }));
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}
