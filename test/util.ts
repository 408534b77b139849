/**
 * Builds a service project in a temporary folder and synthesizes it in memory.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Testing } from 'projen';
import { EksCognitoServiceProject, EksCognitoServiceProjectOptions } from '../src';
import { SIGNED_IN_HOME } from '../src/create/spec-options';
import { DEFAULT_ROUTES, RouteOptions } from '../src/spec';

/** Options with every field optional, `name` defaulting to `demo-api`. */
export type TestProjectOptions = Partial<EksCognitoServiceProjectOptions>;

/** A new project in a fresh temporary folder. */
export function createProject(options: TestProjectOptions = {}): EksCognitoServiceProject {
  const outdir = mkdtempSync(join(tmpdir(), 'eck-test-'));
  return new EksCognitoServiceProject({ name: 'demo-api', outdir, ...options });
}

/** The synthesized files of a project: path -> contents (parsed for JSON and YAML). */
export function synth(options: TestProjectOptions = {}): Record<string, any> {
  return Testing.synth(createProject(options));
}

/** A fresh temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'eck-test-'));
}

/** Synthesizes a project into `outdir` on disk (as `npx projen` would, without installing anything). */
export function synthToDisk(outdir: string, options: TestProjectOptions = {}): EksCognitoServiceProject {
  const project = new EksCognitoServiceProject({ name: 'demo-api', outdir, ...options });
  const previous = process.env.PROJEN_DISABLE_POST;
  process.env.PROJEN_DISABLE_POST = 'true';
  try {
    project.synth();
  } finally {
    if (previous === undefined) delete process.env.PROJEN_DISABLE_POST;
    else process.env.PROJEN_DISABLE_POST = previous;
  }
  return project;
}

/** Every file under a folder (node_modules excepted): relative path -> text. */
export function readTree(dir: string): Record<string, string> {
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true })
    .filter((e) => e.name !== 'node_modules')
    .flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  return Object.fromEntries(walk(dir).sort().map((f) => [relative(dir, f), readFileSync(f, 'utf-8')]));
}

/**
 * The options with the default routes plus `create`'s signed-in `GET /` when they turn user sign-in on
 * without an `alb-user` route, which `resolveSpec` refuses.
 */
export function withSignIn<T extends { readonly userAuth?: unknown; readonly routes?: readonly RouteOptions[] }>(options: T): T {
  const routes = options.routes ?? DEFAULT_ROUTES;
  if (!options.userAuth || routes.some((r) => r.auth === 'alb-user')) return options;
  return { ...options, routes: [...routes, SIGNED_IN_HOME] };
}
