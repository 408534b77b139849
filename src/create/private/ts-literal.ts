/**
 * Writes plain data as a TypeScript expression in the repo's style (single quotes, two-space indent).
 */

const INLINE_MAX = 72;

/** A TypeScript literal for JSON-like data; the top level object always spans several lines. */
export function toTsLiteral(value: unknown, indent = '', top = true): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return quote(value);
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

function key(k: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(k) ? k : quote(k);
}

function quote(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}
