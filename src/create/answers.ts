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

/**
 * Answers given so far (by flags or prompts), typed. A key present with `undefined` (or `''`) for an
 * optional host or ARN means "none", which overrides a project type's default; an absent key means the default.
 */
export type GivenAnswers = { -readonly [K in keyof CreateAnswers]?: CreateAnswers[K] };

/** The answer each string or switch flag gives, parsed once from its text (flag name -> answer key). */
export const ANSWER_OF_FLAG: Readonly<Record<string, keyof CreateAnswers>> = {
  'name': 'name',
  'region': 'region',
  'namespace': 'namespace',
  'host': 'host',
  'cluster': 'cluster',
  'scopes': 'scopes',
  'clients': 'clients',
  'inbound-cidrs': 'inboundCidrs',
  'user-auth-host': 'userAuthHost',
  'self-sign-up': 'selfSignUp',
  'certificate-arn': 'certificateArn',
  'waf-acl-arn': 'wafAclArn',
};

/** Typed answers from flag values (`CreateFlags.values`); flags that are not answers are ignored. */
export function answersFromFlags(values: Readonly<Record<string, string>>): GivenAnswers {
  const given: Record<string, unknown> = {};
  for (const [flag, text] of Object.entries(values)) {
    const key = ANSWER_OF_FLAG[flag];
    if (key !== undefined) given[key] = parseAnswer(key, text);
  }
  return given as GivenAnswers;
}

/** One answer's text as its typed value: lists split on ",", clients in the `--clients` syntax, yes/no as a boolean. */
export function parseAnswer<K extends keyof CreateAnswers>(key: K, text: string): CreateAnswers[K] {
  const value: unknown = key === 'scopes' || key === 'inboundCidrs' ? parseList(text)
    : key === 'clients' ? parseClients(text)
      : key === 'selfSignUp' ? parseYesNo(text)
        : key === 'userAuthHost' || key === 'certificateArn' || key === 'wafAclArn' ? text.trim() || undefined
          : text.trim();
  return value as CreateAnswers[K];
}

/**
 * Every answer: the given ones, the rest from `defaults`. Default clients follow renamed scopes, and
 * switching sign-in off also switches off a default self sign-up.
 */
export function completeAnswers(given: GivenAnswers, defaults: CreateAnswers): CreateAnswers {
  const has = (key: keyof CreateAnswers) => Object.prototype.hasOwnProperty.call(given, key);
  const optional = <K extends 'userAuthHost' | 'certificateArn' | 'wafAclArn'>(key: K) => (has(key) ? given[key] || undefined : defaults[key]);
  const scopes = given.scopes ?? defaults.scopes;
  const userAuthHost = optional('userAuthHost');
  return {
    name: given.name ?? defaults.name,
    region: given.region ?? defaults.region,
    namespace: given.namespace ?? defaults.namespace,
    host: given.host ?? defaults.host,
    cluster: given.cluster ?? defaults.cluster,
    scopes,
    clients: given.clients ?? renameClientScopes(defaults.clients, defaults.scopes, scopes),
    inboundCidrs: given.inboundCidrs ?? defaults.inboundCidrs,
    userAuthHost,
    selfSignUp: given.selfSignUp ?? (userAuthHost ? defaults.selfSignUp : false),
    certificateArn: optional('certificateArn'),
    wafAclArn: optional('wafAclArn'),
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
