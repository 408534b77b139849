/**
 * After the files are written: `npm install`, the first synth (projen then owns package.json and
 * installs what the project type added) and the first git commit.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CreateError } from './create-error';
import { run } from './private/npm';

/** Installs the bootstrap dependencies (projen, ts-node, the kit, the team package) with npm's progress shown. */
export function installDependencies(dir: string, installLinks: boolean): void {
  // a local folder must be copied (not linked) to resolve this repo's eks-cognito-kit; .projenrc.ts keeps the setting
  const args = ['install', '--no-audit', '--no-fund', ...(installLinks ? ['--install-links'] : [])];
  if (!run('npm', args, dir, 'inherit').ok) {
    throw new CreateError(`npm install failed in ${dir} (its output is above); fix the cause, then run "npm install && npm run projen" there.`);
  }
}

/** Runs `.projenrc.ts` once through the bootstrap `projen` script; projen writes every file and runs its own install. */
export function firstSynth(dir: string): void {
  // With CI set, projen installs with `npm ci`, which refuses the bootstrap lockfile that projen's own
  // package.json has just outdated; the first synth is the one place that lockfile must be rewritten.
  const { CI: _ci, ...env } = process.env;
  if (!run('npm', ['run', '--silent', 'projen'], dir, 'inherit', env).ok) {
    throw new CreateError(`The first synth failed in ${dir} (its output is above); fix .projenrc.ts, then run "npm run projen" there.`);
  }
}

/** Outcome of the git step, for the summary. */
export type GitOutcome = 'committed' | 'not-committed' | 'inside-repo' | 'no-git';

/** Initialises a repository (reusing an existing `.git`) and makes the first commit; never fails the run. */
export function initGit(dir: string): { outcome: GitOutcome; detail?: string } {
  if (!run('git', ['--version'], dir).ok) return { outcome: 'no-git', detail: 'git is not installed' };
  const own = existsSync(join(dir, '.git'));
  if (!own && run('git', ['rev-parse', '--is-inside-work-tree'], dir).ok) return { outcome: 'inside-repo' };
  if (!own) {
    const init = run('git', ['-c', 'init.defaultBranch=main', 'init', '--quiet'], dir);
    if (!init.ok) return { outcome: 'not-committed', detail: init.output.trim() };
  }
  const add = run('git', ['add', '--all'], dir);
  const commit = add.ok ? run('git', ['commit', '--quiet', '--message', 'Initial commit from eks-cognito-kit create'], dir) : add;
  return commit.ok ? { outcome: 'committed' } : { outcome: 'not-committed', detail: commit.output.trim() };
}
