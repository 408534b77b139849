/**
 * The flags of `eks-cognito-kit create`: one table drives parsing, `--help`, prompts and error hints.
 */
import { basename } from 'node:path';
import { parseArgs, ParseArgsConfig } from 'node:util';
import { formatClients } from './answers';
import { UsageError } from './create-error';
import { DEFAULT_CLIENTS, DEFAULT_SCOPES, DEFAULTS } from '../spec/defaults';

/** One flag: its name, what `--help` says about it, and the spec option it sets. */
export interface FlagSpec {
  /** Kebab-case name without dashes, for example `user-auth-host`. */
  readonly name: string;
  readonly type: 'string' | 'boolean';
  /** Placeholder shown in `--help` for string flags. */
  readonly value?: string;
  readonly short?: string;
  /** Shown as `--no-<name>` (the flag is on by default). */
  readonly negated?: boolean;
  readonly description: string;
  /** The default as `--help` prints it. */
  readonly defaultText: (kitVersion: string) => string;
  /** Spec option path prefix whose problems this flag fixes. */
  readonly specPath?: string;
  /** Question asked on a terminal when the flag is absent. */
  readonly question?: string;
  /**
   * Another flag whose answer must be non-empty for the question to be asked.
   * @default always asked
   */
  readonly askedWhen?: string;
}

const none = (text: string) => () => `none, ${text}`;

/** Every flag of `create`, in `--help` order. */
export const FLAGS: readonly FlagSpec[] = [
  {
    name: 'name',
    type: 'string',
    value: '<name>',
    description: 'Service name, a DNS-1123 label; also the Kubernetes app name.',
    defaultText: () => 'the folder name',
    specPath: 'name',
    question: 'Service name',
  },
  {
    name: 'region',
    type: 'string',
    value: '<region>',
    description: 'AWS region of the cluster and the user pool.',
    defaultText: () => DEFAULTS.region,
    specPath: 'region',
    question: 'AWS region',
  },
  { name: 'namespace', type: 'string', value: '<namespace>', description: 'Kubernetes namespace.', defaultText: () => DEFAULTS.namespace, specPath: 'namespace' },
  {
    name: 'host',
    type: 'string',
    value: '<host>',
    description: 'Public host name of the API.',
    defaultText: () => DEFAULTS.host,
    specPath: 'host',
    question: 'API host name',
  },
  {
    name: 'cluster',
    type: 'string',
    value: '<name>',
    description: 'EKS cluster name.',
    defaultText: () => DEFAULTS.clusterName,
    specPath: 'cluster.name',
    question: 'EKS cluster name',
  },
  {
    name: 'scopes',
    type: 'string',
    value: '<scope,...>',
    description: 'Custom scopes of the resource server, comma-separated.',
    defaultText: () => DEFAULT_SCOPES.map((s) => s.name).join(','),
    specPath: 'cognito.resourceServer.scopes',
    question: 'Scopes (comma-separated)',
  },
  {
    name: 'clients',
    type: 'string',
    value: '<client=scope+scope,...>',
    description: 'App clients, comma-separated; "+" joins scopes; "name=" has no scopes and no secret.',
    defaultText: () => formatClients(DEFAULT_CLIENTS.map((c) => ({ name: c.name, scopes: c.scopes ?? [] }))),
    specPath: 'cognito.clients',
    question: 'App clients (client=scope+scope,...)',
  },
  {
    name: 'inbound-cidrs',
    type: 'string',
    value: '<cidr,...>',
    description: 'CIDRs allowed to reach the load balancer, comma-separated.',
    defaultText: () => DEFAULTS.inboundCidrs.join(','),
    specPath: 'ingress.inboundCidrs',
    question: 'Inbound CIDRs (comma-separated)',
  },
  {
    name: 'user-auth-host',
    type: 'string',
    value: '<host>',
    description: 'Enables ALB user sign-in through the Cognito hosted UI on this host.',
    defaultText: none('no user sign-in'),
    specPath: 'userAuth',
    question: 'User sign-in host (empty for none)',
  },
  {
    name: 'self-sign-up',
    type: 'boolean',
    description: 'Lets users sign themselves up on the hosted UI of --user-auth-host.',
    defaultText: () => 'false, only an administrator creates users',
    specPath: 'userAuth.selfSignUp',
    question: 'Let users sign themselves up on the hosted UI?',
    askedWhen: 'user-auth-host',
  },
  {
    name: 'certificate-arn',
    type: 'string',
    value: '<arn>',
    description: 'ACM certificate ARN for the HTTPS listener.',
    defaultText: none('the controller discovers one for the host'),
    specPath: 'ingress.certificateArn',
  },
  {
    name: 'waf-acl-arn',
    type: 'string',
    value: '<arn>',
    description: 'Regional WAFv2 web ACL ARN to attach to the load balancer.',
    defaultText: none('no web ACL'),
    specPath: 'ingress.wafAclArn',
  },
  {
    name: 'template',
    type: 'string',
    value: '<npm-spec>[:<Class>]',
    description: 'Team package whose EksCognitoServiceProject subclass and templates/ apply.',
    defaultText: none('EksCognitoServiceProject'),
  },
  {
    name: 'templates-dir',
    type: 'string',
    value: '<folder>',
    description: 'Templates (and partials/) that replace the scaffold\'s file by file.',
    defaultText: none('the kit\'s templates/'),
  },
  {
    name: 'kit-spec',
    type: 'string',
    value: '<npm-spec>',
    description: 'Where the new repo installs the kit from; a path becomes file:<absolute path>.',
    defaultText: (version) => `eks-cognito-kit@^${version}`,
  },
  { name: 'yes', type: 'boolean', short: 'y', description: 'Use the defaults for everything no flag gives; never prompt.', defaultText: () => 'false' },
  { name: 'force', type: 'boolean', description: 'Scaffold into a non-empty folder, overwriting the files it writes.', defaultText: () => 'false' },
  { name: 'install', type: 'boolean', negated: true, description: 'Skip npm install and the first synth.', defaultText: () => 'install and synth' },
  { name: 'git', type: 'boolean', negated: true, description: 'Skip git init and the first commit.', defaultText: () => 'init and commit' },
  { name: 'help', type: 'boolean', short: 'h', description: 'Show this help.', defaultText: () => 'false' },
];

