/**
 * `create-eks-cognito-kit <dir> [flags]` (what `npm create eks-cognito-kit` runs): parses the flags into
 * answers and hands them to the `eks-cognito-kit:app` generator, which does the rest in Yeoman's phases.
 */
import { createEnv } from 'yeoman-environment';
import AppGenerator from '../generators/app/index.mjs';
import { loadKit } from './kit.mjs';

const NAMESPACE = 'eks-cognito-kit:app';

/**
 * Runs create with the words after the command; resolves to the exit code (0 done, 1 refused or
 * failed with nothing written, 2 bad usage).
 * @param {string[]} argv
 * @param {{ out(text: string): void, err(text: string): void }} io
 */
export async function main(argv, io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }) {
  const kit = await loadKit();
  let flags;
  try {
    flags = kit.parseCreateArgs(argv);
  } catch (e) {
    return kit.reportCreateError(e, io.err, false);
  }
  if (flags.help) {
    io.out(`${kit.renderHelp(kit.kitPackage().version)}\n`);
    return 0;
  }
  const state = {};
  try {
    const env = createEnv({ cwd: process.cwd(), force: flags.force, skipInstall: true, skipGlobalConfig: true });
    env.register(AppGenerator, { namespace: NAMESPACE });
    await env.run([NAMESPACE], { kit, flags, io, state, force: flags.force, skipInstall: true });
    return 0;
  } catch (e) {
    return kit.reportCreateError(e, io.err, flags.values.name === undefined);
  } finally {
    state.plan?.dispose();
  }
}
