/**
 * On a terminal, `add` asks for the words its command line lacks, and then for what no flag gave (a
 * route's protection and scopes, a client's scopes): a closed set is a numbered choice, the scopes offered
 * are those the spec declares, and a typed path or name is checked by the spec's own validation
 * (`resolveSpec`, the rules the synth applies) before it is accepted. The answers become the command
 * line that `parseAddArgs` reads, so a terminal and a script take the same path.
 */
import { createInterface } from 'node:readline/promises';
import { AUTHS, METHODS, pathStartProblem } from './add-args';
import type { GivenAddWords } from './add-error';
import type { ServiceSpecOptions } from '../spec/options';
import { resolveSpec } from '../spec/resolve-spec';
import { problemWhere } from '../spec/spec-error';

/** The terminal the questions go to. */
export interface AddTerminal {
  /** Prints `prompt` and resolves to the line typed. */
  ask(prompt: string): Promise<string>;
  say(text: string): void;
}

/** The command line `given` stands for, completed by asking on `term`; `declaredScopes` is read only when offered. */
export async function askMissingWords(given: GivenAddWords, declaredScopes: () => readonly string[], term: AddTerminal): Promise<string[]> {
  const kind = given.kind ?? await choose(term, 'What to add', ['route', 'scope', 'client']);
  const words = [...given.words];
  const values: Record<string, string> = { ...given.values };
  const switches = [...given.switches];
  if (kind === 'route') {
    if (words.length < 1) words.push(await choose(term, 'HTTP method', METHODS));
    if (words.length < 2) words.push(await askChecked(term, 'Path, from the root (for example /api/orders/{id})', routePathProblem));
    values.auth ??= await choose(term, 'Protection', AUTHS);
    if (values.scopes === undefined && values.auth === 'bearer') await offerScopes(term, 'Scopes the route requires', declaredScopes(), values);
  } else if (kind === 'scope') {
    if (words.length < 1) words.push(await askChecked(term, 'Scope name (for example orders.read)', scopeNameProblem));
  } else {
    if (words.length < 1) words.push(await askChecked(term, 'Client name (for example ordersReader)', clientNameProblem));
    if (values.scopes === undefined && !switches.includes('no-secret')) await offerScopes(term, 'Scopes the client may ask for', declaredScopes(), values);
  }
  return [kind, ...words, ...Object.entries(values).map(([k, v]) => `--${k}=${v}`), ...switches.map((s) => `--${s}`)];
}

/** Asks on the process's terminal (node:readline); `close()` when done. */
export function processTerminal(): AddTerminal & { close(): void } {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  return { ask: (prompt) => rl.question(prompt), say: (text) => process.stdout.write(text), close: () => rl.close() };
}

/** The problem of a route path, as the spec reports it (value and fix), or undefined. */
export function routePathProblem(path: string): string | undefined {
  return pathStartProblem(path) ?? problemAt({ name: 'probe', routes: [{ method: 'GET', path, auth: 'none' }] }, 'routes[0].path');
}

/** The problem of a scope name, as the spec reports it, or undefined. */
export function scopeNameProblem(name: string): string | undefined {
  return problemAt({ name: 'probe', cognito: { resourceServer: { scopes: [{ name }] } } }, 'cognito.resourceServer.scopes[0].name');
}

/** The problem of an app client name, as the spec reports it, or undefined. */
export function clientNameProblem(name: string): string | undefined {
  return problemAt({ name: 'probe', cognito: { clients: [{ name, generateSecret: false }] } }, 'cognito.clients[0].name');
}

/** One of `choices`, by number or by name; the first is the default. */
async function choose<T extends string>(term: AddTerminal, message: string, choices: readonly T[]): Promise<T> {
  term.say(`${message}:\n${choices.map((c, i) => `  ${i + 1}) ${c}`).join('\n')}\n`);
  for (;;) {
    const text = (await term.ask(`Choose 1-${choices.length} [${choices[0]}]: `)).trim();
    if (text === '') return choices[0];
    const picked = /^\d+$/.test(text) ? choices[Number(text) - 1] : choices.find((c) => c.toLowerCase() === text.toLowerCase());
    if (picked !== undefined) return picked;
    term.say(`  ${JSON.stringify(text)} is not one of the choices; type a number from 1 to ${choices.length} or a name from the list.\n`);
  }
}

/** Any of the declared scopes, by numbers or names separated by commas; none when empty. Sets `values.scopes`. */
async function offerScopes(term: AddTerminal, message: string, declared: readonly string[], values: Record<string, string>): Promise<void> {
  if (declared.length === 0) return;
  term.say(`${message} (declared in .projenrc.ts):\n${declared.map((c, i) => `  ${i + 1}) ${c}`).join('\n')}\n`);
  for (;;) {
    const parts = (await term.ask('Choose any, comma-separated numbers or names [none]: ')).split(',').map((s) => s.trim()).filter(Boolean);
    const picked = parts.map((p) => (/^\d+$/.test(p) ? declared[Number(p) - 1] : declared.find((d) => d === p)));
    const bad = parts.filter((_, i) => picked[i] === undefined);
    if (bad.length === 0) {
      if (picked.length > 0) values.scopes = [...new Set(picked)].join(',');
      return;
    }
    term.say(`  ${bad.map((b) => JSON.stringify(b)).join(', ')} ${bad.length === 1 ? 'is' : 'are'} not declared; choose from the list (add a new scope first with "add scope <name>").\n`);
  }
}

/** A typed line, asked again until `problem` finds none. */
async function askChecked(term: AddTerminal, message: string, problem: (text: string) => string | undefined): Promise<string> {
  for (;;) {
    const text = (await term.ask(`${message}: `)).trim();
    const p = text === '' ? 'An answer is needed; type a value.' : problem(text);
    if (p === undefined) return text;
    term.say(`  ${p}\n`);
  }
}

function problemAt(options: ServiceSpecOptions, at: string): string | undefined {
  return problemWhere(() => resolveSpec(options), (path) => path === at);
}
