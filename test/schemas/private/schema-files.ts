/** Reads the upstream schemas kept as test fixtures in test/schemas/upstream (provenance in its README.md). */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const SCHEMAS = path.resolve(__dirname, '..', 'upstream');

/** The parsed JSON of `upstream/<relative>`. */
export function load(relative: string): any {
  return JSON.parse(readFileSync(path.join(SCHEMAS, relative), 'utf8'));
}
