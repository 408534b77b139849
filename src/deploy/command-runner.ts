/**
 * Runs the AWS, eksctl, kubectl, docker and git command lines of the deploy chain in the repository.
 */
import { spawnSync } from 'node:child_process';

/** Where the deploy command writes its own lines. */
export interface DeployIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/** The outcome of one command: its exit code (127 when not on PATH) and, when captured, its output. */
export interface CommandResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs commands in one folder with one environment, never through a shell. */
export class CommandRunner {
  constructor(private readonly cwd: string, public readonly env: NodeJS.ProcessEnv) {}

  /** Runs a command whose JSON or version answer the chain reads; stdin is `input` (kept out of any log). */
  public capture(command: string, args: readonly string[], input?: string): CommandResult {
    const run = spawnSync(command, args, { cwd: this.cwd, env: this.env, input, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    if (run.error) return { status: 127, stdout: '', stderr: `${command}: ${(run.error as NodeJS.ErrnoException).code ?? run.error.message}` };
    return { status: run.status ?? 1, stdout: run.stdout, stderr: run.stderr };
  }

  /** Runs a long command (deploy, create, build) with its output shown as it comes. */
  public stream(command: string, args: readonly string[], input?: string, env: NodeJS.ProcessEnv = {}): number {
    const run = spawnSync(command, args, {
      cwd: this.cwd,
      env: { ...this.env, ...env },
      input,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'inherit', 'inherit'],
    });
    return run.error ? 127 : (run.status ?? 1);
  }
}
