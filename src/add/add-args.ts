/**
 * The command line of `eks-cognito-kit add route|scope|client`, parsed into one typed request.
 */
import { AddUsageError, MissingWordsError } from './add-error';
import type { AddRequest } from './spec-edit';
import type { HttpMethod, RouteAuth } from '../spec/options';

/** A parsed `add` command line. */
export interface AddArgs {
  readonly help: boolean;
  readonly request?: AddRequest;
  /** Repository folder, relative to the working directory. */
  readonly dir: string;
  readonly dryRun: boolean;
  readonly addScope: boolean;
}

/** The methods a route may have, in the order they are offered. */
export const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
/** The route protections, the default first. */
export const AUTHS: readonly RouteAuth[] = ['bearer', 'alb-user', 'none'];

/** Why a route path is not written from the root, with the fix; undefined when it is. */
export function pathStartProblem(path: string): string | undefined {
  return path.startsWith('/') ? undefined : `${JSON.stringify(path)} does not start with "/"; write it from the root, for example "/${path}".`;
}

const VALUE_FLAGS: Record<string, readonly string[]> = { route: ['scopes', 'auth', 'handler'], scope: ['description'], client: ['scopes'] };
const SWITCHES: Record<string, readonly string[]> = { route: [], scope: [], client: ['no-secret'] };

/** Parses the words after `add`; throws `AddUsageError` for anything it cannot understand. */
export function parseAddArgs(argv: readonly string[]): AddArgs {
  const words: string[] = [];
  const values: Record<string, string> = {};
  const switches = new Set<string>();
  // Flags may come first (`add --dir svc route ...`); the kind only selects which flags are known.
  const kind = argv.find((a) => ['route', 'scope', 'client'].includes(a)) ?? '';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      words.push(arg);
      continue;
    }
    const [flag, inline] = splitFlag(arg.slice(2));
    if (['help', 'dry-run', 'no-add-scope', ...(SWITCHES[kind] ?? [])].includes(flag)) {
      if (inline !== undefined) throw new AddUsageError(`--${flag} takes no value.`);
      switches.add(flag);
    } else if (['dir', ...(VALUE_FLAGS[kind] ?? [])].includes(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new AddUsageError(`--${flag} needs a value.`);
      values[flag] = value;
    } else {
      throw new AddUsageError(`Unknown flag --${flag}${kind && VALUE_FLAGS[kind] ? ` for "add ${kind}"` : ''}.`);
    }
  }
  const common = { dir: values.dir ?? '.', dryRun: switches.has('dry-run'), addScope: !switches.has('no-add-scope') };
  if (switches.has('help')) return { help: true, ...common };
  return { help: false, request: toRequest(words, values, switches), ...common };
}

function toRequest(words: string[], values: Record<string, string>, switches: Set<string>): AddRequest {
  const [kind, ...rest] = words;
  const given = { kind: ['route', 'scope', 'client'].includes(kind) ? kind as 'route' : undefined, words: rest, values, switches: [...switches] };
  const expect = (n: number, usage: string) => {
    if (rest.length === n) return;
    const message = `"add ${kind}" takes ${usage}; got ${rest.length === 0 ? 'none' : rest.map((w) => JSON.stringify(w)).join(' ')}.`;
    throw rest.length < n ? new MissingWordsError(message, given) : new AddUsageError(message);
  };
  const scopes = values.scopes === undefined ? undefined : values.scopes.split(',').map((s) => s.trim()).filter(Boolean);
  switch (kind) {
    case 'route': {
      expect(2, '<METHOD> <path>, for example: add route GET /api/orders/{id} --scopes orders.read');
      const method = rest[0].toUpperCase() as HttpMethod;
      if (!METHODS.includes(method)) throw new AddUsageError(`Unknown method "${rest[0]}"; use one of ${METHODS.join(', ')}.`);
      const path = rest[1];
      const notRooted = pathStartProblem(path);
      if (notRooted) throw new AddUsageError(`The path ${notRooted}`);
      const auth = values.auth as RouteAuth | undefined;
      if (auth !== undefined && !AUTHS.includes(auth)) throw new AddUsageError(`--auth "${auth}" is not one of ${AUTHS.join(', ')}.`);
      return {
        kind: 'route',
        route: { method, path, ...(scopes && scopes.length > 0 && { scopes }), ...(auth && auth !== 'bearer' && { auth }), ...(values.handler && { handler: values.handler }) },
      };
    }
    case 'scope':
      expect(1, '<name>, for example: add scope orders.read --description "Read orders"');
      return { kind: 'scope', scope: { name: rest[0], ...(values.description !== undefined && { description: values.description }) } };
    case 'client':
      expect(1, '<name>, for example: add client ordersReader --scopes orders.read');
      return {
        kind: 'client',
        client: { name: rest[0], ...(scopes && scopes.length > 0 && { scopes }), ...(switches.has('no-secret') && { generateSecret: false }) },
      };
    case undefined:
      throw new MissingWordsError('Missing what to add: route, scope or client.', given);
    default:
      throw new AddUsageError(`Cannot add "${kind}"; add a route, a scope or a client.`);
  }
}

function splitFlag(text: string): [string, string | undefined] {
  const eq = text.indexOf('=');
  return eq < 0 ? [text, undefined] : [text.slice(0, eq), text.slice(eq + 1)];
}

/** The help text of `add`. */
export const ADD_HELP = `Usage: eks-cognito-kit add <route|scope|client> ... [options]

Adds to the spec in .projenrc.ts (keeping its comments and layout), then runs the synth. On a terminal,
words left out are asked for (a method or protection chosen from the list, scopes from those declared,
a path or name checked as typed by the spec's validation); elsewhere they are an error.

  add route <METHOD> <path> [--scopes a,b] [--auth bearer|alb-user|none] [--handler name]
  add scope <name> [--description text]
  add client <name> [--scopes a,b] [--no-secret]

Options:
  --dir <dir>      The service repository (default: the working directory)
  --dry-run        Print the change to .projenrc.ts as a unified diff; change nothing
  --no-add-scope   Refuse a route or client scope the resource server lacks, instead of adding it
  --help           Print this help`;
