/**
 * Builds a service project in a temporary folder and synthesizes it in memory.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Testing } from 'projen';
import { EksCognitoServiceProject, EksCognitoServiceProjectOptions } from '../src';

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
