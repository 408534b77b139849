import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EksCognitoServiceProject, EksCognitoServiceProjectOptions, SpecError } from '../src';
import { readTree, synthToDisk, tempDir } from './util';

const EXTRA_ROUTE = { method: 'DELETE' as const, path: '/api/demo/items/{id}', scopes: ['demo.admin'] };
const WITH_ADMIN: Partial<EksCognitoServiceProjectOptions> = {
  routes: [
    { method: 'GET', path: '/api/demo/protectedRole/{name}', scopes: ['demo.read'] },
    { method: 'POST', path: '/api/demo/protectedUpload', scopes: ['demo.write'] },
    EXTRA_ROUTE,
  ],
  cognito: {
    resourceServer: { scopes: [{ name: 'demo.read' }, { name: 'demo.write' }, { name: 'demo.admin' }] },
    clients: [
      { name: 'readClient', scopes: ['demo.read'] },
      { name: 'writeClient', scopes: ['demo.write'] },
      { name: 'adminClient', scopes: ['demo.admin'] },
      { name: 'microService', generateSecret: false },
    ],
  },
};

function resynth(outdir: string, options: Partial<EksCognitoServiceProjectOptions> = {}): Record<string, string> {
  synthToDisk(outdir, options);
  return readTree(outdir);
}

describe('EksCognitoServiceProject sync semantics', () => {
  test('a second synth changes nothing', () => {
    const outdir = tempDir();
    const first = resynth(outdir);
    expect(resynth(outdir)).toEqual(first);
  });

  test('a route with a new scope reaches every artifact that lists routes, and leaves no trace when removed', () => {
    const outdir = tempDir();
    const before = resynth(outdir);
    const added = resynth(outdir, WITH_ADMIN);
    const mentions = (files: Record<string, string>) => Object.keys(files)
      .filter((f) => !f.startsWith('.projen/') && files[f].includes('demo.admin'))
      .sort();
    expect(mentions(added)).toEqual(expect.arrayContaining([
      'cognito/cognito-stack.yaml', 'scripts/integ.sh', 'src/routes.ts', 'test/routes.test.ts', '.eks-cognito-kit/issuer.json',
    ]));
    expect(added['src/handlers/items.ts']).toContain('export function items');
    const removed = resynth(outdir);
    // Only the user's own handler file survives; every managed trace is gone.
    expect(mentions(removed)).toEqual(['src/handlers/items.ts']);
    expect(removed['src/routes.ts']).toEqual(before['src/routes.ts']);
    expect(removed['cognito/cognito-stack.yaml']).toEqual(before['cognito/cognito-stack.yaml']);
  });

  test('user-owned handlers are never touched by synth', () => {
    const outdir = tempDir();
    resynth(outdir);
    const handler = join(outdir, 'src/handlers/protected-role.ts');
    writeFileSync(handler, '// mine\n');
    resynth(outdir);
    expect(readFileSync(handler, 'utf-8')).toBe('// mine\n');
  });

  test('a bad spec throws before anything is written', () => {
    const outdir = tempDir();
    expect(() => new EksCognitoServiceProject({ name: 'Bad Name', outdir, region: 'nowhere-1' })).toThrow(SpecError);
    expect(readdirSync(outdir)).toEqual([]);
  });
});
