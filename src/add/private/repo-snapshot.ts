/**
 * The bytes of every file of a repository (git and node_modules aside), to report what a synth
 * changed and to put everything back, byte for byte, when it fails.
 */
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const SKIPPED = new Set(['.git', 'node_modules']);

/** One file's contents and permission bits. */
export interface FileState {
  readonly data: Buffer;
  readonly mode: number;
}

/** Path (relative, `/`-separated) -> state. */
export type RepoSnapshot = ReadonlyMap<string, FileState>;

/** Reads every file under `dir`. */
export function snapshotRepo(dir: string): RepoSnapshot {
  const out = new Map<string, FileState>();
  const walk = (rel: string): void => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory() && !SKIPPED.has(e.name)) walk(path);
      else if (e.isFile()) out.set(path, { data: readFileSync(join(dir, path)), mode: statSync(join(dir, path)).mode % 0o10000 });
    }
  };
  walk('');
  return out;
}

/** Files added, changed and removed between two snapshots, each sorted. */
export function changedFiles(before: RepoSnapshot, after: RepoSnapshot): { added: string[]; changed: string[]; removed: string[] } {
  const added = [...after.keys()].filter((p) => !before.has(p)).sort();
  const changed = [...after.keys()].filter((p) => before.has(p) && !same(before.get(p)!, after.get(p)!)).sort();
  const removed = [...before.keys()].filter((p) => !after.has(p)).sort();
  return { added, changed, removed };
}

/** Puts `dir` back to `before`: rewrites changed and removed files, deletes added ones. */
export function restoreRepo(dir: string, before: RepoSnapshot): void {
  const { added, changed, removed } = changedFiles(before, snapshotRepo(dir));
  added.forEach((p) => rmSync(join(dir, p), { force: true }));
  for (const p of [...changed, ...removed]) {
    const file = join(dir, p);
    mkdirSync(dirname(file), { recursive: true });
    // projen leaves its files read-only; the owner may still make them writable to put the old bytes back.
    if (changed.includes(p)) chmodSync(file, 0o600);
    writeFileSync(file, before.get(p)!.data);
    chmodSync(file, before.get(p)!.mode);
  }
}

function same(a: FileState, b: FileState): boolean {
  return a.mode === b.mode && a.data.equals(b.data);
}
