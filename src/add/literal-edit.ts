/**
 * Text insertions into array and object literals that keep the user's comments, order and layout:
 * a new item goes after its last sibling, at the siblings' indentation, with their comma style.
 */
import type * as TS from 'typescript';
import { key, toTsLiteral } from '../private/ts-literal';

/** Inserts `text` at `pos` of the original source. */
export interface TextEdit {
  readonly pos: number;
  readonly text: string;
}

/** Applies edits to the original text (positions refer to the original). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.pos - a.pos).reduce((t, e) => t.slice(0, e.pos) + e.text + t.slice(e.pos), text);
}

/** Edits that append `value` (serialized) as the last element of an array literal. */
export function appendElement(sf: TS.SourceFile, array: TS.ArrayLiteralExpression, value: unknown): TextEdit[] {
  return appendItem(sf, array, array.elements, (indent) => toTsLiteral(value, indent, false));
}

/** Edits that add `name: value` (serialized) to an object literal, after the property at `after` (default: the last). */
export function appendProperty(sf: TS.SourceFile, object: TS.ObjectLiteralExpression, name: string, value: unknown, after?: number): TextEdit[] {
  return appendItem(sf, object, object.properties, (indent) => `${key(name)}: ${toTsLiteral(value, indent, false)}`, after);
}

function appendItem(sf: TS.SourceFile, container: TS.Node, items: TS.NodeArray<TS.Node>, render: (indent: string) => string,
  after = items.length - 1): TextEdit[] {
  const text = sf.text;
  const open = container.getStart(sf);
  const close = container.end - 1;
  const outer = lineIndent(text, open);
  if (items.length === 0) {
    const inner = outer + unitOf(outer);
    const closeLine = lineStart(text, close);
    // `[\n  // later\n]`: the new item goes on its own line above the closing bracket, after the comments.
    if (closeLine > open && text.slice(closeLine, close).trim() === '') {
      return [{ pos: closeLine, text: `${inner}${render(inner)},\n` }];
    }
    return [{ pos: close, text: `\n${inner}${render(inner)},\n${outer}` }];
  }
  const last = items[after];
  const followed = after < items.length - 1 || items.hasTrailingComma;
  const comma = followed ? text.indexOf(',', skipTrivia(text, last.end)) : -1;
  if (!text.slice(open, close).includes('\n')) {
    return [{ pos: comma >= 0 ? comma + 1 : last.end, text: `${comma >= 0 ? ' ' : ', '}${render(outer)}${comma >= 0 ? ',' : ''}` }];
  }
  const lastStart = last.getStart(sf);
  const indent = lineStart(text, lastStart) > open ? lineIndent(text, lastStart) : outer + unitOf(outer);
  const anchor = comma >= 0 ? comma + 1 : last.end;
  // A comment that ends the last item's line stays with that item.
  const afterComments = sameLineCommentsEnd(text, anchor);
  const edits: TextEdit[] = [{ pos: afterComments, text: `\n${indent}${render(indent)}${comma >= 0 ? ',' : ''}` }];
  if (comma < 0) edits.push({ pos: last.end, text: ',' });
  return edits;
}

/** The position after whitespace and comments. */
function skipTrivia(text: string, pos: number): number {
  for (;;) {
    const ws = /^\s*/.exec(text.slice(pos))![0].length;
    pos += ws;
    if (text.startsWith('//', pos)) pos = lineEnd(text, pos);
    else if (text.startsWith('/*', pos)) pos = text.indexOf('*/', pos + 2) + 2;
    else return pos;
  }
}

/** The end of the comments that follow `pos` on the same line, else `pos`. */
function sameLineCommentsEnd(text: string, pos: number): number {
  let end = pos;
  for (;;) {
    const m = /^[ \t]*/.exec(text.slice(end))![0].length;
    const at = end + m;
    if (text.startsWith('//', at)) return lineEnd(text, at);
    if (text.startsWith('/*', at)) {
      const close = text.indexOf('*/', at + 2) + 2;
      if (text.slice(at, close).includes('\n')) return end;
      end = close;
    } else {
      return end;
    }
  }
}

function lineStart(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

function lineEnd(text: string, pos: number): number {
  const n = text.indexOf('\n', pos);
  return n < 0 ? text.length : n;
}

function lineIndent(text: string, pos: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart(text, pos)))![0];
}

function unitOf(indent: string): string {
  return indent.includes('\t') ? '\t' : '  ';
}
