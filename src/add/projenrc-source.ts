/**
 * The spec inside a `.projenrc.ts`, found through the TypeScript syntax tree: the one
 * `new <ProjectType>({ ... })` call and the array options `add` edits.
 */
import type * as TS from 'typescript';
import { AddError } from './add-error';
import { literalValue, NOT_LITERAL, propertyName } from './private/literal-value';

/** The project type's constructor call and where its class comes from. */
export interface ProjectCall {
  readonly sourceFile: TS.SourceFile;
  /** Class name as written in `new <className>(...)`. */
  readonly className: string;
  /** The module the class is imported from, as written (`'eks-cognito-kit'`, `'@acme/service-standard'`). */
  readonly moduleSpecifier: string;
  /** The name the module exports the class under (`default` for a default import). */
  readonly exportName: string;
  /** The options object literal. */
  readonly options: TS.ObjectLiteralExpression;
}

/** Where an option path is: its array literal, or the deepest object that exists and the keys still missing. */
export type ArrayOption =
  | { readonly kind: 'present'; readonly node: TS.ArrayLiteralExpression; readonly values: unknown[] }
  | { readonly kind: 'absent'; readonly parent: TS.ObjectLiteralExpression; readonly missing: readonly string[] };

// Modules whose classes are never the project type (`new TextFile(project, ...)` and the like).
const FRAMEWORK_MODULES = /^(projen|constructs)(\/|$)/;

/** Parses `.projenrc.ts` and finds the project type's constructor call, or refuses naming the manual edit. */
export function findProjectCall(ts: typeof TS, text: string, fileName = '.projenrc.ts'): ProjectCall {
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  // The parser recovers from syntax errors; an edit on a recovered tree could land anywhere.
  const syntax = (sourceFile as unknown as { parseDiagnostics?: readonly TS.Diagnostic[] }).parseDiagnostics?.[0];
  if (syntax) {
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(syntax.start ?? 0);
    throw new AddError(`${fileName} has a syntax error at line ${line + 1}, column ${character + 1} `
      + `(${ts.flattenDiagnosticMessageText(syntax.messageText, ' ')}); fix it first, then run add again.`);
  }
  const imports = importedClasses(ts, sourceFile);
  const calls: TS.NewExpression[] = [];
  const visit = (node: TS.Node): void => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && imports.has(node.expression.text)) calls.push(node);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  if (calls.length === 0) {
    throw new AddError(`${fileName} has no "new <ProjectType>({ ... })" of an imported project class, so there is no spec to edit; `
      + 'write the options as an object literal in the constructor call, or make the change by hand.');
  }
  if (calls.length > 1) {
    throw new AddError(`${fileName} constructs several imported classes (${calls.map((c) => (c.expression as TS.Identifier).text).join(', ')}); `
      + 'add cannot tell which one is the service project: make the change by hand.');
  }
  const call = calls[0];
  const className = (call.expression as TS.Identifier).text;
  const arg = call.arguments?.[0];
  if (!arg || !ts.isObjectLiteralExpression(arg)) {
    throw new AddError(`The options of new ${className}(...) in ${fileName} are ${arg ? `"${arg.getText(sourceFile)}"` : 'missing'}, not an object literal `
      + '(built in a function or held in a variable); add cannot edit them safely: make the change by hand, or write them as new '
      + `${className}({ ... }).`);
  }
  return { sourceFile, className, ...imports.get(className)!, options: arg };
}

/** Finds an array option such as `['cognito', 'resourceServer', 'scopes']`, refusing values it cannot edit safely. */
export function findArrayOption(ts: typeof TS, call: ProjectCall, path: readonly string[]): ArrayOption {
  let parent = call.options;
  for (let i = 0; i < path.length; i++) {
    const at = path.slice(0, i + 1).join('.');
    const found = findProperty(ts, call, parent, path[i], at);
    if (!found) return { kind: 'absent', parent, missing: path.slice(i) };
    const value = unwrap(ts, found.initializer);
    const last = i === path.length - 1;
    if (last && ts.isArrayLiteralExpression(value)) {
      const values = value.elements.map((e, j) => {
        const v = ts.isSpreadElement(e) ? NOT_LITERAL : literalValue(ts, e);
        if (v === NOT_LITERAL) throw notLiteral(`${at}[${j}]`, e.getText(call.sourceFile));
        return v;
      });
      return { kind: 'present', node: value, values };
    }
    if (last || !ts.isObjectLiteralExpression(value)) throw notLiteral(at, found.initializer.getText(call.sourceFile));
    parent = value;
  }
  throw new Error('unreachable: an empty option path');
}

/** The statically readable options: every property whose value is a plain literal (others are left out). */
export function literalOptions(ts: typeof TS, call: ProjectCall): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of call.options.properties) {
    const name = ts.isPropertyAssignment(p) ? propertyName(ts, p.name) : undefined;
    if (name === undefined || !ts.isPropertyAssignment(p)) continue;
    const value = literalValue(ts, p.initializer);
    if (value !== NOT_LITERAL) out[name] = value;
  }
  return out;
}

function findProperty(ts: typeof TS, call: ProjectCall, obj: TS.ObjectLiteralExpression, key: string, at: string): TS.PropertyAssignment | undefined {
  let found: TS.PropertyAssignment | undefined;
  for (const p of obj.properties) {
    if (ts.isSpreadAssignment(p)) {
      throw new AddError(`The options of new ${call.className}(...) spread "${p.getText(call.sourceFile)}", which may hold ${at}; `
        + `add cannot edit them safely: write ${at} out in .projenrc.ts, or make the change by hand.`);
    }
    const name = p.name ? propertyName(ts, p.name) : undefined;
    if (name !== key) continue;
    if (!ts.isPropertyAssignment(p)) throw notLiteral(at, p.getText(call.sourceFile));
    found = p;
  }
  return found;
}

function unwrap(ts: typeof TS, node: TS.Expression): TS.Expression {
  return ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) ? unwrap(ts, node.expression) : node;
}

function notLiteral(at: string, text: string): AddError {
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return new AddError(`${at} in .projenrc.ts is "${shown}", not a literal add can read and extend; make the change by hand there `
    + '(or write the value out as a literal and run add again).');
}

/** Classes bound by import declarations, other than projen's own: local name -> module and export name. */
function importedClasses(ts: typeof TS, sf: TS.SourceFile): Map<string, { moduleSpecifier: string; exportName: string }> {
  const out = new Map<string, { moduleSpecifier: string; exportName: string }>();
  for (const s of sf.statements) {
    if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier) || !s.importClause || s.importClause.isTypeOnly) continue;
    const moduleSpecifier = s.moduleSpecifier.text;
    if (FRAMEWORK_MODULES.test(moduleSpecifier)) continue;
    const clause = s.importClause;
    if (clause.name) out.set(clause.name.text, { moduleSpecifier, exportName: 'default' });
    if (clause.namedBindings && ts.isNamedImports(clause.namedBindings)) {
      for (const e of clause.namedBindings.elements) {
        if (!e.isTypeOnly) out.set(e.name.text, { moduleSpecifier, exportName: (e.propertyName ?? e.name).text });
      }
    }
  }
  return out;
}
