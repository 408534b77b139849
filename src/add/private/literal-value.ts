/**
 * Reads the plain data of a TypeScript expression without running it: literals only.
 */
import type * as TS from 'typescript';

/** Returned for an expression that is not a plain literal (a variable, a call, a spread...). */
export const NOT_LITERAL: unique symbol = Symbol('not a literal');

/** The value of a literal expression (strings, numbers, booleans, null, arrays and objects of them), or NOT_LITERAL. */
export function literalValue(ts: typeof TS, node: TS.Expression): unknown {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) {
    return literalValue(ts, node.expression);
  }
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) {
    return -Number(node.operand.text);
  }
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (node.kind === ts.SyntaxKind.NullKeyword) return null;
  if (ts.isArrayLiteralExpression(node)) {
    const items = node.elements.map((e) => (ts.isSpreadElement(e) || ts.isOmittedExpression(e) ? NOT_LITERAL : literalValue(ts, e)));
    return items.includes(NOT_LITERAL) ? NOT_LITERAL : items;
  }
  if (ts.isObjectLiteralExpression(node)) {
    const out: Record<string, unknown> = {};
    for (const p of node.properties) {
      const name = ts.isPropertyAssignment(p) ? propertyName(ts, p.name) : undefined;
      if (name === undefined || !ts.isPropertyAssignment(p)) return NOT_LITERAL;
      const value = literalValue(ts, p.initializer);
      if (value === NOT_LITERAL) return NOT_LITERAL;
      out[name] = value;
    }
    return out;
  }
  return NOT_LITERAL;
}

/** The text of a property name that is fixed in the source (`routes`, `'routes'`), else undefined. */
export function propertyName(ts: typeof TS, name: TS.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return undefined;
}
