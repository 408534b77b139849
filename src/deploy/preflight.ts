/**
 * The preflight step: the tools and their versions, the AWS account and region the CLI resolves,
 * whether the cluster exists, and the commit the image is tagged with.
 */
import { DeployContext, DeployStep, showCommand } from './deploy-context';
import { DeployStepError } from './deploy-error';

/** How each tool reports its version, and where to get it. */
const TOOLS: Record<string, { readonly args: string[]; readonly install: string }> = {
  aws: { args: ['--version'], install: 'install the AWS CLI v2: https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html' },
  eksctl: { args: ['version'], install: 'install eksctl: https://eksctl.io/installation/' },
  kubectl: { args: ['version', '--client', '-o', 'json'], install: 'install kubectl: https://kubernetes.io/docs/tasks/tools/' },
  docker: { args: ['version', '--format', '{{.Client.Version}}'], install: 'install Docker: https://docs.docker.com/get-docker/' },
  git: { args: ['--version'], install: 'install git' },
};

/** Preflight of the whole chain, or of the Cognito steps only (`aws` and the account). */
export function preflight(scope: 'all' | 'cognito'): DeployStep {
  const tools = scope === 'all' ? Object.keys(TOOLS) : ['aws'];
  return {
    name: 'preflight',
    describe: (ctx) => [
      ...tools.map((t) => showCommand(t, TOOLS[t].args)),
      'aws sts get-caller-identity --output json',
      'aws configure get region',
      ...(scope === 'all' ? [showCommand('eksctl', ['get', 'cluster', '--name', ctx.plan.cluster.name, '--region', ctx.plan.region, '-o', 'json']), 'git rev-parse HEAD'] : []),
    ],
    perform: (ctx) => {
      for (const tool of tools) ctx.io.stdout.write(`  ${tool}: ${toolVersion(ctx, tool)}\n`);
      checkAccount(ctx);
      if (scope === 'all') {
        const cluster = ctx.run.capture('eksctl', ['get', 'cluster', '--name', ctx.plan.cluster.name, '--region', ctx.plan.region, '-o', 'json']);
        ctx.clusterExists = cluster.status === 0 && isNonEmptyArray(cluster.stdout);
        ctx.io.stdout.write(`  cluster ${ctx.plan.cluster.name}: ${ctx.clusterExists ? 'exists' : 'not found; the cluster step creates it'}\n`);
        const head = ctx.run.capture('git', ['rev-parse', 'HEAD']);
        if (head.status !== 0) throw new DeployStepError('the repository has no commit to tag the image with', 'commit the repository (git add -A && git commit), then run deploy again.');
        ctx.imageTag = head.stdout.trim().slice(0, 12);
        ctx.io.stdout.write(`  image tag: ${ctx.imageTag} (HEAD)\n`);
      }
    },
  };
}

function toolVersion(ctx: DeployContext, tool: string): string {
  const answer = ctx.run.capture(tool, TOOLS[tool].args);
  if (answer.status === 127) throw new DeployStepError(`${tool} is not on PATH`, `${TOOLS[tool].install}, then run deploy again.`);
  if (answer.status !== 0) throw new DeployStepError(`"${showCommand(tool, TOOLS[tool].args)}" failed: ${answer.stderr.trim()}`, `repair the ${tool} installation, then run deploy again.`);
  if (tool === 'kubectl') {
    try {
      return String(JSON.parse(answer.stdout).clientVersion.gitVersion);
    } catch {
      return answer.stdout.trim();
    }
  }
  return answer.stdout.trim().split('\n')[0];
}

function checkAccount(ctx: DeployContext): void {
  const who = ctx.run.capture('aws', ['sts', 'get-caller-identity', '--output', 'json']);
  let account: unknown;
  try {
    account = JSON.parse(who.stdout).Account;
  } catch {
    account = undefined;
  }
  if (who.status !== 0 || typeof account !== 'string') {
    throw new DeployStepError(`the AWS CLI has no usable credentials (${who.stderr.trim() || 'no account in its answer'})`, 'sign in (aws sso login, or set AWS_PROFILE), then run deploy again.');
  }
  const expected = ctx.plan.cognito.accountId;
  if (expected && expected !== account) {
    throw new DeployStepError(`the AWS CLI resolves account ${account}, but the spec's Cognito pool is in account ${expected}`,
      `set AWS_PROFILE to a profile of account ${expected}, or remove cognito.deployed and ${ctx.plan.cognito.outputsPath} to deploy into ${account}.`);
  }
  ctx.accountId = account;
  const region = ctx.run.capture('aws', ['configure', 'get', 'region']).stdout.trim();
  // Every command of the chain names the spec's region, so a different CLI default is only reported.
  const note = region === ctx.plan.region ? '' : ` (the CLI's default is ${region || 'unset'}; every command here passes --region ${ctx.plan.region})`;
  ctx.io.stdout.write(`  account: ${account}, region: ${ctx.plan.region}${note}\n`);
}

function isNonEmptyArray(json: string): boolean {
  try {
    const value = JSON.parse(json);
    return Array.isArray(value) && value.length > 0;
  } catch {
    return false;
  }
}
