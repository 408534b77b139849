/** Resolves and reads the upstream schemas in the shared/schemas folder beside the repository (see its README.md). */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const SCHEMAS = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'schemas');

export function load(relative: string): any {
  const file = path.join(SCHEMAS, relative);
  if (!existsSync(file)) {
    throw new Error(`Upstream schema ${file} is missing; the validators need the shared/schemas folder beside the repository (see shared/schemas/README.md).`);
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}
