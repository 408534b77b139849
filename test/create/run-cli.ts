/**
 * Runs `eks-cognito-kit create` as a real child process (ts-node on src/cli/create-command.ts), and
 * snapshots folders so a test can prove a refused run wrote nothing.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** What a finished run printed and returned. */
export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `create <args>` in `cwd`; stdin is a pipe that stays open and silent, as in CI. */
export function runCli(args: readonly string[], cwd: string, timeoutMs = 45_000): Promise<CliResult> {
  const script = `require(${JSON.stringify(join(ROOT, 'src', 'cli', 'create-command.ts'))})`
    + '.runCreate(process.argv.slice(1)).then((c) => { process.exitCode = c; });';
  const child = spawn(process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), '-e', script, ...args], {
    cwd,
    env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), NO_COLOR: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`create ${args.join(' ')} did not finish within ${timeoutMs} ms (it hangs)\n${stdout}${stderr}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'eck-create-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Every file under `dir` (relative, `/`-separated, sorted); `.git` and `node_modules` skipped. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split('\\').join('/'))
    .filter((f) => !/(^|\/)(\.git|node_modules)(\/|$)/.test(f) && statSync(join(dir, f)).isFile())
    .sort();
}

/** Path -> contents of everything under `dir`, or `absent`: equal snapshots mean nothing was written. */
export function snapshot(dir: string): Record<string, string> | 'absent' {
  if (!existsSync(dir)) return 'absent';
  return Object.fromEntries(listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'latin1')]));
}

/** The object literal passed to the project class in a scaffolded `.projenrc.ts`, evaluated. */
export function projenrcOptions(dir: string): Record<string, any> {
  const source = readFileSync(join(dir, '.projenrc.ts'), 'utf8');
  const literal = /new \w+\((\{[\s\S]*?\n\})\);/.exec(source)?.[1];
  if (!literal) throw new Error(`no "new <Class>({...});" in .projenrc.ts:\n${source}`);
  return new Function(`return (${literal});`)();
}
