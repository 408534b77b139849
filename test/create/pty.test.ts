/**
 * create on a real terminal (a pseudo-terminal from util-linux `script`): Yeoman's prompts, a region
 * chosen from the list, an answer refused as it is typed and corrected, and the spec written from the answers.
 */
import { join } from 'node:path';
import { runInPty } from './pty';
import { expectScriptedSpec, SCRIPTED_ANSWERS } from './pty-answers';
import { CREATE_BIN, FROM_SOURCE_ENV, listFiles, snapshot, tempDir } from './run-cli';

describe('create on a terminal', () => {
  test('asks for what no flag gave, checks each answer as it is typed, and writes the answered spec', async () => {
    const cwd = tempDir();
    const r = await runInPty(process.execPath, [CREATE_BIN, 'pty-api', '--no-install', '--no-git'], cwd, { ...process.env, ...FROM_SOURCE_ENV }, SCRIPTED_ANSWERS);
    expect(r.answered).toBe(SCRIPTED_ANSWERS.length);
    expect(r.code).toBe(0);
    expect(r.output).toContain('Created pty-api');
    // the answers live in .projenrc.ts only: Yeoman keeps no .yo-rc.json of them
    expect(listFiles(join(cwd, 'pty-api'))).toEqual(['.projenrc.ts', 'README.md', 'docs/sign-in-page.png', 'package.json']);
    expectScriptedSpec(join(cwd, 'pty-api'), 'pty-api');
  });

  test('a bad flag is refused before any question is asked, and nothing is written', async () => {
    const cwd = tempDir();
    const r = await runInPty(process.execPath, [CREATE_BIN, 'svc', '--name', 'svc', '--inbound-cidrs', '10.1.2.3', '--no-install', '--no-git'], cwd,
      { ...process.env, ...FROM_SOURCE_ENV }, []);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/ingress.inboundCidrs\[0\]: "10.1.2.3" is not a CIDR/);
    expect(r.output).not.toContain('AWS region');
    expect(snapshot(join(cwd, 'svc'))).toBe('absent');
  });
});
