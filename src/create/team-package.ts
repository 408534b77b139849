/**
 * Team standards: a package exporting a subclass of `EksCognitoServiceProject` (and optionally a
 * `templates/` folder), installed into a scratch folder so `create` can read its defaults and templates.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EksCognitoServiceProject, EksCognitoServiceProjectOptions } from '../project';
import { CreateError } from './create-error';
import type { KitPackage } from './kit-package';
import { PROGRESS_ON_STDERR, run } from './private/npm';
import { dependencySpec, localPathOf } from './private/npm-spec';
import type { ProjectType } from './project-type';
import { tsString } from '../private/ts-literal';
import type { ServiceModel } from '../spec/model';

type ProjectClass = new (options: EksCognitoServiceProjectOptions) => EksCognitoServiceProject;

/** A team's project type; `dispose()` removes the scratch folder it was loaded from. */
export interface TeamProjectType extends ProjectType {
  dispose(): void;
}

/** Splits `--template <npm spec>[:<ClassName>]`; a class name starts with an upper-case letter. */
export function parseTemplateFlag(text: string): { spec: string; className?: string } {
  const m = /^(.+):([A-Z][\w$]*)$/.exec(text);
  return m ? { spec: m[1], className: m[2] } : { spec: text };
}

/** Installs the team package into a scratch folder, loads it against this kit and picks its class. */
export function loadTeamProjectType(text: string, kit: KitPackage, cwd: string): TeamProjectType {
  const { spec, className } = parseTemplateFlag(text);
  const path = localPathOf(spec, cwd);
  const staging = mkdtempSync(join(tmpdir(), 'eks-cognito-kit-team-'));
  const dispose = () => rmSync(staging, { recursive: true, force: true });
  try {
    writeFileSync(join(staging, 'package.json'), '{ "private": true }\n');
    // peers are skipped: the team package must see this very kit (shimmed below), not a second copy
    const args = ['install', '--no-audit', '--no-fund', '--no-package-lock', '--legacy-peer-deps', '--install-links', path ?? spec];
    if (!run('npm', args, staging, PROGRESS_ON_STDERR).ok) {
      throw new CreateError(`npm could not install the team package "${spec}" (its output is above); check the --template spec.`);
    }
    const name = Object.keys(readJson(join(staging, 'package.json')).dependencies ?? {})[0];
    const dir = join(staging, 'node_modules', name);
    for (const [shim, target] of [[kit.name, kit.indexPath], ['projen', require.resolve('projen')], ['constructs', require.resolve('constructs')]]) {
      mkdirSync(join(staging, 'node_modules', shim), { recursive: true });
      writeFileSync(join(staging, 'node_modules', shim, 'index.js'), `module.exports = require(${JSON.stringify(target)});\n`);
    }
    const chosen = chooseClass(createRequire(join(staging, 'package.json'))(name), className, spec);
    const templatesDir = join(dir, 'templates');
    return {
      className: chosen.localName,
      importLine: chosen.exportName === 'default'
        ? `import ${chosen.localName} from ${tsString(name)};`
        : `import { ${chosen.exportName} } from ${tsString(name)};`,
      dependency: dependencySpec(name, spec, cwd, readJson(join(dir, 'package.json')).version),
      templatesDir: existsSync(templatesDir) ? templatesDir : undefined,
      resolve: (options) => probe(chosen.cls, options),
      dispose,
    };
  } catch (e) {
    dispose();
    throw e;
  }
}

/** Picks the class named on the command line, else the default export, else the only subclass exported. */
function chooseClass(mod: unknown, className: string | undefined, spec: string): { cls: ProjectClass; exportName: string; localName: string } {
  const exported: Record<string, unknown> = typeof mod === 'function' ? { default: mod } : { ...(mod as object) };
  const isSubclass = (v: unknown): v is ProjectClass => typeof v === 'function' && v.prototype instanceof EksCognitoServiceProject;
  const classes = [...new Set(Object.values(exported).filter(isSubclass))];
  const found = classes.map((c) => c.name).join(', ') || 'none';
  let cls: ProjectClass | undefined;
  if (className) cls = classes.find((c) => c.name === className || exported[className] === c);
  else cls = isSubclass(exported.default) ? exported.default : classes.length === 1 ? classes[0] : undefined;
  if (!cls) {
    const why = className ? `no subclass of EksCognitoServiceProject named ${className}`
      : classes.length > 1 ? 'several subclasses of EksCognitoServiceProject' : 'no subclass of EksCognitoServiceProject';
    throw new CreateError(`The team package "${spec}" exports ${why} (found: ${found}); ${classes.length > 1
      ? `choose one with --template ${spec}:<ClassName>` : 'export one (as default or named) built against this eks-cognito-kit'}.`);
  }
  const exportName = Object.keys(exported).find((k) => k !== 'default' && exported[k] === cls) ?? 'default';
  return { cls, exportName, localName: exportName === 'default' ? cls.name || 'TeamServiceProject' : exportName };
}

/** Builds the team's project in a throwaway folder: its constructor validates and resolves the spec. */
function probe(cls: ProjectClass, options: object): ServiceModel {
  const outdir = mkdtempSync(join(tmpdir(), 'eks-cognito-kit-probe-'));
  try {
    return new cls({ ...(options as EksCognitoServiceProjectOptions), outdir }).model;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

function readJson(file: string): Record<string, any> {
  return JSON.parse(readFileSync(file, 'utf8'));
}
