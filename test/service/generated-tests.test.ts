/**
 * The generated repository's own code and unit tests, compiled and run against this kit's dependencies,
 * for a spec that uses every kind of route protection.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_ROUTES } from '../../src';
import { synthToDisk } from '../util';

const KIT = join(__dirname, '..', '..');

describe('a generated repository with bearer, alb-user and public routes', () => {
  // Inside the kit, so the generated code resolves express, aws-jwt-verify, jest and ts-jest from here.
  mkdirSync(join(KIT, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(KIT, '.tmp', 'generated-'));
  synthToDisk(dir, {
    userAuth: { host: 'app.example.com' },
    routes: [
      ...DEFAULT_ROUTES,
      { method: 'GET', path: '/api/me', auth: 'alb-user' },
      { method: 'GET', path: '/api/status', auth: 'none' },
      { method: 'DELETE', path: '/api/demo/items/{id}' },
    ],
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const bin = (name: string) => join(KIT, 'node_modules', '.bin', name);

  test('type-checks under the generated tsconfig', () => {
    expect(() => execFileSync(bin('tsc'), ['--noEmit', '-p', 'test/tsconfig.json'], { cwd: dir, stdio: 'pipe' })).not.toThrow();
  });

  test('its generated unit tests pass: 401/403/200, ALB user 401/200, public 200, sign-out 302', () => {
    const jest = spawnSync(bin('jest'), ['--config', 'package.json', '--rootDir', '.', '--coverage=false', '--ci'], { cwd: dir, encoding: 'utf-8' });
    expect(jest.stderr).toMatch(/Tests:\s+15 passed, 15 total/);
    expect(jest.status).toBe(0);
  }, 120_000);

  // A smoke run of `eks-cognito-kit bench` on the compiled repository, with tiny settings (a few short
  // slots per phase, both places of the open route): it measures nothing worth reading, but proves every
  // scenario of both phases runs against a real server and every request is answered 200 (else it exits 1).
  test('the kit\'s benchmark runs every scenario on its compiled runtime without a failed request', () => {
    execFileSync(bin('tsc'), ['-p', 'tsconfig.json'], { cwd: dir, stdio: 'pipe' });
    const env = { ...process.env, BENCH_SECONDS: '0.4', BENCH_SLOT_MS: '40', BENCH_WARMUP_MS: '100', BENCH_TOKENS: '3000', TS_NODE_PROJECT: join(KIT, 'tsconfig.json') };
    const cli = `require(${JSON.stringify(join(KIT, 'src/cli/main'))}).main(['bench']).then((c) => { process.exitCode = c; })`;
    const bench = spawnSync(process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), '-e', cli], { cwd: dir, encoding: 'utf-8', env });
    expect(bench.stderr).toBe('');
    const failures = bench.stdout.split('\n').filter((line) => /\s\d+\s*$/.test(line)).map((line) => {
      const cells = line.trim().split(/\s{2,}/);
      return [cells[0], Number(cells[cells.length - 1])];
    });
    expect(failures).toEqual([
      ['unprotected', 0], ['unprotected, token sent', 0], ['protected, same token', 0],
      ['unprotected', 0], ['unprotected, token sent', 0], ['protected, unique tokens', 0], ['aws-jwt-verify alone, unique tokens', 0],
    ]);
    expect(bench.stdout).toMatch(/server RSS under load: max \d+\.\d MB/);
    expect(bench.status).toBe(0);
  }, 120_000);
});
