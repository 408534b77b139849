/**
 * `eks-cognito-kit create <dir>`: argv -> typed answers -> spec options -> the project type's own
 * validation -> template context -> Handlebars render -> Yeoman writes -> npm install, first synth, git.
 * Nothing is written to <dir> before the spec is valid and every template has rendered.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  AnswerText, answersFromModel, assertScaffoldable, buildContext, CreateError, dependencySpec, firstSynth, flagForSpecPath,
  initGit, installDependencies, kitPackage, KitPackage, kitProjectType, kitRange, nameFromDir, nameQuestion, nextSteps,
  parseCreateArgs, renderHelp, renderTemplates, resolveAnswers, specQuestions, textToAnswers, UsageError, YeomanSession,
} from '../create';
import type { ProjectType } from '../create/project-type';
import type { TeamProjectType } from '../create/team-package';
import type { ServiceModel } from '../spec/model';
import { SpecError } from '../spec/spec-error';

/** Where `runCreate` prints: its summary on `out`, errors and notes on `err`. */
export interface CreateIo {
  out(text: string): void;
  err(text: string): void;
}

const processIo: CreateIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

/** Runs `create` with the words after it; resolves to the exit code (0 done, 1 refused or failed, 2 bad usage). */
export async function runCreate(argv: string[], io: CreateIo = processIo): Promise<number> {
  let team: TeamProjectType | undefined;
  let nameFromFolder = false;
  try {
    const flags = parseCreateArgs(argv);
    const kit = kitPackage();
    if (flags.help) {
      io.out(`${renderHelp(kit.version)}\n`);
      return 0;
    }
    if (!flags.dir) throw new UsageError('Missing the folder to create: eks-cognito-kit create <dir>.');
    const cwd = process.cwd();
    const targetDir = resolve(cwd, flags.dir);
    assertScaffoldable(targetDir, flags.force);
    const templatesDir = optionalFolder(flags.values['templates-dir'], cwd);
    const kitDependency = dependencySpec(kit.name, flags.values['kit-spec'] ?? `^${kit.version}`, cwd);
    team = flags.values.template ? (await import('../create/team-package')).loadTeamProjectType(flags.values.template, kit, cwd) : undefined;
    const projectType = team ?? kitProjectType(kit);

    const interactive = !flags.yes && Boolean(process.stdin.isTTY && process.stdout.isTTY);
    if (!interactive && !flags.yes) io.err('No terminal to ask on: using the defaults for everything no flag gives.\n');
    const session = interactive ? await YeomanSession.open(kit, targetDir, flags.force) : undefined;

    // The name comes first: the project type's other defaults may derive from it.
    const preset: Record<string, string> = { ...flags.values };
    nameFromFolder = preset.name === undefined;
    preset.name ??= session
      ? String((await session.prompt([nameQuestion(projectType, nameFromDir(targetDir))], {})).name)
      : nameFromDir(targetDir);
    const baseline = resolveBaseline(projectType, preset.name);
    const defaults = answersFromModel(baseline);
    resolveAnswers(projectType, textToAnswers(preset, defaults), baseline);

    const text = session ? (await session.prompt(specQuestions(projectType, baseline, preset), preset)) as AnswerText : preset;
    const answers = textToAnswers(text, defaults);
    const specOptions = resolveAnswers(projectType, answers, baseline);

    const context = buildContext({ answers, specOptions, projectType, kit: kitDependency, toolchain: toolchain(kit) });
    const layers = [kit.templatesDir, projectType.templatesDir, templatesDir].filter((d): d is string => d !== undefined);
    const files = renderTemplates(layers, context);
    await (session ?? (await YeomanSession.open(kit, targetDir, flags.force))).write(files);

    if (flags.install) {
      installDependencies(targetDir, context.installLinks);
      firstSynth(targetDir);
    }
    const git = flags.git ? initGit(targetDir) : undefined;
    io.out(nextSteps({ targetDir, name: answers.name, installed: flags.install, git }, cwd));
    return 0;
  } catch (e) {
    return report(e, io, nameFromFolder);
  } finally {
    team?.dispose();
  }
}

/**
 * The project type's defaults for a name. With an invalid name the defaults of a stand-in name are used,
 * so that the full validation below reports the name together with every other problem.
 */
function resolveBaseline(projectType: ProjectType, name: string): ServiceModel {
  try {
    return projectType.resolve({ name });
  } catch (e) {
    if (!(e instanceof SpecError)) throw e;
    return projectType.resolve({ name: 'service' });
  }
}

/** Packages the first synth needs before projen writes package.json, at the kit's own ranges. */
function toolchain(kit: KitPackage): Record<string, string> {
  return Object.fromEntries(['projen', 'constructs', 'ts-node', 'typescript'].map((n) => [n, kitRange(kit, n, '*')]));
}

function optionalFolder(path: string | undefined, cwd: string): string | undefined {
  if (path === undefined) return undefined;
  const dir = resolve(cwd, path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CreateError(`--templates-dir ${dir} is not a folder; pass a folder of .hbs templates.`);
  return dir;
}

function report(e: unknown, io: CreateIo, nameFromFolder: boolean): number {
  if (e instanceof SpecError) {
    const flags = [...new Set(e.problems.map((p) => flagForSpecPath(p.path)?.name).filter((f) => f !== undefined))];
    const hint = flags.length > 0 ? `\nFix with: ${flags.map((f) => `--${f}`).join(', ')}` : '';
    const name = nameFromFolder && e.problems.some((p) => p.path === 'name') ? ' (the name defaults to the folder name)' : '';
    io.err(`${e.message}${hint}${name}\n`);
    return 1;
  }
  if (e instanceof CreateError) {
    io.err(`${e.message}\n`);
    return e.exitCode;
  }
  io.err(`eks-cognito-kit create failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  return 1;
}
