import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { createIssuerRepo, decodePart, redirectingFetcher } from './issuer-fixture';
import { DevCredentials, loadDevCredentials, runIssuer } from '../../src/local';
import { withSignIn } from '../util';

const ROOT = join(__dirname, '..', '..');
// The command as `npx eks-cognito-kit issuer` runs it: its own process, real stdout and stderr.
const CLI = ['-r', join(ROOT, 'node_modules/ts-node/register/transpile-only'), '-e',
  `require(${JSON.stringify(join(ROOT, 'src/local/issuer-command'))}).runIssuer(process.argv.slice(1)).then((c) => { process.exitCode = c; })`, '--'];
const CLI_ENV = { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), NO_PROXY: '127.0.0.1', no_proxy: '127.0.0.1' };

function runCli(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [...CLI, ...args], { cwd, env: CLI_ENV, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The variables a shell has after `eval`-ing the text. */
function evalInBash(text: string): Record<string, string> {
  const run = spawnSync('bash', ['-c', 'eval "$(cat)"; env -0'], { input: text, encoding: 'utf8', env: {} });
  return Object.fromEntries(run.stdout.split('\0').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
}

function memoryIo() {
  const io = { out: '', err: '', stdout: { write: (t: string) => (io.out += t) }, stderr: { write: (t: string) => (io.err += t) } };
  return io;
}

describe('eks-cognito-kit issuer', () => {
  describe('--print-env', () => {
    const { dir, spec } = createIssuerRepo();
    let run: ReturnType<typeof runCli>;
    let vars: Record<string, string>;
    let creds: DevCredentials;
    beforeAll(() => {
      run = runCli(['--print-env'], dir);
      vars = evalInBash(run.stdout);
      creds = loadDevCredentials(dir, spec);
    });

    test('prints only export lines and exits 0', () => {
      expect(run.code).toBe(0);
      expect(run.stdout.trimEnd().split('\n').every((l) => /^export [A-Z_]+=\S+$/.test(l))).toBe(true);
    });

    test('points TOKEN_ENDPOINT and COGNITO_JWKS_URI at the issuer port of issuer.json', () => {
      expect(vars.TOKEN_ENDPOINT).toBe('http://127.0.0.1:9400/oauth2/token');
      expect(vars.COGNITO_JWKS_URI).toBe(`http://127.0.0.1:9400/${spec.userPoolId}/.well-known/jwks.json`);
    });

    test('gives seed 003\'s CLIENT_CREDENTIALS_READ and _WRITE as Base64(id:secret), none for secretless clients', () => {
      for (const [name, env] of [['readClient', 'READ'], ['writeClient', 'WRITE']]) {
        const { clientId, clientSecret } = creds.clients.get(name)!;
        expect(Buffer.from(vars[`CLIENT_CREDENTIALS_${env}`], 'base64').toString()).toBe(`${clientId}:${clientSecret}`);
      }
      expect(vars).not.toHaveProperty('CLIENT_CREDENTIALS_MICRO_SERVICE');
    });

    test('gives the service its pool, client ids and region', () => {
      expect(vars).toMatchObject({ AWS_REGION: 'ap-southeast-1', COGNITO_USER_POOL_ID: spec.userPoolId });
      expect(vars.COGNITO_CLIENT_IDS.split(',')).toEqual([...creds.clients.values()].map((c) => c.clientId));
      expect(vars).not.toHaveProperty('ALB_ARN');
    });

    test('keeps the credentials of a previous run', () => {
      expect(runCli(['--print-env'], dir).stdout).toBe(run.stdout);
    });

    test('with userAuth and --port, adds the ALB variables on that port', () => {
      const repo = createIssuerRepo(withSignIn({ userAuth: { host: 'app.example.com' } }));
      const alb = evalInBash(runCli(['--print-env', '--port', '9555', '--dir', repo.dir], tmpdir()).stdout);
      const web = loadDevCredentials(repo.dir, repo.spec).clients.get(repo.spec.userAuth!.webClientName)!;
      expect(alb).toMatchObject({
        TOKEN_ENDPOINT: 'http://127.0.0.1:9555/oauth2/token',
        ALB_ARN: repo.spec.userAuth!.albArn,
        ALB_CLIENT_ID: web.clientId,
        ALB_CLIENT_SECRET: web.clientSecret,
        COGNITO_HOSTED_UI_URL: 'http://127.0.0.1:9555',
        ALB_PUBLIC_KEYS_URI: 'http://127.0.0.1:9555/alb-keys',
        SIGN_OUT_REDIRECT_URI: 'http://localhost:8081/',
      });
      const onAlbPort = evalInBash(runCli(['--print-env', '--alb-port', '9556', '--dir', repo.dir], tmpdir()).stdout);
      expect(onAlbPort.SIGN_OUT_REDIRECT_URI).toBe('http://localhost:9556/');
      expect(alb.COGNITO_CLIENT_IDS.split(',')).not.toContain(web.clientId);
    });

    test('without calls, no call variables', () => {
      expect(Object.keys(vars).filter((k) => /^(CALL_|CLIENT_ID_|CLIENT_SECRET_)/.test(k))).toEqual([]);
    });

    test('with calls, their base URLs (the local service for the own host) and their clients\' dev credentials', () => {
      const repo = createIssuerRepo({
        cognito: { clients: [{ name: 'readClient', scopes: ['demo.read'] }, { name: 'callerClient', scopes: ['demo.read', 'demo.write'] }] },
        calls: [
          { name: 'selfApi', baseUrl: 'https://gateway.example.com', client: 'callerClient', scopes: ['demo.read'] },
          { name: 'ordersApi', baseUrl: 'https://orders.example.com/v1', client: 'callerClient' },
        ],
      });
      const caller = loadDevCredentials(repo.dir, repo.spec).clients.get('callerClient')!;
      const onPort = evalInBash(runCli(['--print-env', '--service-port', '9601', '--dir', repo.dir], tmpdir()).stdout);
      expect(onPort).toMatchObject({
        CALL_SELF_API_BASE_URL: 'http://127.0.0.1:9601',
        CALL_ORDERS_API_BASE_URL: 'https://orders.example.com/v1',
        CLIENT_ID_CALLER: caller.clientId,
        CLIENT_SECRET_CALLER: caller.clientSecret,
      });
      expect(Object.keys(onPort).filter((k) => k.startsWith('CLIENT_SECRET_'))).toEqual(['CLIENT_SECRET_CALLER']);
      // Without --service-port, the service's port of issuer.json (workload.port).
      expect(evalInBash(runCli(['--print-env', '--dir', repo.dir], tmpdir()).stdout).CALL_SELF_API_BASE_URL).toBe('http://127.0.0.1:8080');
    });
  });

  describe('without issuer.json', () => {
    test('says to run projen and exits 2, printing nothing on stdout', () => {
      const run = runCli(['--print-env'], mkdtempSync(join(tmpdir(), 'eck-empty-')));
      expect(run).toMatchObject({ code: 2, stdout: '' });
      expect(run.stderr).toMatch(/issuer\.json not found; run `npx projen`/);
    });
  });

  describe('with bad arguments', () => {
    test.each([
      [['--port', 'http'], /--port http is not a port/],
      [['--bogus'], /Unknown option '--bogus'.*--help/],
      [['--print-env', '--port', '0'], /needs the port the issuer listens on/],
      [['--email', 'a@example.com'], /only applies to --alb-token/],
    ])('%j exits 2 with a message', async (argv, message) => {
      const io = memoryIo();
      expect(await runIssuer(argv, io)).toBe(2);
      expect(io.err).toMatch(message);
      expect(io.out).toBe('');
    });
  });

  describe('--help', () => {
    test('lists the options on stdout', async () => {
      const io = memoryIo();
      expect(await runIssuer(['--help'], io)).toBe(0);
      for (const option of ['--port', '--dir', '--print-env', '--alb-token', '--email', '--sub']) expect(io.out).toContain(option);
    });
  });

  describe('--alb-token', () => {
    test('prints one signed x-amzn-oidc-data value for the user', async () => {
      const { dir } = createIssuerRepo(withSignIn({ userAuth: { host: 'app.example.com' } }));
      const io = memoryIo();
      expect(await runIssuer(['--alb-token', '--dir', dir, '--email', 'ana@example.com'], io)).toBe(0);
      expect(io.out).toMatch(/^[\w-]+={0,2}\.[\w-]+={0,2}\.[\w-]+={0,2}\n$/);
      expect(decodePart(io.out.trim(), 1)).toMatchObject({ email: 'ana@example.com' });
    });
  });

  describe('serving', () => {
    let child: ChildProcess;
    let stderr = '';
    let port: number;
    const { dir, spec } = createIssuerRepo();

    beforeAll(async () => {
      child = spawn(process.execPath, [...CLI, '--port', '0'], { cwd: dir, env: CLI_ENV });
      child.stderr!.on('data', (d) => (stderr += d));
      port = await new Promise<number>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (d) => {
          out += d;
          const match = /listening on http:\/\/127\.0\.0\.1:(\d+)\n/.exec(out);
          if (match) resolve(Number(match[1]));
        });
        child.once('exit', (code) => reject(new Error(`issuer exited with ${code}: ${stderr}`)));
      });
    });
    afterAll(() => child.exitCode === null && child.kill('SIGKILL'));

    test('answers seed 003\'s curl commands, as written, with tokens for each scope', async () => {
      // Seed 003's commands with its <host> placeholder filled in (and the stray "\ " after the write command's -d removed).
      const script = `set -euo pipefail
eval "$("${process.execPath}" ${CLI.map((a) => `'${a}'`).join(' ')} --print-env --port ${port})"
export access_token_read=$(curl -s -X POST --location "$TOKEN_ENDPOINT" \\
     -H "Authorization: Basic $CLIENT_CREDENTIALS_READ" \\
     -H "Content-Type: application/x-www-form-urlencoded" \\
     -d "grant_type=client_credentials&scope=https://gateway.example.com/demo.read" \\
| jq --raw-output '.access_token')

export access_token_write=$(curl -s -X POST --location "$TOKEN_ENDPOINT" \\
     -H "Authorization: Basic $CLIENT_CREDENTIALS_WRITE" \\
     -H "Content-Type: application/x-www-form-urlencoded" \\
     -d "grant_type=client_credentials&scope=https://gateway.example.com/demo.write" \\
| jq --raw-output '.access_token')

echo $access_token_read
echo $access_token_write
`;
      const run = spawnSync('bash', ['-c', script], { cwd: dir, env: CLI_ENV, encoding: 'utf8' });
      expect(run.stderr).toBe('');
      const [read, write] = run.stdout.trim().split('\n');
      const ids = [...loadDevCredentials(dir, spec).clients.values()].map((c) => c.clientId);
      const verifier = CognitoJwtVerifier.create({ userPoolId: spec.userPoolId, tokenUse: 'access', clientId: ids },
        { jwksCache: new SimpleJwksCache({ fetcher: redirectingFetcher(`http://127.0.0.1:${port}`) }) });
      await expect(verifier.verify(read, { scope: 'https://gateway.example.com/demo.read' })).resolves.toBeDefined();
      await expect(verifier.verify(write, { scope: 'https://gateway.example.com/demo.write' })).resolves.toBeDefined();
    });

    test('logs one line per request on stderr, without secrets', () => {
      const secret = loadDevCredentials(dir, spec).clients.get('readClient')!.clientSecret!;
      expect(stderr).toMatch(/^POST \/oauth2\/token 200 client=readClient \d+ms$/m);
      expect(stderr).not.toContain(secret);
    });

    test('stops with exit code 0 on SIGTERM', async () => {
      const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
    });
  });
});
