/**
 * The managed `.eks-cognito-kit/deploy.json`: everything `eks-cognito-kit deploy` needs from the model,
 * written at synth so the command never re-reads `.projenrc.ts`. Public values only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClientSecretsPlan } from './client-secrets-step';
import { OUTPUTS_PATH } from './cognito-outputs';
import { cognitoStackName, COGNITO_TEMPLATE_PATH } from '../cognito/cognito-stack';
import { CLUSTER_CONFIG_PATH } from '../eksctl/cluster-config-file';
import { callClients, clientSecretsName } from '../k8s/workload';
import type { ServiceModel } from '../spec';

/** Path of the plan inside the service repository. */
export const DEPLOY_PLAN_PATH = '.eks-cognito-kit/deploy.json';

/** Inputs of the deploy chain, derived from the model. */
export interface DeployPlan {
  readonly service: string;
  readonly region: string;
  readonly cognito: {
    readonly stackName: string;
    readonly templatePath: string;
    readonly outputsPath: string;
    /** Output key -> client name, the web client included. */
    readonly clientOutputs: Readonly<Record<string, string>>;
    /** Account of the pool the synth used (`cognito.deployed` or the record), when there is one. */
    readonly accountId?: string;
  };
  readonly cluster: { readonly name: string; readonly configPath: string };
  readonly kubernetes: {
    readonly manifestDir: string;
    readonly namespace: string;
    readonly deployment: string;
    readonly container: string;
    /** The Secret of the outbound calls' client secrets, when the service makes calls. */
    readonly clientSecrets?: ClientSecretsPlan;
  };
  /** ECR repository the image is pushed to; the tag is the commit. */
  readonly image: { readonly repository: string };
  readonly integ: { readonly script: string; readonly baseUrl: string; readonly tokenEndpoint: string };
}

/** The plan of a model whose manifests live in `manifestDir`. */
export function renderDeployPlan(model: ServiceModel, manifestDir: string): DeployPlan {
  const clients = [...model.cognito.clients, ...(model.userAuth ? [model.userAuth.webClient] : [])];
  return {
    service: model.name,
    region: model.region,
    cognito: {
      stackName: cognitoStackName(model),
      templatePath: COGNITO_TEMPLATE_PATH,
      outputsPath: OUTPUTS_PATH,
      clientOutputs: Object.fromEntries(clients.map((c) => [`${c.logicalId}Id`, c.name])),
      ...(model.cognito.deployed ? { accountId: model.cognito.deployed.accountId } : {}),
    },
    cluster: { name: model.cluster.name, configPath: CLUSTER_CONFIG_PATH },
    kubernetes: {
      manifestDir,
      namespace: model.namespace,
      deployment: model.name,
      container: model.name,
      ...(model.calls.length > 0 ? {
        clientSecrets: { secretName: clientSecretsName(model), clients: callClients(model).map((c) => ({ name: c.name, envName: c.envName })) },
      } : {}),
    },
    image: { repository: model.name },
    integ: { script: 'scripts/integ.sh', baseUrl: `https://${model.host}`, tokenEndpoint: model.cognito.tokenEndpoint },
  };
}

/** The plan of the repository at `dir`; says to synthesize when it is missing. */
export function readDeployPlan(dir: string): DeployPlan {
  try {
    return JSON.parse(readFileSync(join(dir, DEPLOY_PLAN_PATH), 'utf-8')) as DeployPlan;
  } catch (e) {
    throw new Error(`${DEPLOY_PLAN_PATH} cannot be read (${(e as Error).message}); run "npx projen" in the service repository first.`);
  }
}
