/**
 * Files the kit ships verbatim into generated repositories, found in the installed package.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** The kit's package root, whether running from `src/` (tests) or `lib/` (installed). */
export const KIT_ROOT = resolve(__dirname, '..', '..');

/** One shipped file: its path relative to the asset root and its text. */
export interface AssetFile {
  readonly path: string;
  readonly text: string;
}

/** Every file under `<kit>/<folder>`, sorted, paths in POSIX form. */
export function readAssetTree(folder: string): AssetFile[] {
  const root = join(KIT_ROOT, folder);
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  return walk(root).sort().map((file) => ({
    path: relative(root, file).split(sep).join('/'),
    text: readFileSync(file, 'utf-8'),
  }));
}
