/**
 * `eks-cognito-kit deploy [--dry-run] [--only cognito|outputs]` and `eks-cognito-kit cognito-outputs`:
 * the ordered deploy chain of a service repository, each step printed before it runs.
 */
import { clientSecrets } from './client-secrets-step';
import { cluster, kubeconfig } from './cluster-steps';
import { cognitoOutputs, cognitoStack, synth } from './cognito-steps';
import { CommandRunner, DeployIo } from './command-runner';
import { DeployContext, DeployStep } from './deploy-context';
import { DeployStepError } from './deploy-error';
import { readDeployPlan } from './deploy-plan';
import { ecrRepository, image } from './image-steps';
import { integ, k8sApply, rollout } from './kube-steps';
import { preflight } from './preflight';

const USAGE = `Usage: eks-cognito-kit deploy [--dry-run] [--only cognito|outputs]

Runs, in a service repository, in order: preflight (tools, AWS account and region, cluster), the Cognito
stack, its outputs into cognito/outputs.json, npx projen, the cluster (created when absent), the ECR
repository, the image (built and pushed when its commit tag is not in ECR), kubectl apply, the Secret of
the outbound calls' client secrets (read from Cognito, piped to kubectl), the rollout, and
scripts/integ.sh https://<host>. Every step is safe to run again.

Options:
  --dry-run        Print the steps and their commands; run nothing
  --only cognito   Only preflight, the Cognito stack, its outputs and the synth (npx projen cognito:deploy)
  --only outputs   Only the outputs and the synth (npx projen cognito:outputs; eks-cognito-kit cognito-outputs)
  --help           Print this help`;

/** The steps of the whole chain, or of one of its Cognito parts; `client-secrets` only when the service makes outbound calls. */
export function deploySteps(only?: 'cognito' | 'outputs', calls = false): DeployStep[] {
  if (only === 'outputs') return [cognitoOutputs, synth];
  if (only === 'cognito') return [preflight('cognito'), cognitoStack, cognitoOutputs, synth];
  return [preflight('all'), cognitoStack, cognitoOutputs, synth, cluster, kubeconfig, ecrRepository, image, k8sApply,
    ...(calls ? [clientSecrets] : []), rollout, integ];
}

/** Options of one run of the chain. */
export interface DeployRunOptions {
  /** @default process.cwd() */
  readonly dir?: string;
  /** @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** @default process.stdout and process.stderr */
  readonly io?: DeployIo;
}

/** Runs `eks-cognito-kit deploy` with its arguments; resolves to the exit code. */
export function runDeploy(args: readonly string[], options: DeployRunOptions = {}): number {
  const io = options.io ?? { stdout: process.stdout, stderr: process.stderr };
  const dryRun = args.includes('--dry-run');
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
  const known = (a: string, i: number) => ['--dry-run', '--help', '-h'].includes(a) || (onlyAt >= 0 && (i === onlyAt || i === onlyAt + 1));
  const unknown = args.filter((a, i) => !known(a, i));
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (unknown.length > 0 || (onlyAt >= 0 && only !== 'cognito' && only !== 'outputs')) {
    io.stderr.write(`eks-cognito-kit deploy: unknown argument ${JSON.stringify(unknown[0] ?? only ?? '')}.\n\n${USAGE}\n`);
    return 2;
  }
  const dir = options.dir ?? process.cwd();
  let ctx: DeployContext;
  try {
    ctx = { dir, io, plan: readDeployPlan(dir), run: new CommandRunner(dir, options.env ?? process.env) };
  } catch (e) {
    io.stderr.write(`eks-cognito-kit deploy: ${(e as Error).message}\n`);
    return 2;
  }
  const steps = deploySteps(only as 'cognito' | 'outputs' | undefined, ctx.plan.kubernetes.clientSecrets !== undefined);
  if (dryRun) return printPlan(ctx, steps);
  for (const [i, step] of steps.entries()) {
    io.stdout.write(`[${i + 1}/${steps.length}] ${step.name}\n${step.describe(ctx).map((c) => `  $ ${c}\n`).join('')}`);
    try {
      step.perform(ctx);
    } catch (e) {
      const next = e instanceof DeployStepError ? e.next : 'fix the cause, then run again.';
      io.stderr.write(`eks-cognito-kit deploy stopped at step ${i + 1}/${steps.length} (${step.name}): ${(e as Error).message}.\nNext: ${next}\n`
        + 'Steps that already ran are safe to run again.\n');
      return 1;
    }
  }
  io.stdout.write(`eks-cognito-kit deploy: ${steps.length} steps done.\n`);
  return 0;
}

function printPlan(ctx: DeployContext, steps: readonly DeployStep[]): number {
  ctx.io.stdout.write(`eks-cognito-kit deploy --dry-run: ${steps.length} steps, nothing is run.\n`);
  steps.forEach((step, i) => ctx.io.stdout.write(`[${i + 1}/${steps.length}] ${step.name}\n${step.describe(ctx).map((c) => `  $ ${c}\n`).join('')}`));
  return 0;
}
