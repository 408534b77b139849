/**
 * What `add route` says when no app client can get the new route's scopes: `add` never grants a scope to
 * an existing client (least privilege), so it names the command that adds one that can.
 */
import type { SpecDefaults } from './spec-edit';
import type { RouteOptions } from '../spec/options';

/** A note for a bearer route whose scopes no client with a secret holds, or undefined when one does. */
export function grantHint(route: RouteOptions, after: SpecDefaults): string | undefined {
  const scopes = route.scopes ?? [];
  if ((route.auth ?? 'bearer') !== 'bearer' || scopes.length === 0) return undefined;
  const holds = after.clients.some((c) => c.generateSecret !== false && scopes.every((s) => c.scopes?.includes(s)));
  if (holds) return undefined;
  const taken = new Set(after.clients.map((c) => c.name));
  let name = clientName(scopes);
  for (let n = 2; taken.has(name); n++) name = `${clientName(scopes)}${n}`;
  const command = ['npx', 'eks-cognito-kit', 'add', 'client', name, '--scopes', scopes.join(',')].map(shellWord).join(' ');
  return `No app client with a secret holds ${scopes.join(' and ')}, so scripts/integ.sh skips ${route.method} ${route.path}'s 200 case.\n`
    + `add grants no scope to an existing client; to add one that holds them: ${command}\n`;
}

/** `orders.read` -> `ordersReadClient`: a camelCase name from the scopes' letters and digits. */
function clientName(scopes: readonly string[]): string {
  const words = scopes.join(' ').split(/[^A-Za-z0-9]+/).filter(Boolean);
  const camel = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() : w.charAt(0).toUpperCase()) + w.slice(1)).join('');
  return /^[A-Za-z]/.test(camel) ? `${camel}Client` : `client${camel}`;
}

/** Quotes a word for a POSIX shell when it holds anything beyond safe characters. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, '\'\\\'\'')}'`;
}