/** The parsed command line: answer flags as text, the other switches resolved. */
export interface CreateFlags {
  /** Target folder, from the positional argument or `--name`. */
  readonly dir?: string;
  /** String flags by flag name, exactly as given; switches that set a spec option as `yes` or `no`. */
  readonly values: Readonly<Record<string, string>>;
  readonly yes: boolean;
  readonly force: boolean;
  readonly install: boolean;
  readonly git: boolean;
  readonly help: boolean;
}

/** Flags that may be given as an empty string (meaning "none"); every other string flag needs a value. */
const MAY_BE_EMPTY = new Set(['user-auth-host', 'certificate-arn', 'waf-acl-arn', 'clients', 'scopes']);

/** Parses the words after `create`; throws `UsageError` for anything it cannot understand. */
export function parseCreateArgs(argv: readonly string[]): CreateFlags {
  const options: ParseArgsConfig['options'] = {};
  for (const f of FLAGS) {
    options[f.name] = { type: f.type, ...(f.short ? { short: f.short } : {}), ...(f.negated ? { default: true } : {}) };
  }
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, allowNegative: true, strict: true });
  } catch (e) {
    throw translateParseError(e as Error & { code?: string });
  }
  const values: Record<string, string> = {};
  for (const f of FLAGS.filter((x) => x.type === 'string')) {
    const v = parsed.values[f.name];
    if (typeof v !== 'string') continue;
    if (v.trim() === '' && !MAY_BE_EMPTY.has(f.name)) throw new UsageError(`Flag --${f.name} needs a value, for example --${f.name} ${example(f)}.`);
    values[f.name] = v.trim();
  }
  // A switch that sets a spec option is an answer like any other, so prompts and defaults treat it alike.
  for (const f of FLAGS.filter((x) => x.type === 'boolean' && x.specPath !== undefined)) {
    const v = parsed.values[f.name];
    if (typeof v === 'boolean') values[f.name] = v ? 'yes' : 'no';
  }
  if (parsed.positionals.length > 1) {
    throw new UsageError(`Expected one target folder, got ${parsed.positionals.length}: ${parsed.positionals.join(' ')}.`);
  }
  const bool = (name: string) => parsed.values[name] === true;
  return {
    dir: parsed.positionals[0] ?? values.name,
    values,
    yes: bool('yes'),
    force: bool('force'),
    install: bool('install'),
    git: bool('git'),
    help: bool('help'),
  };
}

/** The service name a folder suggests: its base name. */
export function nameFromDir(dir: string): string {
  return basename(dir.replace(/[\\/]+$/, ''));
}

/** The flag that sets the spec option at `path`, if any; the most specific one when several do. */
export function flagForSpecPath(path: string): FlagSpec | undefined {
  return FLAGS.filter((f) => f.specPath !== undefined && (path === f.specPath || path.startsWith(`${f.specPath}.`) || path.startsWith(`${f.specPath}[`)))
    .sort((a, b) => b.specPath!.length - a.specPath!.length)[0];
}

function translateParseError(e: Error & { code?: string }): Error {
  const flag = /'(?:-\w, )?(--?[\w-]+)/.exec(e.message)?.[1];
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`Unknown flag ${flag}.`);
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const spec = FLAGS.find((f) => flag === `--${f.name}` || flag === `-${f.short}`);
    if (spec?.type === 'boolean') return new UsageError(`Flag --${spec.name} takes no value.`);
    return new UsageError(`Flag ${flag} needs a value${spec ? `, for example --${spec.name} ${example(spec)}` : ''}.`);
  }
  return new UsageError(e.message);
}

function example(f: FlagSpec): string {
  const text = f.defaultText('1.0.0');
  return text.startsWith('none') ? (f.value ?? '<value>') : text;
}
