/**
 * The Cognito stack, its recorded outputs, and the synth that carries them into the manifests.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { outputsFromDescribeStacks, renderOutputsFile } from './cognito-outputs';
import { DeployContext, DeployStep, showCommand } from './deploy-context';
import { DeployStepError } from './deploy-error';
import { readDeployPlan } from './deploy-plan';

function where(ctx: DeployContext): string[] {
  return ['--stack-name', ctx.plan.cognito.stackName, '--region', ctx.plan.region];
}

function deployArgs(ctx: DeployContext): string[] {
  // An unchanged template is a success with no change set, which is what makes a re-run a no-op.
  return ['cloudformation', 'deploy', '--template-file', ctx.plan.cognito.templatePath, ...where(ctx), '--no-fail-on-empty-changeset'];
}

/** `aws cloudformation deploy`: creates or updates the stack; an unchanged template changes nothing. */
export const cognitoStack: DeployStep = {
  name: 'cognito-stack',
  describe: (ctx) => [showCommand('aws', deployArgs(ctx))],
  perform: (ctx) => {
    if (ctx.run.stream('aws', deployArgs(ctx)) !== 0) {
      throw new DeployStepError(`the Cognito stack ${ctx.plan.cognito.stackName} did not deploy`,
        `read why in ${showCommand('aws', ['cloudformation', 'describe-stack-events', ...where(ctx), '--max-items', '10'])}, fix it, then run again.`);
    }
  },
};

/** Records the stack outputs in `cognito/outputs.json`; the file is rewritten only when an id changed. */
export const cognitoOutputs: DeployStep = {
  name: 'cognito-outputs',
  describe: (ctx) => [`${showCommand('aws', ['cloudformation', 'describe-stacks', ...where(ctx), '--output', 'json'])} > ${ctx.plan.cognito.outputsPath}`],
  perform: (ctx) => {
    const answer = ctx.run.capture('aws', ['cloudformation', 'describe-stacks', ...where(ctx), '--output', 'json']);
    if (answer.status !== 0) {
      throw new DeployStepError(`the stack ${ctx.plan.cognito.stackName} cannot be described: ${answer.stderr.trim()}`, 'run "npx projen cognito:deploy" first, or check the AWS CLI\'s credentials and region.');
    }
    let text: string;
    try {
      text = renderOutputsFile(outputsFromDescribeStacks(answer.stdout, { ...ctx.plan.cognito, region: ctx.plan.region }));
    } catch (e) {
      throw new DeployStepError((e as Error).message, 'fix the stack as the message says, then run again.');
    }
    const path = join(ctx.dir, ctx.plan.cognito.outputsPath);
    const same = existsSync(path) && readFileSync(path, 'utf-8') === text;
    if (!same) writeFileSync(path, text);
    ctx.io.stdout.write(`  ${ctx.plan.cognito.outputsPath}: ${same ? 'unchanged' : 'written; commit it'}\n`);
  },
};

/**
 * `npx projen --no-post`: the ConfigMap, the sign-in annotation and the plan pick up the recorded ids.
 * Installing dependencies is not part of a deploy, so the synth only renders files.
 */
export const synth: DeployStep = {
  name: 'synth',
  describe: () => ['npx projen --no-post'],
  perform: (ctx) => {
    if (ctx.run.stream('npx', ['projen', '--no-post']) !== 0) {
      throw new DeployStepError('the synth failed', 'fix the problem it printed above (in .projenrc.ts or cognito/outputs.json), then run again.');
    }
    ctx.plan = readDeployPlan(ctx.dir);
  },
};
