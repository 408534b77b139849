/**
 * Renders the scaffold's Handlebars templates. Template folders are layered: a later folder replaces
 * an earlier one's file (same relative path) or partial (same name) and may add its own.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { CreateError } from './create-error';

/**
 * The part of Handlebars the scaffold uses. Handlebars is a dependency of create-eks-cognito-kit, not of
 * the kit, so the caller passes it in (`import Handlebars from 'handlebars'`).
 */
export interface TemplateEngine {
  create(): {
    registerHelper(name: string, fn: (...args: any[]) => unknown): void;
    registerPartial(name: string, source: string): void;
    compile(source: string, options: { strict: boolean; noEscape: boolean }): (context: object) => string;
  };
}

/** Folder of reusable partials inside a template folder; never rendered as a file. */
export const PARTIALS_DIR = 'partials';

/** The file a template path produces: `.hbs` dropped, a leading `_` in a name becomes `.` (npm drops some dotfiles). */
export function targetPathOf(templatePath: string): string {
  return templatePath.replace(/\.hbs$/, '').split('/').map((part) => part.replace(/^_/, '.')).join('/');
}

/** Template paths (relative, `/`-separated) of one template folder, partials excluded. */
export function templateFiles(dir: string): string[] {
  return walk(dir).filter((f) => !f.startsWith(`${PARTIALS_DIR}/`));
}

/**
 * Renders every template of the layered folders with `context`: target path -> contents. Files without
 * `.hbs` are copied byte for byte (images stay images).
 */
export function renderTemplates(layers: readonly string[], context: object, handlebars: TemplateEngine): Map<string, string | Buffer> {
  const files = new Map<string, string>();
  const partials = new Map<string, string>();
  for (const dir of layers) {
    walk(dir).forEach((f) => (f.startsWith(`${PARTIALS_DIR}/`)
      ? partials.set(f.slice(PARTIALS_DIR.length + 1).replace(/\.hbs$/, ''), join(dir, f))
      : files.set(f, join(dir, f))));
  }
  const hbs = handlebars.create();
  // `{{json value 2}}` indents every line after the first by 2 more spaces, to nest it in a JSON template
  hbs.registerHelper('json', (value: unknown, indent: unknown) =>
    JSON.stringify(value, null, 2).replace(/\n/g, `\n${' '.repeat(typeof indent === 'number' ? indent : 0)}`));
  hbs.registerHelper('join', (items: unknown[], separator: unknown) => items.join(typeof separator === 'string' ? separator : ', '));
  partials.forEach((file, name) => hbs.registerPartial(name, readFileSync(file, 'utf8')));

  const out = new Map<string, string | Buffer>();
  for (const [templatePath, file] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    try {
      out.set(targetPathOf(templatePath), templatePath.endsWith('.hbs')
        ? hbs.compile(readFileSync(file, 'utf8'), { strict: true, noEscape: true })(context)
        : readFileSync(file));
    } catch (e) {
      throw new CreateError(`Template ${file} failed to render: ${(e as Error).message}. Fix the template or the value it names.`);
    }
  }
  return out;
}

function walk(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch (e) {
    throw new CreateError(`Cannot read the template folder ${dir}: ${(e as Error).message}.`);
  }
  return entries
    .filter((e) => statSync(join(dir, e)).isFile())
    .map((e) => relative(dir, join(dir, e)).split(sep).join('/'))
    .sort();
}
