/**
 * Runs a command on a pseudo-terminal (util-linux `script`), answering its prompts with scripted
 * keystrokes: each step waits for its prompt to be printed, then types.
 */
import { spawn } from 'node:child_process';

/** One prompt and what to type at it. */
export interface PtyStep {
  /** Matched against the output (ANSI escapes removed) printed since the previous step's answer. */
  readonly prompt: RegExp;
  readonly keys: string;
}

/** Keys as a terminal sends them. */
export const KEYS = { enter: '\r', down: '\x1b[B', ctrlU: '\x15' } as const;

/** What the run printed (ANSI escapes removed), its exit code and the steps it reached. */
export interface PtyResult {
  readonly code: number | null;
  readonly output: string;
  readonly answered: number;
}

/** Runs `command args` in `cwd` on a terminal; fails after `timeoutMs` with what was printed. */
export function runInPty(
  command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv, steps: readonly PtyStep[], timeoutMs = 120_000,
): Promise<PtyResult> {
  const line = [command, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const terminal = { ...env, TERM: 'xterm', COLUMNS: '200', LINES: '50' };
  const child = spawn('script', ['-qec', line, '/dev/null'], { cwd, env: terminal, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  let since = 0;
  let step = 0;
  const onData = (d: Buffer) => {
    output += d.toString('utf8').replace(/\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\r/g, '');
    while (step < steps.length && steps[step].prompt.test(output.slice(since))) {
      since = output.length;
      child.stdin.write(steps[step].keys);
      step++;
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${line} did not finish within ${timeoutMs} ms, waiting for ${steps[step]?.prompt ?? 'the end'}:\n${output}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, answered: step });
    });
  });
}
