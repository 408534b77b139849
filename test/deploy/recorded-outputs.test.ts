import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Testing } from 'projen';
import { parse } from 'yaml';
import { EksCognitoServiceProject } from '../../src';
import { CognitoOutputs, outputsFromDescribeStacks, parseOutputsFile, renderOutputsFile } from '../../src/deploy';
import { DEFAULT_ROUTES } from '../../src/spec';
import { tempDir, TestProjectOptions } from '../util';

const RECORDED: CognitoOutputs = {
  stackName: 'demo-api-cognito',
  region: 'ap-southeast-1',
  accountId: '111122223333',
  userPoolId: 'ap-southeast-1_Rec0rded',
  userPoolArn: 'arn:aws:cognito-idp:ap-southeast-1:111122223333:userpool/ap-southeast-1_Rec0rded',
  userPoolDomain: 'demo-api-token-demo',
  clientIds: { readClient: 'readid1', writeClient: 'writeid2', microService: 'microid3', webClient: 'webid4' },
};
const SIGN_IN: TestProjectOptions = {
  userAuth: { host: 'app.example.com' },
  routes: [...DEFAULT_ROUTES, { method: 'GET', path: '/', auth: 'alb-user' }],
};

/** Synthesizes in memory in a folder whose `cognito/outputs.json` holds `recorded` (raw text or outputs). */
function synthWith(recorded: CognitoOutputs | string | undefined, options: TestProjectOptions = {}) {
  const outdir = tempDir();
  if (recorded !== undefined) {
    mkdirSync(join(outdir, 'cognito'));
    writeFileSync(join(outdir, 'cognito/outputs.json'), typeof recorded === 'string' ? recorded : renderOutputsFile(recorded));
  }
  const project = new EksCognitoServiceProject({ name: 'demo-api', outdir, ...options });
  const files = Object.fromEntries(Object.entries(Testing.synth(project))
    .map(([path, content]) => [path, path.startsWith('k8s/') && typeof content === 'string' ? parse(content) : content]));
  return { project, files };
}

