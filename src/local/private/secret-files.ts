/**
 * Owner-only files, written whole: a reader never sees half a key, and two commands starting at once
 * (the issuer and `--print-env`) end up with the same first version.
 */
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The file's text, or undefined when it does not exist. */
export function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/**
 * Creates the file (mode 0600) unless it exists; returns what is on disk afterwards, which is the
 * other writer's content when it won the race.
 */
export function createSecretFile(path: string, contents: string): string {
  const tmp = writeTemp(path, contents);
  try {
    linkSync(tmp, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    unlinkSync(tmp);
  }
  return readFileSync(path, 'utf8');
}

/** Replaces the file (mode 0600) in one step. */
export function replaceSecretFile(path: string, contents: string): void {
  renameSync(writeTemp(path, contents), path);
}

function writeTemp(path: string, contents: string): string {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, contents, { mode: 0o600, flag: 'wx' });
  return tmp;
}
