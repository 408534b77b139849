/**
 * npm package specs as the new repo records them: a local path becomes an absolute `file:` spec so it
 * stays valid from the new repo, whatever folder `create` ran in.
 */
import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { CreateError } from '../create-error';

/** A dependency of the new repo. */
export interface DependencySpec {
  readonly name: string;
  /** What follows `name@` in package.json and in projen's `devDeps`. */
  readonly version: string;
  /** A local folder, which npm would link instead of copying unless told `install-links`. */
  readonly localFolder: boolean;
}

/** The absolute path a spec names, when it names a local tarball or folder. */
export function localPathOf(spec: string, cwd: string): string | undefined {
  const raw = spec.startsWith('file:') ? spec.slice('file:'.length) : spec;
  const expanded = raw.replace(/^~(?=[\\/])/, homedir());
  const pathLike = spec.startsWith('file:') || /^(\.{1,2}([\\/]|$)|[\\/]|[A-Za-z]:[\\/])/.test(expanded) || /\.(tgz|tar\.gz)$/.test(expanded);
  const path = isAbsolute(expanded) ? expanded : resolve(cwd, expanded);
  if (pathLike && !existsSync(path)) throw new CreateError(`Cannot find ${path} (from the package spec "${spec}"); pass an existing tarball or folder.`);
  return pathLike || (!spec.includes('@') && existsSync(path)) ? path : undefined;
}

/**
 * The dependency a spec stands for: `name@range` and `range` keep the range, a bare `name` gets
 * `^<installed version>`, a path gets `file:<absolute path>`, anything else (git, URL) is kept.
 */
export function dependencySpec(name: string, spec: string, cwd: string, installedVersion?: string): DependencySpec {
  const path = localPathOf(spec, cwd);
  if (path) return { name, version: `file:${path}`, localFolder: statSync(path).isDirectory() };
  const rest = spec.startsWith(`${name}@`) ? spec.slice(name.length + 1) : spec;
  const version = rest === name ? (installedVersion ? `^${installedVersion}` : '*') : rest;
  return { name, version, localFolder: false };
}
