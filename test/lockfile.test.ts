/**
 * The kit's own lockfile must keep every platform's optional packages. npm trims the ones of other
 * platforms when it rewrites a lockfile with a `node_modules` present (npm/cli issues 4828 and 8320),
 * and npm 11's `npm ci` then refuses the lockfile on every machine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface LockedPackage {
  readonly optionalDependencies?: Record<string, string>;
  readonly peer?: boolean;
}

const lock = JSON.parse(readFileSync(join(__dirname, '..', 'package-lock.json'), 'utf-8')) as {
  lockfileVersion: number;
  packages: Record<string, LockedPackage>;
};

/** Where Node's resolution would find `name` from the package at `from`, or undefined when the lockfile has no entry. */
function resolveLocked(from: string, name: string): string | undefined {
  let dir = from;
  for (;;) {
    const candidate = `${dir === '' ? '' : `${dir}/`}node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (dir === '') return undefined;
    const parent = dir.lastIndexOf('/node_modules/');
    dir = parent < 0 ? '' : dir.slice(0, parent);
  }
}

describe('package-lock.json', () => {
  test('is a version 3 lockfile', () => {
    expect(lock.lockfileVersion).toBe(3);
  });

  test("locks every optional dependency of every package, other platforms' included", () => {
    const missing = Object.entries(lock.packages).flatMap(([path, pkg]) =>
      Object.keys(pkg.optionalDependencies ?? {})
        .filter((name) => resolveLocked(path, name) === undefined)
        .map((name) => `${path || '(root)'} -> ${name}`));
    // Fix: rm -rf node_modules && npm install --package-lock-only (regenerates the entries from the registry).
    expect(missing).toEqual([]);
  });

  test('the check sees a trimmed lockfile', () => {
    // The native resolver of eslint-import-resolver-typescript ships one optional package per platform.
    const resolver = Object.keys(lock.packages).find((path) => path.endsWith('node_modules/unrs-resolver'));
    expect(resolver).toBeDefined();
    const optional = Object.keys(lock.packages[resolver!].optionalDependencies ?? {});
    expect(optional.length).toBeGreaterThan(10);
    expect(optional.map((name) => resolveLocked(resolver!, name))).not.toContain(undefined);
    expect(resolveLocked(resolver!, '@unrs/resolver-binding-not-a-platform')).toBeUndefined();
  });
});