describe('cognito/outputs.json read at synth', () => {
  test('fills the ConfigMap, the sign-in annotation and the deploy plan', () => {
    const { project, files } = synthWith(RECORDED, SIGN_IN);
    expect(project.recordedOutputs.source).toBe('file');
    expect(files['k8s/config-map.yaml'].data).toMatchObject({
      COGNITO_USER_POOL_ID: 'ap-southeast-1_Rec0rded', COGNITO_CLIENT_IDS: 'readid1,writeid2,microid3', ALB_CLIENT_ID: 'webid4',
    });
    const signIn = Object.entries<any>(files).find(([p, o]) => p.startsWith('k8s/') && o?.kind === 'Ingress'
      && o.metadata.annotations['alb.ingress.kubernetes.io/auth-idp-cognito'])![1];
    expect(JSON.parse(signIn.metadata.annotations['alb.ingress.kubernetes.io/auth-idp-cognito'])).toEqual({
      userPoolARN: RECORDED.userPoolArn, userPoolClientID: 'webid4', userPoolDomain: 'demo-api-token-demo',
    });
    expect(Object.entries(files).filter(([p, o]) => p.startsWith('k8s/') && JSON.stringify(o).includes('NotYetDeployed'))).toEqual([]);
    expect(files['.eks-cognito-kit/deploy.json'].cognito.accountId).toBe('111122223333');
  });

  test('cognito.deployed wins, and the synth says where they disagree', () => {
    const deployed = { accountId: '111122223333', userPoolId: 'ap-southeast-1_Expl1cit', clientIds: { readClient: 'readid1', writeClient: 'other', microService: 'microid3' } };
    const { project, files } = synthWith(RECORDED, { cognito: { deployed } });
    expect(project.recordedOutputs.source).toBe('spec');
    expect(files['k8s/config-map.yaml'].data.COGNITO_USER_POOL_ID).toBe('ap-southeast-1_Expl1cit');
    expect(project.recordedOutputs.warnings).toEqual([
      expect.stringMatching(/^cognito\.deployed\.userPoolId is "ap-southeast-1_Expl1cit" but cognito\/outputs\.json has "ap-southeast-1_Rec0rded"; cognito\.deployed .* wins/),
      expect.stringMatching(/^cognito\.deployed\.clientIds\.writeClient is "other" but cognito\/outputs\.json has "writeid2"/),
    ]);
  });

  test('agreeing values say nothing', () => {
    const deployed = { accountId: RECORDED.accountId, userPoolId: RECORDED.userPoolId, clientIds: { readClient: 'readid1', writeClient: 'writeid2', microService: 'microid3' } };
    expect(synthWith(RECORDED, { cognito: { deployed } }).project.recordedOutputs.warnings).toEqual([]);
  });

  test('a record that lacks a new client, or is for another region, is set aside with a warning', () => {
    const stale = synthWith(RECORDED, { cognito: { clients: [{ name: 'readClient', scopes: ['demo.read'] }, { name: 'newClient', scopes: ['demo.write'] }] } });
    expect(stale.project.recordedOutputs.warnings).toEqual([expect.stringMatching(/has no client id for newClient; ignored until "npx projen cognito:deploy"/)]);
    expect(stale.files['k8s/config-map.yaml'].data.COGNITO_USER_POOL_ID).toBe('');
    const moved = synthWith(RECORDED, { region: 'eu-west-1' });
    expect(moved.project.recordedOutputs.warnings).toEqual([expect.stringMatching(/records a stack in ap-southeast-1, but the spec's region is eu-west-1/)]);
  });

  test('a broken record names the file, every bad field and the fix', () => {
    expect(() => synthWith('{ not json')).toThrow(/^cognito\/outputs\.json is not JSON .*npx projen cognito:deploy/);
    const bad = { ...RECORDED, accountId: '12', userPoolArn: 'arn:x', clientIds: { readClient: 'has space' } };
    expect(() => parseOutputsFile(JSON.stringify(bad))).toThrow([
      'cognito/outputs.json is not usable (3 problems); it is written by "npx projen cognito:deploy"; run that again, or delete cognito/outputs.json to synthesize without it:',
      '  - accountId: "12" must be a 12-digit AWS account id.',
      '  - userPoolArn: "arn:x" must be the ARN of userPoolId.',
      '  - clientIds.readClient: "has space" must be a client id (letters and digits).',
    ].join('\n'));
  });
});

describe('outputsFromDescribeStacks', () => {
  const source = { stackName: 'demo-api-cognito', region: 'ap-southeast-1', clientOutputs: { ReadClientId: 'readClient' } };
  const stack = (status: string, outputs: Record<string, string>) => JSON.stringify({
    Stacks: [{
      StackName: 'demo-api-cognito',
      StackStatus: status,
      Outputs: Object.entries(outputs).map(([OutputKey, OutputValue]) => ({ OutputKey, OutputValue })),
    }],
  });
  const all = { UserPoolId: 'ap-southeast-1_X1', UserPoolArn: 'arn:aws:cognito-idp:ap-southeast-1:444455556666:userpool/ap-southeast-1_X1', UserPoolDomain: 'd', ReadClientId: 'r1', TokenEndpoint: 'https://d' };

  test('keeps the ids, takes the account from the ARN, and nothing else', () => {
    expect(outputsFromDescribeStacks(stack('UPDATE_COMPLETE', all), source)).toEqual({
      stackName: 'demo-api-cognito',
      region: 'ap-southeast-1',
      accountId: '444455556666',
      userPoolId: 'ap-southeast-1_X1',
      userPoolArn: all.UserPoolArn,
      userPoolDomain: 'd',
      clientIds: { readClient: 'r1' },
    });
  });

  test('refuses a failed stack and names missing outputs', () => {
    expect(() => outputsFromDescribeStacks(stack('ROLLBACK_COMPLETE', all), source)).toThrow(/is ROLLBACK_COMPLETE; its outputs are not usable/);
    const { ReadClientId, ...lacking } = all;
    expect(ReadClientId).toBe('r1');
    expect(() => outputsFromDescribeStacks(stack('CREATE_COMPLETE', lacking), source)).toThrow(/has no output ReadClientId; .*older template/);
  });
});
