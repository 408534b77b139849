/**
 * Writes plain data as a TypeScript expression in the repo's style (single quotes, two-space indent).
 * Every value that generated code embeds goes through here, so no value can end a literal early.
 */

const INLINE_MAX = 72;

/** A TypeScript literal for JSON-like data; the top level object always spans several lines. */
export function toTsLiteral(value: unknown, indent = '', top = true): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return tsString(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const items = value.map((v) => toTsLiteral(v, inner, false));
    return layout('[', ']', items, indent, top);
  }
  const fields = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${key(k)}: ${toTsLiteral(v, inner, false)}`);
  return layout('{', '}', fields, indent, top, ' ');
}

function layout(open: string, close: string, items: string[], indent: string, multiline: boolean, pad = ''): string {
  if (items.length === 0) return `${open}${close}`;
  const inline = `${open}${pad}${items.join(', ')}${pad}${close}`;
  if (!multiline && !inline.includes('\n') && indent.length + inline.length <= INLINE_MAX) return inline;
  return `${open}\n${items.map((i) => `${indent}  ${i},`).join('\n')}\n${indent}${close}`;
}

/** An object key: the bare name when it is an identifier, a string literal otherwise. */
export function key(k: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(k) ? k : tsString(k);
}

/** A single-quoted string literal whose value is exactly `s`. */
export function tsString(s: string): string {
  // Backslash, quote, control characters and the two JavaScript line terminators are escaped.
  return `'${s.replace(/[\\'\u0000-\u001f\u007f\u2028\u2029]/g, escapeChar)}'`;
}

function escapeChar(c: string): string {
  if (c === '\\' || c === "'") return `\\${c}`;
  if (c === '\n') return '\\n';
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Text safe inside a generated `/** ... *\/` or `//` comment: it cannot close the comment or start a new line. */
export function commentText(text: string): string {
  return text.replace(/\*\//g, '*\\/').replace(/[\r\n\u2028\u2029]/g, ' ');
}

/** Property access on an expression: `.name` for an identifier, `['name']` otherwise. */
export function member(name: string): string {
  return key(name) === name ? `.${name}` : `[${tsString(name)}]`;
}
