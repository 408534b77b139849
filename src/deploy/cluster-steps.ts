/**
 * The EKS cluster, created only when preflight did not find it, and the chain's own kubeconfig.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEPLOY_KUBECONFIG, DeployStep, showCommand } from './deploy-context';
import { DeployStepError } from './deploy-error';

/** `eksctl create cluster`, skipped when the cluster exists. */
export const cluster: DeployStep = {
  name: 'cluster',
  describe: (ctx) => [`${showCommand('eksctl', ['create', 'cluster', '-f', ctx.plan.cluster.configPath])} (unless cluster ${ctx.plan.cluster.name} exists)`],
  perform: (ctx) => {
    if (ctx.clusterExists) {
      ctx.io.stdout.write(`  skipped: cluster ${ctx.plan.cluster.name} exists in ${ctx.plan.region}\n`);
      return;
    }
    if (ctx.run.stream('eksctl', ['create', 'cluster', '-f', ctx.plan.cluster.configPath]) !== 0) {
      throw new DeployStepError(`eksctl could not create the cluster ${ctx.plan.cluster.name}`,
        `read the CloudFormation events of eksctl-${ctx.plan.cluster.name}-cluster, delete a half-made cluster with "eksctl delete cluster --name ${ctx.plan.cluster.name} --region ${ctx.plan.region}", then run again.`);
    }
    ctx.clusterExists = true;
  },
};

function kubeconfigArgs(name: string, region: string): string[] {
  return ['eks', 'update-kubeconfig', '--name', name, '--region', region, '--kubeconfig', DEPLOY_KUBECONFIG];
}

/** Writes the git-ignored kubeconfig the chain's kubectl uses; the same cluster writes the same file. */
export const kubeconfig: DeployStep = {
  name: 'kubeconfig',
  describe: (ctx) => [showCommand('aws', kubeconfigArgs(ctx.plan.cluster.name, ctx.plan.region))],
  perform: (ctx) => {
    mkdirSync(dirname(join(ctx.dir, DEPLOY_KUBECONFIG)), { recursive: true });
    const answer = ctx.run.capture('aws', kubeconfigArgs(ctx.plan.cluster.name, ctx.plan.region));
    if (answer.status !== 0) {
      throw new DeployStepError(`no kubeconfig for cluster ${ctx.plan.cluster.name}: ${answer.stderr.trim()}`, 'check that your IAM identity has an EKS access entry on the cluster, then run again.');
    }
  },
};
