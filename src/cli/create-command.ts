/**
 * `eks-cognito-kit create <dir>`: runs create-eks-cognito-kit (what `npm create eks-cognito-kit` runs),
 * the package that holds Yeoman and the templates, so the kit a generated repo depends on stays lean.
 * It is run from beside the kit when installed there (or from the kit's own checkout), else through
 * `npm exec` at the kit's own version; nothing is installed anywhere without npm saying so.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { kitPackage, KitPackage } from '../create/kit-package';

/** The create package's name, and its command. */
export const CREATE_PACKAGE = 'create-eks-cognito-kit';

/** Runs `create` with the words after it; resolves to the exit code of create-eks-cognito-kit. */
export async function runCreate(argv: string[]): Promise<number> {
  const kit = kitPackage();
  const bin = findCreateBin(kit);
  if (!bin) process.stderr.write(`${CREATE_PACKAGE} is not installed beside ${kit.name}; running ${CREATE_PACKAGE}@${kit.version} through npm exec.\n`);
  const [command, args] = bin
    ? [process.execPath, [bin, ...argv]]
    : ['npm', ['exec', '--yes', `--package=${CREATE_PACKAGE}@${kit.version}`, '--', CREATE_PACKAGE, ...argv]];
  const windows = process.platform === 'win32' && command === 'npm';
  const r = spawnSync(windows ? 'npm.cmd' : command, args, { stdio: 'inherit', shell: windows });
  if (r.error) {
    process.stderr.write(`Could not run ${CREATE_PACKAGE}: ${r.error.message}. Run "npm create eks-cognito-kit@${kit.version} <dir> -- [flags]" instead.\n`);
    return 1;
  }
  return r.status ?? 1;
}

/** The create package's bin, resolved from the kit's folder (installed side by side), or in the kit's checkout. */
export function findCreateBin(kit: KitPackage): string | undefined {
  try {
    const manifest = createRequire(join(kit.root, 'package.json')).resolve(`${CREATE_PACKAGE}/package.json`);
    return join(dirname(manifest), 'bin', `${CREATE_PACKAGE}.mjs`);
  } catch {
    const checkout = join(kit.root, 'packages', CREATE_PACKAGE, 'bin', `${CREATE_PACKAGE}.mjs`);
    return existsSync(checkout) ? checkout : undefined;
  }
}
