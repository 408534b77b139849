/**
 * Runs real commands for the end-to-end tests, with a clean environment (no npm or jest variables
 * leaking into the child) and the output kept for the failure message.
 */
import { spawn, spawnSync } from 'node:child_process';

/** What a finished command printed. */
export interface RunResult {
  readonly status: number | null;
  readonly output: string;
}

/** The environment without the variables npm and jest set for the parent run. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env)
    .filter(([key]) => !/^(npm_|JEST_|INIT_CWD$|NODE_ENV$)/i.test(key)));
  return { ...env, CI: 'true', ...extra };
}

/** Runs a command to completion; throws with its last output lines unless it exits 0 (or `allowFailure`). */
export function run(command: string, args: string[], cwd: string, options: { allowFailure?: boolean; env?: NodeJS.ProcessEnv } = {}): RunResult {
  const result = spawnSync(command, args, { cwd, env: cleanEnv(options.env), encoding: 'utf-8', maxBuffer: 64 * 1024 * 1024, timeout: 600_000 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0 && !options.allowFailure) {
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) exited ${result.status}:\n${output.split('\n').slice(-60).join('\n')}`);
  }
  return { status: result.status, output };
}

/** Starts a long-running command in its own process group; `stop()` ends the whole group. */
export function start(command: string, args: string[], cwd: string): { stop(): Promise<void>; output(): string } {
  const child = spawn(command, args, { cwd, env: cleanEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
      await exited;
    },
  };
}

/** Polls a URL until it answers 2xx, for at most `ms`. */
export async function waitFor(url: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}
