import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { readTree, synthToDisk, tempDir, TestProjectOptions } from '../util';

const ROOT = join(__dirname, '..', '..');
const STANDINS = join(__dirname, 'fixtures', 'bin');
const made: string[] = [];

// rmSync removes the node_modules symlink, never what it points at.
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A service repository as `create` leaves it, with the kit's command on PATH running this checkout. */
function generatedRepo(spec: TestProjectOptions = {}): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = tempDir();
  const home = tempDir();
  made.push(dir, home);
  synthToDisk(dir, spec);
  writeFileSync(join(dir, '.projenrc.ts'),
    `import { EksCognitoServiceProject } from ${JSON.stringify(join(ROOT, 'src'))};\n\nnew EksCognitoServiceProject(${JSON.stringify({ name: 'demo-api', ...spec })}).synth();\n`);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  const kitBin = join(dir, '.kit-bin');
  mkdirSync(kitBin);
  const kit = join(kitBin, 'eks-cognito-kit');
  writeFileSync(kit, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} -r ${JSON.stringify(join(ROOT, 'node_modules/ts-node/register/transpile-only'))} ${JSON.stringify(join(ROOT, 'src/cli/main.ts'))} "$@"\n`, { mode: 0o755 });
  const state = join(dir, '.standin-state');
  const env = {
    PATH: [STANDINS, kitBin, dirname(process.execPath), '/usr/bin', '/bin'].join(':'),
    HOME: home,
    TS_NODE_TRANSPILE_ONLY: 'true',
    PROJEN_DISABLE_POST: 'true',
    STANDIN_LOG: join(state, 'calls.log'),
    STANDIN_STATE: state,
    // Made per run, so a leak of the ECR password anywhere is found by searching for it.
    STANDIN_SECRET: `ecr-password-${process.pid}-${Date.now()}`,
    STANDIN_ROUTES: 'GET /api/demo/protectedRole/ demo.read;POST /api/demo/protectedUpload demo.write',
    access_token_read: 'scopes:demo.read',
    access_token_write: 'scopes:demo.write',
  };
  writeFileSync(join(dir, '.gitignore'), `${readFileSync(join(dir, '.gitignore'), 'utf-8')}/.standin-state/\n/.kit-bin/\n`);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'first synth');
  return { dir, env };
}

function git(dir: string, ...args: string[]): string {
  const run = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout;
}

function projen(dir: string, env: NodeJS.ProcessEnv, ...args: string[]) {
  const run = spawnSync('npx', ['projen', ...args], { cwd: dir, env, encoding: 'utf8' });
  const calls = existsSync(env.STANDIN_LOG!) ? readFileSync(env.STANDIN_LOG!, 'utf-8').trim().split('\n') : [];
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, calls };
}

/** The repository's files, without the stand-ins' call log (which every run appends to). */
function repoFiles(dir: string): Record<string, string> {
  const files = readTree(dir);
  delete files['.standin-state/calls.log'];
  return files;
}

/** Where in the call log the first call starting with `prefix` is (-1 when never). */
function at(calls: string[], prefix: string): number {
  return calls.findIndex((c) => c.startsWith(prefix));
}

describe('npx projen deploy with stand-ins for aws, eksctl, kubectl and docker', () => {
  test('runs the chain in order once, records the ids, and a second run changes nothing', () => {
    const { dir, env } = generatedRepo();
    const first = projen(dir, env, 'deploy');
    expect(first.stderr).not.toMatch(/stopped at/);
    expect(first.status).toBe(0);
    const order = ['aws --version', 'eksctl version', 'kubectl version', 'docker version', 'aws sts get-caller-identity', 'eksctl get cluster --name token-demo --region ap-southeast-1 -o json',
      'aws cloudformation deploy --template-file cognito/cognito-stack.yaml --stack-name demo-api-cognito --region ap-southeast-1 --no-fail-on-empty-changeset',
      'aws cloudformation describe-stacks', 'eksctl create cluster -f eksctl/cluster.yaml', 'aws eks update-kubeconfig', 'aws ecr describe-repositories',
      'aws ecr create-repository', 'aws ecr describe-images', 'aws ecr get-login-password', 'docker login --username AWS --password-stdin 111122223333.dkr.ecr.ap-southeast-1.amazonaws.com',
      'docker build', 'docker push', '--kubeconfig', 'curl'].map((p) => at(first.calls, p.startsWith('--') ? `kubectl ${p}` : p));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(first.calls).toContain('kubectl --kubeconfig ' + join(dir, '.eks-cognito-kit/local/kubeconfig') + ' rollout status deployment/demo-api -n demo --timeout=300s');
    expect(first.stdout).toMatch(/\[11\/11\] integ\n {2}\$ scripts\/integ\.sh https:\/\/gateway\.example\.com/);
    expect(first.stdout).toMatch(/6 passed, 0 failed, 0 skipped/);

    const outputs = JSON.parse(readFileSync(join(dir, 'cognito/outputs.json'), 'utf-8'));
    expect(outputs).toEqual({
      stackName: 'demo-api-cognito',
      region: 'ap-southeast-1',
      accountId: '111122223333',
      userPoolId: 'ap-southeast-1_StandIn01',
      userPoolArn: 'arn:aws:cognito-idp:ap-southeast-1:111122223333:userpool/ap-southeast-1_StandIn01',
      userPoolDomain: 'demo-api-token-demo',
      clientIds: { microService: 'standinmicroserviceclientid', readClient: 'standinreadclientid', writeClient: 'standinwriteclientid' },
    });
    const configMap = parse(readFileSync(join(dir, 'k8s/config-map.yaml'), 'utf-8'));
    expect(configMap.data.COGNITO_USER_POOL_ID).toBe('ap-southeast-1_StandIn01');
    expect(configMap.data.COGNITO_CLIENT_IDS).toBe('standinreadclientid,standinwriteclientid,standinmicroserviceclientid');
    const sha = git(dir, 'rev-parse', 'HEAD').trim().slice(0, 12);
    const applied = readFileSync(join(env.STANDIN_STATE!, 'applied.yaml'), 'utf-8');
    expect(applied).toContain(`"image":"111122223333.dkr.ecr.ap-southeast-1.amazonaws.com/demo-api:${sha}"`);
    expect(applied).toContain('"COGNITO_USER_POOL_ID":"ap-southeast-1_StandIn01"');

    // The ECR password reached docker on stdin only: not in the output, the call log or any file.
    const everything = [first.stdout, first.stderr, ...Object.values(readTree(dir))].join('\n');
    expect(everything).not.toContain(env.STANDIN_SECRET);

    const before = repoFiles(dir);
    const second = projen(dir, env, 'deploy');
    expect(second.status).toBe(0);
    const again = second.calls.slice(first.calls.length);
    expect(again.filter((c) => /^(eksctl create|aws ecr create|docker build|docker push|aws ecr get-login)/.test(c))).toEqual([]);
    expect(second.stdout).toMatch(/cognito\/outputs\.json: unchanged/);
    expect(second.stdout).toMatch(/No changes to deploy/);
    expect(second.stdout).toMatch(/skipped: cluster token-demo exists/);
    expect(second.stdout).toMatch(/skipped: .*demo-api:[0-9a-f]{12} is in ECR/);
    expect(second.stdout).toMatch(/all objects unchanged/);
    expect(repoFiles(dir)).toEqual(before);
  });

  test('with user sign-in, the sign-in Ingress\'s auth-idp-cognito carries the stand-in\'s pool ARN, web client id and domain', () => {
    const { dir, env } = generatedRepo({
      userAuth: { host: 'app.example.com' },
      routes: [
        { method: 'GET', path: '/api/demo/protectedRole/{name}', scopes: ['demo.read'] },
        { method: 'POST', path: '/api/demo/protectedUpload', scopes: ['demo.write'] },
        { method: 'GET', path: '/', auth: 'alb-user' },
      ],
    });
    const idp = () => JSON.parse(parse(readFileSync(join(dir, 'k8s/ingress-web.yaml'), 'utf-8')).metadata.annotations['alb.ingress.kubernetes.io/auth-idp-cognito']);
    const placeholder = idp();
    const first = projen(dir, env, 'deploy', '--only', 'cognito');
    expect(first.stderr).not.toMatch(/stopped at/);
    expect(first.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'cognito/outputs.json'), 'utf-8')).clientIds.webClient).toBe('standinwebclientid');
    expect(idp()).toEqual({
      userPoolARN: 'arn:aws:cognito-idp:ap-southeast-1:111122223333:userpool/ap-southeast-1_StandIn01',
      userPoolClientID: 'standinwebclientid',
      userPoolDomain: 'demo-api-token-demo',
    });
    expect(idp()).not.toEqual(placeholder);
    expect(parse(readFileSync(join(dir, 'k8s/config-map.yaml'), 'utf-8')).data.COGNITO_USER_POOL_ID).toBe('ap-southeast-1_StandIn01');

    const before = repoFiles(dir);
    const second = projen(dir, env, 'deploy', '--only', 'cognito');
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/No changes to deploy/);
    expect(second.stdout).toMatch(/cognito\/outputs\.json: unchanged/);
    expect(repoFiles(dir)).toEqual(before);
  });

  test('a failing step stops the chain and says what to do next; the steps before it have done their work', () => {
    const { dir, env } = generatedRepo();
    const run = projen(dir, { ...env, STANDIN_FAIL: 'rollout status' }, 'deploy');
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/stopped at step 10\/11 \(rollout\): deployment\/demo-api did not roll out\.\nNext: look at .*describe pods/);
    expect(run.calls.some((c) => c.startsWith('curl'))).toBe(false);
    expect(existsSync(join(dir, 'cognito/outputs.json'))).toBe(true);
    expect(readFileSync(join(dir, 'k8s/config-map.yaml'), 'utf-8')).toContain('ap-southeast-1_StandIn01');
  });

  test('--dry-run prints the plan and runs nothing', () => {
    const { dir, env } = generatedRepo();
    const run = projen(dir, env, 'deploy', '--dry-run');
    expect(run.status).toBe(0);
    expect(run.calls).toEqual([]);
    expect(run.stdout).toMatch(/11 steps, nothing is run/);
    expect(run.stdout.match(/^\[\d+\/11\] [\w-]+$/gm)).toEqual(['preflight', 'cognito-stack', 'cognito-outputs', 'synth', 'cluster', 'kubeconfig', 'ecr-repository', 'image', 'k8s-apply', 'rollout', 'integ']
      .map((s, i) => `[${i + 1}/11] ${s}`));
    expect(existsSync(join(dir, 'cognito/outputs.json'))).toBe(false);
  });
});

describe('npx projen deploy of a service with outbound calls', () => {
  const CALLS: TestProjectOptions = {
    cognito: {
      clients: [
        { name: 'readClient', scopes: ['demo.read'] },
        { name: 'writeClient', scopes: ['demo.write'] },
        { name: 'callerClient', scopes: ['demo.read'] },
      ],
    },
    calls: [{ name: 'ordersApi', baseUrl: 'https://orders.example.com', client: 'callerClient' }],
  };

  test('reads the client secret from Cognito after the apply and before the rollout, into the Secret on stdin only', () => {
    const { dir, env } = generatedRepo(CALLS);
    const run = projen(dir, env, 'deploy');
    expect(run.stderr).not.toMatch(/stopped at/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\[10\/12\] client-secrets\n/);
    const kubeconfig = join(dir, '.eks-cognito-kit/local/kubeconfig');
    const apply = run.calls.indexOf(`kubectl --kubeconfig ${kubeconfig} apply -f -`);
    const describe = run.calls.indexOf('aws cognito-idp describe-user-pool-client --user-pool-id ap-southeast-1_StandIn01 --client-id standincallerclientid --region ap-southeast-1 --output json');
    const secretApply = run.calls.indexOf(`kubectl --kubeconfig ${kubeconfig} apply --server-side --field-manager eks-cognito-kit -f -`);
    const rollout = at(run.calls, `kubectl --kubeconfig ${kubeconfig} rollout status`);
    expect([apply, describe, secretApply, rollout].every((i) => i >= 0)).toBe(true);
    expect(apply < describe && describe < secretApply && secretApply < rollout).toBe(true);

    const secretValue = `${env.STANDIN_SECRET}-standincallerclientid`;
    const secret = JSON.parse(readFileSync(join(env.STANDIN_STATE!, 'server-side-applied.json'), 'utf-8'));
    expect(secret).toMatchObject({ apiVersion: 'v1', kind: 'Secret', type: 'Opaque', metadata: { name: 'demo-api-client-secrets', namespace: 'demo' } });
    expect(secret.data).toEqual({ CLIENT_SECRET_CALLER: Buffer.from(secretValue).toString('base64') });

    // The ConfigMap has the public half; the Deployment takes the secret from the Secret.
    const configMap = parse(readFileSync(join(dir, 'k8s/config-map.yaml'), 'utf-8'));
    expect(configMap.data).toMatchObject({
      TOKEN_ENDPOINT: 'https://demo-api-token-demo.auth.ap-southeast-1.amazoncognito.com/oauth2/token',
      CALL_ORDERS_API_BASE_URL: 'https://orders.example.com',
      CLIENT_ID_CALLER: 'standincallerclientid',
    });
    const deployment = parse(readFileSync(join(dir, 'k8s/deployment.yaml'), 'utf-8'));
    expect(deployment.spec.template.spec.containers[0].env).toEqual([
      { name: 'CLIENT_SECRET_CALLER', valueFrom: { secretKeyRef: { name: 'demo-api-client-secrets', key: 'CLIENT_SECRET_CALLER' } } },
    ]);

    // The secret (and the ECR password it is derived from) is in no output, argument or file but the cluster's.
    const files = readTree(dir);
    delete files['.standin-state/server-side-applied.json'];
    const everything = [run.stdout, run.stderr, ...run.calls, ...Object.values(files)].join('\n');
    expect(everything).not.toContain(env.STANDIN_SECRET);
  });

  test('a client secret that cannot be read stops the chain before the rollout and says what to do', () => {
    const { dir, env } = generatedRepo(CALLS);
    const run = projen(dir, { ...env, STANDIN_FAIL: 'describe-user-pool-client' }, 'deploy');
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/stopped at step 10\/12 \(client-secrets\): the secret of client callerClient cannot be read: .*\nNext: .*cognito-idp:DescribeUserPoolClient/);
    expect(run.calls.some((c) => c.includes('rollout status'))).toBe(false);
  });

  test('--dry-run lists client-secrets between k8s-apply and rollout', () => {
    const { dir, env } = generatedRepo(CALLS);
    const run = projen(dir, env, 'deploy', '--dry-run');
    expect(run.status).toBe(0);
    expect(run.stdout.match(/^\[\d+\/12\] [\w-]+$/gm)?.slice(8, 11)).toEqual(['[9/12] k8s-apply', '[10/12] client-secrets', '[11/12] rollout']);
    expect(run.stdout).toContain('aws cognito-idp describe-user-pool-client --user-pool-id \'<UserPoolId>\' --client-id \'<callerClient id>\'');
  });
});
