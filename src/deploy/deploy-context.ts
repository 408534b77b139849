/**
 * What the deploy steps share: the repository, its plan, the runner, and what earlier steps learned.
 */
import { join } from 'node:path';
import type { CommandRunner, DeployIo } from './command-runner';
import type { DeployPlan } from './deploy-plan';

/** Kubeconfig the chain writes and uses, so it never touches the user's current kubectl context. */
export const DEPLOY_KUBECONFIG = '.eks-cognito-kit/local/kubeconfig';

/** State of one deploy run; steps fill in what later steps need. */
export interface DeployContext {
  readonly dir: string;
  readonly run: CommandRunner;
  readonly io: DeployIo;
  /** Re-read after the synth step. */
  plan: DeployPlan;
  /** The AWS account the CLI resolves, from preflight. */
  accountId?: string;
  clusterExists?: boolean;
  /** The commit the image is tagged with. */
  imageTag?: string;
  /** `<registry>/<repository>`, once the repository is known. */
  repositoryUri?: string;
}

/** One ordered step: printed before it runs, and safe to run again. */
export interface DeployStep {
  readonly name: string;
  /** The command lines the step runs, as printed and as `--dry-run` shows them. */
  describe(ctx: DeployContext): string[];
  /** Runs the step; throws a `DeployStepError` with what to do next. */
  perform(ctx: DeployContext): void;
}

/** A command line as it is printed; arguments with spaces or quotes are shown single-quoted. */
export function showCommand(command: string, args: readonly string[]): string {
  return [command, ...args].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`)).join(' ');
}

/** The chain's kubectl arguments start with its own kubeconfig. */
export function kubectlArgs(ctx: DeployContext, args: readonly string[]): string[] {
  return ['--kubeconfig', join(ctx.dir, DEPLOY_KUBECONFIG), ...args];
}

/** The image reference the chain pushes and applies. */
export function imageRef(ctx: DeployContext): string {
  const registry = `${ctx.accountId ?? ctx.plan.cognito.accountId ?? '<account>'}.dkr.ecr.${ctx.plan.region}.amazonaws.com`;
  return `${ctx.repositoryUri ?? `${registry}/${ctx.plan.image.repository}`}:${ctx.imageTag ?? '<commit>'}`;
}
