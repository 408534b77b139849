/**
 * The running kit's own package: its version and dependency ranges, as `create` needs them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What `create` needs to know about the installed eks-cognito-kit package. */
export interface KitPackage {
  /** Folder holding the kit's package.json. */
  readonly root: string;
  readonly name: string;
  readonly version: string;
  readonly peerDependencies: Readonly<Record<string, string>>;
  readonly devDependencies: Readonly<Record<string, string>>;
  /** The module a team package's `require('eks-cognito-kit')` must reach: this very kit. */
  readonly indexPath: string;
}

/** Reads the kit's package.json; `src/create` and `lib/create` both sit two levels below it. */
export function kitPackage(): KitPackage {
  const root = join(__dirname, '..', '..');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return {
    root,
    name: pkg.name,
    version: pkg.version,
    peerDependencies: pkg.peerDependencies ?? {},
    devDependencies: pkg.devDependencies ?? {},
    indexPath: require.resolve('../index'),
  };
}

/** The kit's own range for a package (peer first, then dev), or `fallback`. */
export function kitRange(kit: KitPackage, name: string, fallback: string): string {
  return kit.peerDependencies[name] ?? kit.devDependencies[name] ?? fallback;
}
