/**
 * The folder `create` scaffolds into: absent, empty or holding only `.git`, unless `--force`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { CreateError } from './create-error';

/** Entries of `dir` that a new scaffold would clash with (everything but `.git`); none if it is absent. */
export function conflictingEntries(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory()) throw new CreateError(`${dir} is a file; choose a folder path for the new repo.`);
  return readdirSync(dir).filter((e) => e !== '.git').sort();
}

/** Throws unless `dir` can take a new scaffold; with `force`, existing files are overwritten instead. */
export function assertScaffoldable(dir: string, force: boolean): void {
  const entries = conflictingEntries(dir);
  if (entries.length === 0 || force) return;
  const shown = entries.slice(0, 10).map((e) => `  - ${e}`).join('\n');
  const more = entries.length > 10 ? `\n  ... and ${entries.length - 10} more` : '';
  throw new CreateError(`${dir} is not empty; nothing was written. It holds:\n${shown}${more}\n`
    + 'Choose a new or empty folder, or pass --force to scaffold over it (files with the same names are overwritten).');
}
