/**
 * `eks-cognito-kit add route` with no method or path, on a real terminal (util-linux `script`): node:readline
 * asks, a bad path is refused with the spec's message, and the answers make the same edit the flags would.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { serviceRepo } from './service-repo';
import { KEYS, runInPty } from '../create/pty';

const KIT = join(__dirname, '..', '..');
const RC = `import { EksCognitoServiceProject } from 'eks-cognito-kit';

const project = new EksCognitoServiceProject({ name: 'demo-api' });

project.synth();
`;

describe('add on a terminal', () => {
  let dir: string;
  beforeAll(() => {
    dir = serviceRepo(RC, {});
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('asks for the method, the path, the protection and the declared scopes, then makes the edit', async () => {
    const script = `require(${JSON.stringify(join(KIT, 'src', 'cli', 'main.ts'))}).main(process.argv.slice(1)).then((c) => { process.exitCode = c; });`;
    const env: NodeJS.ProcessEnv = { ...process.env, TS_NODE_PROJECT: join(KIT, 'tsconfig.json'), NO_COLOR: '1' };
    delete env.NODE_ENV;
    const r = await runInPty(process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), '-e', script, 'add', 'route', '--dry-run'], dir, env, [
      { prompt: /HTTP method:[\s\S]*Choose 1-5 \[GET\]: $/, keys: `2${KEYS.enter}` },
      { prompt: /Path, from the root .*: $/, keys: `/api/orders/*${KEYS.enter}` },
      { prompt: /"\/api\/orders\/\*" must start with "\/" and use segments[\s\S]*: $/, keys: `/api/orders${KEYS.enter}` },
      { prompt: /Protection:[\s\S]*Choose 1-3 \[bearer\]: $/, keys: KEYS.enter },
      { prompt: /declared in \.projenrc\.ts\):\n {2}1\) demo\.read\n {2}2\) demo\.write\n[\s\S]*\[none\]: $/, keys: `2${KEYS.enter}` },
    ]);
    expect(r.answered).toBe(5);
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/^\+ +\{ method: 'POST', path: '\/api\/orders', scopes: \['demo.write'\] \},?$/m);
    expect(r.output).toContain('Dry run: would add');
  });
});
