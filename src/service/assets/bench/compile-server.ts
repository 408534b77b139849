import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import * as ts from 'typescript';

/** The benchmark server, compiled to plain JavaScript in a temporary folder. */
export interface CompiledServer {
  /** The compiled bench-server.js. */
  readonly entry: string;
  /** Deletes the temporary folder. */
  remove(): void;
}

/**
 * Transpiles bench/bench-server.ts and src/kit/*.ts to JavaScript, so the measured server runs as
 * it does in production, without a TypeScript compiler in its memory.
 */
export function compileServer(root: string): CompiledServer {
  const out = mkdtempSync(join(tmpdir(), 'kit-bench-'));
  const kit = join(root, 'src', 'kit');
  const sources = [
    join(root, 'bench', 'bench-server.ts'),
    ...readdirSync(kit).filter((name) => name.endsWith('.ts')).map((name) => join(kit, name)),
  ];
  for (const source of sources) {
    const { outputText } = ts.transpileModule(readFileSync(source, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: source,
    });
    const target = join(out, relative(root, source)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
  return { entry: join(out, 'bench', 'bench-server.js'), remove: () => rmSync(out, { recursive: true, force: true }) };
}
