/**
 * Runs create as a real child process: create-eks-cognito-kit's bin (what `npm create eks-cognito-kit`
 * runs) with the kit's library from this checkout's sources, and snapshots folders so a test can prove
 * a refused run wrote nothing.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** The create package of this checkout. */
export const CREATE_PACKAGE_DIR = join(ROOT, 'packages', 'create-eks-cognito-kit');
/** Its bin. */
export const CREATE_BIN = join(CREATE_PACKAGE_DIR, 'bin', 'create-eks-cognito-kit.mjs');
/** The scaffold's own templates. */
export const TEMPLATES_DIR = join(CREATE_PACKAGE_DIR, 'templates');
/** The environment that makes the bin load the kit's sources (see kit-from-source.cjs). */
export const FROM_SOURCE_ENV = { EKS_COGNITO_KIT_CREATE_MODULE: join(__dirname, 'kit-from-source.cjs'), NO_COLOR: '1' };

/** What a finished run printed and returned. */
export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `create-eks-cognito-kit <args>` in `cwd`; stdin is a pipe that stays open and silent, as in CI. */
export function runCli(args: readonly string[], cwd: string, timeoutMs = 45_000): Promise<CliResult> {
  const child = spawn(process.execPath, [CREATE_BIN, ...args], { cwd, env: { ...process.env, ...FROM_SOURCE_ENV }, stdio: ['pipe', 'pipe', 'pipe'] });
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
