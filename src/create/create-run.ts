/**
 * The steps of `create` that the Yeoman generator in create-eks-cognito-kit runs, phase by phase:
 * `planCreate` (initializing), questions (prompting), `decideCreate` (configuring), `renderTemplates`
 * (writing), `installDependencies` and `firstSynth` (install), `initGit` and `nextSteps` (end).
 * One path from typed answers to spec options: flags and prompts give `GivenAnswers`, nothing goes back to text.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { answersFromFlags, answersFromModel, completeAnswers, CreateAnswers, GivenAnswers } from './answers';
import { buildContext, ScaffoldContext } from './context';
import { CreateError, UsageError } from './create-error';
import { CreateFlags, flagForSpecPath, nameFromDir } from './flags';
import { KitPackage, kitPackage, kitRange } from './kit-package';
import { dependencySpec, DependencySpec } from './private/npm-spec';
import { kitProjectType, ProjectType } from './project-type';
import { resolveAnswers } from './spec-options';
import { assertScaffoldable } from './target-folder';
import type { ServiceModel } from '../spec/model';
import type { ServiceSpecOptions } from '../spec/options';
import { SpecError } from '../spec/spec-error';

/** What `create` knows once the command line is read and the folder checked, before any question. */
export interface CreatePlan {
  readonly flags: CreateFlags;
  readonly cwd: string;
  readonly targetDir: string;
  readonly kit: KitPackage;
  /** eks-cognito-kit as the new repo installs it (`--kit-spec`). */
  readonly kitDependency: DependencySpec;
  /** The kit's own class, or the team package's subclass (`--template`). */
  readonly projectType: ProjectType;
  /** Template folders layered over the scaffold's own: the team package's, then `--templates-dir`. */
  readonly templateLayers: readonly string[];
  /** The answers the flags give. */
  readonly given: GivenAnswers;
  /** Whether prompts may be shown: a terminal on both ends and no `--yes`. */
  readonly interactive: boolean;
  /** Removes the scratch folder of a team package. */
  dispose(): void;
}

/** Everything decided: the answers, the spec options they stand for (validated) and the template context. */
export interface CreateDecision {
  readonly answers: CreateAnswers;
  readonly specOptions: ServiceSpecOptions;
  readonly context: ScaffoldContext;
}

/** Checks the folder and the flags that name files, and loads the project type (a team package is installed here). */
export async function planCreate(flags: CreateFlags, cwd: string, terminal: boolean): Promise<CreatePlan> {
  if (!flags.dir) throw new UsageError('Missing the folder to create: npm create eks-cognito-kit <dir>.');
  const kit = kitPackage();
  const targetDir = resolve(cwd, flags.dir);
  assertScaffoldable(targetDir, flags.force);
  const templatesDir = optionalFolder(flags.values['templates-dir'], cwd);
  const kitDependency = dependencySpec(kit.name, flags.values['kit-spec'] ?? `^${kit.version}`, cwd);
  const team = flags.values.template ? (await import('./team-package')).loadTeamProjectType(flags.values.template, kit, cwd) : undefined;
  const projectType = team ?? kitProjectType(kit);
  return {
    flags,
    cwd,
    targetDir,
    kit,
    kitDependency,
    projectType,
    templateLayers: [projectType.templatesDir, templatesDir].filter((d): d is string => d !== undefined),
    given: answersFromFlags(flags.values),
    interactive: !flags.yes && terminal,
    dispose: () => team?.dispose(),
  };
}

/** The name to suggest when no flag gives one: the folder's. */
export function suggestedName(plan: CreatePlan): string {
  return nameFromDir(plan.targetDir);
}

/**
 * The project type's defaults for a name. With an invalid name the defaults of a stand-in name are used,
 * so that the full validation reports the name together with every other problem.
 */
export function baselineOf(plan: CreatePlan, name: string): ServiceModel {
  try {
    return plan.projectType.resolve({ name });
  } catch (e) {
    if (!(e instanceof SpecError)) throw e;
    return plan.projectType.resolve({ name: 'service' });
  }
}

/** Completes and validates the answers (throws `SpecError` listing every problem) and builds the template context. */
export function decideCreate(plan: CreatePlan, given: GivenAnswers): CreateDecision {
  const name = given.name ?? suggestedName(plan);
  const baseline = baselineOf(plan, name);
  const answers = completeAnswers({ ...given, name }, answersFromModel(baseline));
  const specOptions = resolveAnswers(plan.projectType, answers, baseline);
  const context = buildContext({ answers, specOptions, projectType: plan.projectType, kit: plan.kitDependency, toolchain: toolchain(plan.kit) });
  return { answers, specOptions, context };
}

/**
 * Prints a failure of `create` (every spec problem with the flags that fix them) and returns the exit
 * code: 1 invalid answers, folder or failed step; 2 bad usage.
 */
export function reportCreateError(e: unknown, err: (text: string) => void, nameFromFolder: boolean): number {
  if (e instanceof SpecError) {
    const flags = [...new Set(e.problems.map((p) => flagForSpecPath(p.path)?.name).filter((f) => f !== undefined))];
    const hint = flags.length > 0 ? `\nFix with: ${flags.map((f) => `--${f}`).join(', ')}` : '';
    const name = nameFromFolder && e.problems.some((p) => p.path === 'name') ? ' (the name defaults to the folder name)' : '';
    err(`${e.message}${hint}${name}\n`);
    return 1;
  }
  if (e instanceof CreateError) {
    err(`${e.message}\n`);
    return e.exitCode;
  }
  err(`create failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  return 1;
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
