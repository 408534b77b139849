/**
 * `eks-cognito-kit add route|scope|client`: argv -> request -> syntax-tree edit of `.projenrc.ts`
 * -> the project type's own validation -> write -> `npx projen`; a failed synth puts every file back.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type * as TS from 'typescript';
import { ADD_HELP, AddArgs, parseAddArgs } from './add-args';
import { AddError, GivenAddWords, MissingWordsError } from './add-error';
import { askMissingWords, processTerminal } from './add-questions';
import { grantHint } from './grant-hint';
import { changedFiles, restoreRepo, snapshotRepo } from './private/repo-snapshot';
import { unifiedDiff } from './private/unified-diff';
import { ProjectProbe } from './project-probe';
import { findProjectCall, literalOptions } from './projenrc-source';
import { editSpec, SpecDefaults } from './spec-edit';
import type { RouteOptions } from '../spec/options';

/** Where `runAdd` prints: its summary on `out`, errors and notes on `err`. */
export interface AddIo {
  out(text: string): void;
  err(text: string): void;
}

const processIo: AddIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };
const PROJENRC = '.projenrc.ts';

/** Runs `add` with the words after it; resolves to the exit code (0 done, 1 refused or failed, 2 bad usage). */
export async function runAdd(argv: readonly string[], io: AddIo = processIo): Promise<number> {
  try {
    const args = await parseOrAsk(argv, io);
    if (args.help || !args.request) {
      io.out(`${ADD_HELP}\n`);
      return 0;
    }
    const repoDir = resolve(process.cwd(), args.dir);
    const file = join(repoDir, PROJENRC);
    if (!existsSync(file)) {
      throw new AddError(`No ${PROJENRC} in ${repoDir}; run add in a service repository made by "eks-cognito-kit create", or pass --dir <repo>.`);
    }
    const ts = loadTypeScript(repoDir);
    const original = readFileSync(file, 'utf8');
    const call = findProjectCall(ts, original);
    let probe: ProjectProbe | undefined;
    const loadProbe = () => (probe ??= ProjectProbe.load(repoDir, call));
    const edit = editSpec(ts, original, args.request, {
      defaults: () => loadProbe().defaults(literalOptions(ts, call)),
      addScope: args.addScope,
    });
    checkEdit(ts, original, edit.text, loadProbe);

    if (args.dryRun) {
      io.out(unifiedDiff(original, edit.text, PROJENRC));
      io.err(`Dry run: would add ${edit.changes.join(', ')}; nothing was changed.\n`);
      return 0;
    }
    const command = synthCommand(repoDir);
    const before = snapshotRepo(repoDir);
    try {
      writeFileSync(file, edit.text);
      synth(repoDir, command, io);
    } catch (e) {
      restoreRepo(repoDir, before);
      throw e;
    }
    const { added, changed, removed } = changedFiles(before, snapshotRepo(repoDir));
    const lines = [...changed.map((p) => `  changed  ${p}`), ...added.map((p) => `  added    ${p}`), ...removed.map((p) => `  removed  ${p}`)];
    io.out(`Added ${edit.changes.join(', ')}.\nFiles:\n${lines.join('\n')}\n`);
    if (lines.length === 1) io.err(`"${command.join(' ')}" changed no file but ${PROJENRC}; check that it synthesizes this repo.\n`);
    if (args.request.kind === 'route') io.err(routeGrantHint(args.request.route, () => loadProbe().defaults(literalOptions(ts, findProjectCall(ts, edit.text)))));
    return 0;
  } catch (e) {
    if (e instanceof AddError) {
      io.err(`${e.message}\n`);
      return e.exitCode;
    }
    io.err(`eks-cognito-kit add failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    return 1;
  }
}

/** `grantHint` for the spec as it now is, or nothing when the project type cannot be read here. */
function routeGrantHint(route: RouteOptions, after: () => SpecDefaults): string {
  try {
    return grantHint(route, after()) ?? '';
  } catch {
    return '';
  }
}

/** The command line; on a terminal, words it lacks are asked for (see add-questions.ts) instead of refused. */
async function parseOrAsk(argv: readonly string[], io: AddIo): Promise<AddArgs> {
  try {
    return parseAddArgs(argv);
  } catch (e) {
    if (!(e instanceof MissingWordsError) || io !== processIo || !process.stdin.isTTY || !process.stdout.isTTY) throw e;
    const terminal = processTerminal();
    try {
      return parseAddArgs(await askMissingWords(e.given, () => declaredScopes(e.given), terminal));
    } finally {
      terminal.close();
    }
  }
}

/** The scope names the repo's spec declares now (its literal options over the project type's defaults). */
function declaredScopes(given: GivenAddWords): string[] {
  const repoDir = resolve(process.cwd(), given.values.dir ?? '.');
  const file = join(repoDir, PROJENRC);
  if (!existsSync(file)) throw new AddError(`No ${PROJENRC} in ${repoDir}; run add in a service repository, or pass --dir <repo>.`);
  const ts = loadTypeScript(repoDir);
  const call = findProjectCall(ts, readFileSync(file, 'utf8'));
  return ProjectProbe.load(repoDir, call).defaults(literalOptions(ts, call)).scopes.map((s) => s.name);
}

/** The repo's own `typescript` (a devDependency of every generated repo), so the kit need not ship one. */
function loadTypeScript(repoDir: string): typeof TS {
  try {
    return createRequire(join(repoDir, 'package.json'))('typescript');
  } catch {
    throw new AddError(`Cannot load the "typescript" package from ${repoDir}; run "npm install" there (it is a devDependency of the repo) and retry.`);
  }
}

/** Refuses an edit the project type would reject, judged on the literal options before and after. */
function checkEdit(ts: typeof TS, before: string, after: string, loadProbe: () => ProjectProbe): void {
  let probe: ProjectProbe;
  try {
    probe = loadProbe();
  } catch {
    // A team class that cannot be loaded here is still checked by the synth below.
    return;
  }
  const problems = probe.newProblems(literalOptions(ts, findProjectCall(ts, before)), literalOptions(ts, findProjectCall(ts, after)));
  if (problems.length > 0) {
    throw new AddError(`The spec would be invalid after this add, so nothing was changed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * The repo's synth command: `npx projen` once projen has written its tasks; before the first synth, the
 * bootstrap `projen` script that `create` writes into package.json.
 */
export function synthCommand(repoDir: string, env: NodeJS.ProcessEnv = process.env): string[] {
  if (existsSync(join(repoDir, '.projen', 'tasks.json'))) {
    // projen's CLI resets PROJEN_DISABLE_POST from its own --no-post flag, so a caller's choice is passed on as that flag.
    const noPost = ['1', 'true'].includes((env.PROJEN_DISABLE_POST ?? '').toLowerCase());
    return ['npx', 'projen', ...(noPost ? ['--no-post'] : [])];
  }
  const scripts = existsSync(join(repoDir, 'package.json')) ? JSON.parse(readFileSync(join(repoDir, 'package.json'), 'utf8')).scripts : undefined;
  if (typeof scripts?.projen === 'string') return ['npm', 'run', '--silent', 'projen'];
  throw new AddError(`${repoDir} has neither .projen/tasks.json nor a "projen" script in package.json, so there is no synth to run; `
    + 'run "npx projen" there once (or re-create the repo with eks-cognito-kit create), then run add again.');
}

/** Runs the repo's synth; throws, with its output, when it fails. */
function synth(repoDir: string, command: readonly string[], io: AddIo): void {
  const run = spawnSync(command[0], command.slice(1), { cwd: repoDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (run.status !== 0) {
    io.err(`${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? `${run.error.message}\n` : ''}`);
    throw new AddError(`"${command.join(' ')}" failed in ${repoDir} (its output is above); ${PROJENRC} and every file the synth touched are back as they were.`);
  }
}
