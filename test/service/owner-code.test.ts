/**
 * A generated repository as its owner grows it: middleware added in the user-owned `src/app.ts`, a scope
 * whose name needs escaping, and a re-synth that leaves the owner's files alone. Compiled and run against
 * this kit's dependencies, like generated-tests.test.ts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { synthToDisk, TestProjectOptions } from '../util';

const KIT = join(__dirname, '..', '..');
const bin = (name: string) => join(KIT, 'node_modules', '.bin', name);

const SCOPE = "it's.read";
const OPTIONS: TestProjectOptions = {
  routes: [
    { method: 'GET', path: '/api/items/{id}', scopes: [SCOPE] },
    { method: 'POST', path: '/api/items', scopes: ['items.write'] },
  ],
  cognito: {
    resourceServer: { scopes: [{ name: SCOPE }, { name: 'items.write' }] },
    clients: [{ name: 'reader', scopes: [SCOPE] }, { name: 'writer', scopes: ['items.write'] }],
  },
};

// What an owner writes: a CORS middleware for one origin, with its preflight answer.
const OWNER_APP = `import type { Express } from 'express';

/** CORS for the web front end. */
export function configure(app: Express): void {
  app.use((req, res, next) => {
    if (req.headers.origin === 'https://app.example.com') {
      res.set('Access-Control-Allow-Origin', 'https://app.example.com');
      res.set('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS') {
      res.set('Access-Control-Allow-Headers', 'Authorization, Content-Type');
      res.status(204).end();
      return;
    }
    next();
  });
}
`;

// The owner's own test of that middleware, through the app the service builds.
const OWNER_TEST = `import request from 'supertest';
import { configure } from '../src/app';
import { createApp } from '../src/kit/app';
import { createBearerVerifier } from '../src/kit/bearer-verifier';
import { ROUTES } from '../src/routes';
import { TestTokens } from './support/test-tokens';

const tokens = TestTokens.create();
const app = createApp({
  routes: ROUTES,
  realm: 'demo-api',
  bearer: createBearerVerifier({ userPoolId: tokens.userPoolId, clientIds: [tokens.clientId], jwks: tokens.jwks }),
  configure,
});
const origin = 'https://app.example.com';

test('CORS headers on a 401', () => request(app).get('/api/items/1').set('Origin', origin)
  .expect(401).expect('Access-Control-Allow-Origin', origin));
test('CORS headers on a 200', () => request(app).get('/api/items/1').set('Origin', origin)
  .set('Authorization', \`Bearer \${tokens.accessToken({ scopes: ['https://gateway.example.com/' + "it's.read"] })}\`)
  .expect(200).expect('Access-Control-Allow-Origin', origin));
test('preflight answered without a token', () => request(app).options('/api/items/1').set('Origin', origin)
  .expect(204).expect('Access-Control-Allow-Origin', origin));
test('no CORS for another origin', async () => {
  const res = await request(app).get('/api/items/1').set('Origin', 'https://evil.example.com').expect(401);
  expect(res.headers['access-control-allow-origin']).toBeUndefined();
});
`;

describe("an owner's middleware in src/app.ts and a scope named it's.read", () => {
  mkdirSync(join(KIT, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(KIT, '.tmp', 'owner-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(() => {
    synthToDisk(dir, OPTIONS);
    writeFileSync(join(dir, 'src', 'app.ts'), OWNER_APP);
    writeFileSync(join(dir, 'test', 'cors.test.ts'), OWNER_TEST);
    // A second synth, as `npx projen` after a spec change, must keep the owner's file.
    synthToDisk(dir, OPTIONS);
  });

  test('a re-synth leaves src/app.ts as the owner wrote it', () => {
    expect(readFileSync(join(dir, 'src', 'app.ts'), 'utf-8')).toBe(OWNER_APP);
  });

  test('the repo type-checks', () => {
    expect(() => execFileSync(bin('tsc'), ['--noEmit', '-p', 'test/tsconfig.json'], { cwd: dir, stdio: 'pipe' })).not.toThrow();
  });

  test("the generated tests and the owner's CORS tests pass", () => {
    const jest = spawnSync(bin('jest'), ['--config', 'package.json', '--rootDir', '.', '--coverage=false', '--ci', '--verbose'], { cwd: dir, encoding: 'utf-8' });
    // Generated: 2 for src/app.ts, 401/403/200 for the GET, 401/403/200 for the POST; the owner's: 4.
    expect(jest.stderr).toMatch(/Tests:\s+12 passed, 12 total/);
    expect(jest.stderr).toContain("403 without it's.read");
    expect(jest.status).toBe(0);
  }, 120_000);
});
