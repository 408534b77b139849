/**
 * What `add` does to `.projenrc.ts`, as text in and text out: one new route, scope or app client,
 * plus any scope it names that the resource server lacks. Refuses duplicates and unsafe sources.
 */
import type * as TS from 'typescript';
import { AddError } from './add-error';
import { appendElement, appendProperty, applyEdits } from './literal-edit';
import { findArrayOption, findProjectCall } from './projenrc-source';
import type { AppClientOptions, RouteOptions, ScopeOptions } from '../spec/options';

/** The project type's current values of the lists `add` extends, used when `.projenrc.ts` omits one. */
export interface SpecDefaults {
  readonly routes: readonly RouteOptions[];
  readonly scopes: readonly ScopeOptions[];
  readonly clients: readonly AppClientOptions[];
}

/** One thing to add. */
export type AddRequest =
  | { readonly kind: 'route'; readonly route: RouteOptions }
  | { readonly kind: 'scope'; readonly scope: ScopeOptions }
  | { readonly kind: 'client'; readonly client: AppClientOptions };

/** How `add` edits the spec. */
export interface SpecEditOptions {
  /** Reads the project type's defaults; called only when an option is absent from `.projenrc.ts`. */
  readonly defaults: () => SpecDefaults;
  /**
   * Whether a scope the route or client names, and the resource server lacks, is added too (else refused).
   * @default true
   */
  readonly addScope?: boolean;
}

/** The edited source and one line per change made. */
export interface SpecEdit {
  readonly text: string;
  readonly changes: readonly string[];
}

const SPEC_KEYS = ['name', 'region', 'namespace', 'host', 'routes', 'cognito', 'cluster', 'ingress', 'workload', 'userAuth', 'local'];
const ROUTES = ['routes'];
const SCOPES = ['cognito', 'resourceServer', 'scopes'];
const CLIENTS = ['cognito', 'clients'];

/** Edits the `.projenrc.ts` text; throws `AddError` naming the reason and the manual edit. */
export function editSpec(ts: typeof TS, text: string, request: AddRequest, options: SpecEditOptions): SpecEdit {
  let defaults: SpecDefaults | undefined;
  const editor = new ListEditor(ts, () => (defaults ??= options.defaults()));
  const changes: string[] = [];
  let needed: readonly string[] = [];
  if (request.kind === 'route') {
    const { method, path } = request.route;
    const clash = (editor.current(text, ROUTES) as RouteOptions[]).findIndex((r) => r.method === method && samePath(r.path, path));
    if (clash >= 0) {
      throw new AddError(`routes[${clash}] already is ${method} ${path}; nothing to add. Edit that route in .projenrc.ts to change its scopes, auth or handler.`);
    }
    text = editor.append(text, ROUTES, request.route);
    changes.push(`route ${method} ${path}`);
    needed = request.route.scopes ?? [];
  } else if (request.kind === 'client') {
    const name = request.client.name;
    const clash = (editor.current(text, CLIENTS) as AppClientOptions[]).findIndex((c) => c.name === name);
    if (clash >= 0) throw new AddError(`cognito.clients[${clash}] already is the client "${name}"; choose another name, or edit that client in .projenrc.ts.`);
    text = editor.append(text, CLIENTS, request.client);
    changes.push(`app client ${name}`);
    needed = request.client.scopes ?? [];
  } else {
    const name = request.scope.name;
    const clash = (editor.current(text, SCOPES) as ScopeOptions[]).findIndex((s) => s.name === name);
    if (clash >= 0) throw new AddError(`cognito.resourceServer.scopes[${clash}] already is the scope "${name}"; nothing to add.`);
    text = editor.append(text, SCOPES, request.scope);
    changes.push(`scope ${name}`);
  }
  const declared = new Set((editor.current(text, SCOPES) as ScopeOptions[]).map((s) => s.name));
  const missing = [...new Set(needed)].filter((s) => !declared.has(s));
  if (missing.length > 0 && options.addScope === false) {
    throw new AddError(`The resource server has no scope ${missing.map((s) => `"${s}"`).join(', ')} (declared: ${[...declared].join(', ') || 'none'}); `
      + `add it first with "eks-cognito-kit add scope ${missing[0]}", or run without --no-add-scope to add it too.`);
  }
  for (const name of missing) {
    text = editor.append(text, SCOPES, { name });
    changes.push(`scope ${name}`);
  }
  return { text, changes };
}

/** Two spec paths are the same route when they differ only in parameter names, as `resolveSpec` judges. */
function samePath(a: unknown, b: string): boolean {
  const norm = (p: string) => p.replace(/\{[^}]*\}/g, '{}');
  return typeof a === 'string' && norm(a) === norm(b);
}

/** Reads and extends the lists, re-parsing the text before each step so every position is current. */
class ListEditor {
  constructor(private readonly ts: typeof TS, private readonly defaults: () => SpecDefaults) {}

  /** The list as the synth sees it: the literal's values, or the project type's default when absent. */
  public current(text: string, path: readonly string[]): unknown[] {
    const found = findArrayOption(this.ts, findProjectCall(this.ts, text), path);
    return found.kind === 'present' ? found.values : [...this.fallback(path)];
  }

  /** The text with `item` appended; an absent list is written out from the defaults first, so none of them disappears. */
  public append(text: string, path: readonly string[], item: unknown): string {
    const call = findProjectCall(this.ts, text);
    const found = findArrayOption(this.ts, call, path);
    if (found.kind === 'present') return applyEdits(text, appendElement(call.sourceFile, found.node, item));
    const [first, ...rest] = found.missing;
    const value = rest.reduceRight<unknown>((inner, k) => ({ [k]: inner }), [...this.fallback(path), item]);
    // A new top-level option goes after the last spec option written (name, routes...), before projen's own.
    const props = found.parent.properties;
    const specIndex = found.parent === call.options
      ? props.map((p) => (p.name && this.ts.isIdentifier(p.name) ? p.name.text : '')).reduce((at, n, i) => (SPEC_KEYS.includes(n) ? i : at), -1)
      : -1;
    return applyEdits(text, appendProperty(call.sourceFile, found.parent, first, value, specIndex >= 0 ? specIndex : undefined));
  }

  private fallback(path: readonly string[]): readonly unknown[] {
    const d = this.defaults();
    return path === ROUTES ? d.routes : path === SCOPES ? d.scopes : d.clients;
  }
}
