/**
 * Loads eks-cognito-kit's create library (flags, answers, validation, spec options, bootstrap): the one
 * path from answers to spec, shared with the kit's `create` and `add` commands.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/**
 * Where the library is: `EKS_COGNITO_KIT_CREATE_MODULE` when set (the kit's tests point it at its
 * sources), else eks-cognito-kit as this package depends on it, else, when this package sits in the
 * kit's own checkout (packages/create-eks-cognito-kit), that checkout's build.
 * @returns {string}
 */
export function kitModulePath() {
  if (process.env.EKS_COGNITO_KIT_CREATE_MODULE) return process.env.EKS_COGNITO_KIT_CREATE_MODULE;
  try {
    return require.resolve('eks-cognito-kit/lib/create/index.js');
  } catch {
    const checkout = fileURLToPath(new URL('../../../lib/create/index.js', import.meta.url));
    if (existsSync(checkout)) return checkout;
    throw new Error('create-eks-cognito-kit cannot find its eks-cognito-kit dependency; reinstall it (npm create eks-cognito-kit@latest).');
  }
}

/** The kit's create library (a CommonJS module). */
export async function loadKit() {
  const mod = await import(pathToFileURL(kitModulePath()).href);
  return mod.default ?? mod;
}
