/**
 * Runs npm (and other tools) as child processes, with Windows' `.cmd` shims handled.
 */
import { spawnSync, StdioOptions } from 'node:child_process';

/** Result of a finished command. */
export interface RunResult {
  readonly ok: boolean;
  readonly output: string;
}

/** Runs `command args` in `cwd`; with `stdio` omitted, output is captured and returned. */
export function run(command: string, args: readonly string[], cwd: string, stdio?: StdioOptions, env: NodeJS.ProcessEnv = process.env): RunResult {
  const windows = process.platform === 'win32' && (command === 'npm' || command === 'npx');
  const r = spawnSync(windows ? `${command}.cmd` : command, [...args], {
    cwd, stdio: stdio ?? 'pipe', encoding: 'utf8', shell: windows, env,
  });
  return { ok: r.status === 0 && !r.error, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? r.error.message : ''}` };
}

/** stdin closed, npm's output on our stderr: progress for the user, stdout kept clean. */
export const PROGRESS_ON_STDERR: StdioOptions = ['ignore', 2, 2];
