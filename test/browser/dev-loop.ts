/**
 * `npm run dev` of a generated repository as a long-running child: its output kept, lines awaited,
 * the whole process group stopped at the end. Ports are free ones picked on 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { cleanEnv } from '../e2e/run';

/** A port nothing listens on right now, as the kernel hands it out on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A running command whose output can be awaited line by line. */
export interface DevLoop {
  /** Everything printed so far, stdout and stderr interleaved. */
  output(): string;
  /** Resolves with the first match of `pattern` in the output, waiting up to `ms`; rejects with the output if it never comes or the command exits. */
  waitFor(pattern: RegExp, ms?: number): Promise<RegExpMatchArray>;
  /** Ends the command's process group and waits for it. */
  stop(): Promise<void>;
}

/** Starts `command args` in `cwd`, with the environment cleaned of the parent's npm and jest variables plus `env`. */
export function startDevLoop(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): DevLoop {
  const child = spawn(command, args, { cwd, env: cleanEnv(env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let exited = false;
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((l) => l());
  child.stdout.on('data', (d) => { output += d; changed(); });
  child.stderr.on('data', (d) => { output += d; changed(); });
  const exit = new Promise<void>((resolve) => child.on('exit', () => { exited = true; changed(); resolve(); }));

  const waitFor = (pattern: RegExp, ms = 120_000) => new Promise<RegExpMatchArray>((resolve, reject) => {
    const check = () => {
      const match = pattern.exec(output);
      if (!match && !exited) return;
      listeners.delete(check);
      clearTimeout(timer);
      if (match) resolve(match);
      else reject(new Error(`${command} ${args.join(' ')} exited before printing ${pattern}:\n${output}`));
    };
    const timer = setTimeout(() => {
      listeners.delete(check);
      reject(new Error(`${command} ${args.join(' ')} printed no ${pattern} within ${ms} ms:\n${output}`));
    }, ms);
    listeners.add(check);
    check();
  });

  return {
    output: () => output,
    waitFor,
    stop: async () => {
      if (!exited && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
      await exit;
    },
  };
}
