/**
 * Applies the managed manifests with the pushed image, waits for the rollout, and runs the
 * integration script against the public host.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { DeployContext, DeployStep, imageRef, kubectlArgs, showCommand } from './deploy-context';
import { DeployStepError } from './deploy-error';
import { NOT_YET_DEPLOYED } from '../k8s/annotation-sets/cognito-user-auth';

/** The manifests of `k8s/`, Namespace first, with the Deployment's container pinned to the pushed image. */
export function pinnedManifests(ctx: DeployContext): string {
  const dir = join(ctx.dir, ctx.plan.kubernetes.manifestDir);
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  const texts = files.map((f) => readFileSync(join(dir, f), 'utf-8'));
  if (texts.some((t) => t.includes(NOT_YET_DEPLOYED) || /^ +COGNITO_USER_POOL_ID: ""$/m.test(t))) {
    throw new DeployStepError(`${ctx.plan.kubernetes.manifestDir}/ still holds values Cognito has not assigned`, 'run "npx projen cognito:deploy" (it records the stack outputs and re-synthesizes), then run again.');
  }
  const docs = texts.flatMap((t) => parseAllDocuments(t)).map((d) => d.toJS()).filter((d) => d && typeof d === 'object');
  for (const doc of docs) {
    if (doc.kind !== 'Deployment' || doc.metadata?.name !== ctx.plan.kubernetes.deployment) continue;
    for (const container of doc.spec?.template?.spec?.containers ?? []) {
      if (container.name === ctx.plan.kubernetes.container) container.image = imageRef(ctx);
    }
  }
  docs.sort((a, b) => Number(b.kind === 'Namespace') - Number(a.kind === 'Namespace'));
  return docs.map((d) => JSON.stringify(d)).join('\n---\n');
}

/** `kubectl apply` of the manifests; unchanged objects stay unchanged and start no rollout. */
export const k8sApply: DeployStep = {
  name: 'k8s-apply',
  describe: (ctx) => [`${showCommand('kubectl', kubectlArgs(ctx, ['apply', '-f', '-']))} < ${ctx.plan.kubernetes.manifestDir}/*.yaml with image ${imageRef(ctx)}`],
  perform: (ctx) => {
    if (ctx.run.stream('kubectl', kubectlArgs(ctx, ['apply', '-f', '-']), pinnedManifests(ctx)) !== 0) {
      throw new DeployStepError('kubectl apply failed', 'fix the cause printed above (often the load balancer controller is not installed yet), then run again.');
    }
  },
};

function rolloutArgs(ctx: DeployContext): string[] {
  return ['rollout', 'status', `deployment/${ctx.plan.kubernetes.deployment}`, '-n', ctx.plan.kubernetes.namespace, '--timeout=300s'];
}

/** Waits until the Deployment's pods run the applied spec. */
export const rollout: DeployStep = {
  name: 'rollout',
  describe: (ctx) => [showCommand('kubectl', kubectlArgs(ctx, rolloutArgs(ctx)))],
  perform: (ctx) => {
    if (ctx.run.stream('kubectl', kubectlArgs(ctx, rolloutArgs(ctx))) !== 0) {
      const ns = ctx.plan.kubernetes.namespace;
      throw new DeployStepError(`deployment/${ctx.plan.kubernetes.deployment} did not roll out`,
        `look at "kubectl --kubeconfig .eks-cognito-kit/local/kubeconfig -n ${ns} describe pods" and the pods' logs, fix the cause, then run again.`);
    }
  },
};

/** `scripts/integ.sh https://<host>`; the client credentials come from the caller's environment. */
export const integ: DeployStep = {
  name: 'integ',
  describe: (ctx) => [showCommand(ctx.plan.integ.script, [ctx.plan.integ.baseUrl])],
  perform: (ctx) => {
    // The token endpoint is public and derived from the spec; the client credentials never pass through the kit.
    const env = ctx.run.env.TOKEN_ENDPOINT ? {} : { TOKEN_ENDPOINT: ctx.plan.integ.tokenEndpoint };
    if (ctx.run.stream('bash', [ctx.plan.integ.script, ctx.plan.integ.baseUrl], undefined, env) !== 0) {
      throw new DeployStepError(`the integration checks against ${ctx.plan.integ.baseUrl} failed`,
        `export CLIENT_CREDENTIALS_<CLIENT> (Base64 of client-id:client-secret) if it asked for them; DNS and the certificate can take minutes after the first apply. Then run "${ctx.plan.integ.script} ${ctx.plan.integ.baseUrl}".`);
    }
  },
};
