import { join } from 'node:path';
import { runBenchCommand } from '../../src/bench/bench-command';
import { tempDir } from '../util';

describe('eks-cognito-kit bench', () => {
  let stdout: jest.SpyInstance;
  let stderr: jest.SpyInstance;
  const printed = (spy: jest.SpyInstance): string => spy.mock.calls.map(([text]) => String(text)).join('');
  beforeEach(() => {
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => jest.restoreAllMocks());

  test('outside a compiled repository, names the missing runtime and the fix, and exits 1', async () => {
    const dir = tempDir();
    expect(await runBenchCommand([], dir)).toBe(1);
    expect(printed(stderr)).toBe(`bench: ${join(dir, 'lib', 'kit', 'server.js')} does not exist; run it in a generated repository after "npx projen compile", or run "npm run bench", which compiles first.\n`);
  });

  test('--help lists the settings; an argument is refused with exit 2', async () => {
    expect(await runBenchCommand(['--help'])).toBe(0);
    expect(printed(stdout)).toContain('BENCH_SECONDS      seconds of measured load per phase [20]');
    expect(await runBenchCommand(['--fast'])).toBe(2);
    expect(printed(stderr)).toContain('bench takes no arguments, got "--fast"');
  });
});
