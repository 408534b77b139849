/**
 * Loads Yeoman (ESM-only, an optional peer of the kit): from where the kit is installed, else from a
 * cache folder, installing it there on first use (`npx eks-cognito-kit create` has no peers installed).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CreateError } from './create-error';
import { KitPackage, kitRange } from './kit-package';
import { PROGRESS_ON_STDERR, run } from './private/npm';

/** The part of a yeoman-environment 7 Environment that `create` uses. */
export interface YeomanEnv {
  readonly adapter: { prompt(questions: object[], initialAnswers?: object): Promise<Record<string, unknown>> };
  register(generator: unknown, meta: { namespace: string }): unknown;
  run(args: string[], options?: object): Promise<void>;
}

/** The two Yeoman modules, loaded. */
export interface Yeoman {
  /** yeoman-generator's base class. */
  readonly Generator: unknown;
  createEnv(options: object): YeomanEnv;
}

/** Majors `create` is written against, used when the kit's package.json names no range. */
const FALLBACK_RANGES: Readonly<Record<string, string>> = { 'yeoman-environment': '^7.1.0', 'yeoman-generator': '^10.2.1' };

/** Where Yeoman is installed on demand: `${XDG_CACHE_HOME:-~/.cache}/eks-cognito-kit/yeoman`. */
export function yeomanCacheDir(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'eks-cognito-kit', 'yeoman');
}

// Under "module": "CommonJS" TypeScript turns import() into require(), which cannot load a file URL.
const importEsm = new Function('url', 'return import(url)') as (url: string) => Promise<any>;

/** Imports an ES module by absolute path. */
export function importFile(path: string): Promise<any> {
  return importEsm(pathToFileURL(path).href);
}

/** Finds Yeoman next to the kit or in the cache, installs it into the cache if needed, and imports it. */
export async function loadYeoman(kit: KitPackage): Promise<Yeoman> {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 18) || (major === 24 && minor < 11)) {
    throw new CreateError(`Node.js ${process.versions.node} cannot run Yeoman 7; use Node.js 22.18 or newer (24.11 or newer on 24).`);
  }
  const ranges = Object.fromEntries(Object.keys(FALLBACK_RANGES).map((n) => [n, kitRange(kit, n, FALLBACK_RANGES[n])]));
  const cache = yeomanCacheDir();
  let entries = findYeoman(__dirname, ranges) ?? findYeoman(cache, ranges);
  if (!entries) {
    process.stderr.write(`Installing Yeoman into ${cache} (once; it is an optional peer of ${kit.name})...\n`);
    const specs = Object.entries(ranges).map(([n, r]) => `${n}@${r}`);
    const installed = run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', cache, ...specs], process.cwd(), PROGRESS_ON_STDERR);
    entries = installed.ok ? findYeoman(cache, ranges) : undefined;
    if (!entries) {
      throw new CreateError(`Could not install ${specs.join(' and ')} into ${cache}; install them next to ${kit.name} (npm install -D ${specs.join(' ')}) and retry.`);
    }
  }
  const env = await importFile(entries['yeoman-environment']);
  const generator = await importFile(entries['yeoman-generator']);
  return { createEnv: env.createEnv, Generator: generator.default };
}

/** Entry files of both packages as resolved from `from`, if both are there with the expected majors. */
function findYeoman(from: string, ranges: Record<string, string>): Record<string, string> | undefined {
  const req = createRequire(join(from, 'noop.js'));
  const found: Record<string, string> = {};
  for (const [name, range] of Object.entries(ranges)) {
    let entry: string;
    try {
      entry = req.resolve(name);
    } catch {
      return undefined;
    }
    const wanted = /(\d+)/.exec(range)?.[1];
    if (wanted && packageVersion(entry, name)?.split('.')[0] !== wanted) return undefined;
    found[name] = entry;
  }
  return found;
}

/** Version of the package `name` that owns `entry`. */
function packageVersion(entry: string, name: string): string | undefined {
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8'));
    if (pkg.name === name) return pkg.version;
  }
  return undefined;
}
