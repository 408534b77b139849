/**
 * The Secret `<service>-client-secrets` that gives the pod its outbound calls' client secrets: each read
 * from Cognito and piped to `kubectl apply` on stdin, so a secret never touches the disk, an argument
 * list or a log line.
 */
import { DeployContext, DeployStep, kubectlArgs, showCommand } from './deploy-context';
import { DeployStepError } from './deploy-error';
import { readOutputsFile } from './parse-outputs-file';

/** What the plan says about the Secret; absent when the service makes no outbound calls. */
export interface ClientSecretsPlan {
  readonly secretName: string;
  /** The clients whose secrets go in, as `CLIENT_SECRET_<envName>` keys. */
  readonly clients: readonly { readonly name: string; readonly envName: string }[];
}

function describeArgs(ctx: DeployContext, userPoolId: string, clientId: string): string[] {
  return ['cognito-idp', 'describe-user-pool-client', '--user-pool-id', userPoolId, '--client-id', clientId, '--region', ctx.plan.region, '--output', 'json'];
}

function applyArgs(ctx: DeployContext): string[] {
  return kubectlArgs(ctx, ['apply', '--server-side', '--field-manager', 'eks-cognito-kit', '-f', '-']);
}

/** Reads each client's secret with `aws cognito-idp describe-user-pool-client` and applies the Secret. */
export const clientSecrets: DeployStep = {
  name: 'client-secrets',
  describe: (ctx) => {
    const secrets = ctx.plan.kubernetes.clientSecrets;
    if (!secrets) return [];
    return [
      ...secrets.clients.map((c) => showCommand('aws', describeArgs(ctx, '<UserPoolId>', `<${c.name} id>`))),
      `${showCommand('kubectl', applyArgs(ctx))} < Secret ${secrets.secretName} (on stdin)`,
    ];
  },
  perform: (ctx) => {
    const secrets = ctx.plan.kubernetes.clientSecrets;
    if (!secrets) return;
    const outputs = readOutputsFile(ctx.dir);
    if (!outputs) {
      throw new DeployStepError(`${ctx.plan.cognito.outputsPath} is missing`, 'run "npx projen cognito:deploy" (it records the stack outputs), then run again.');
    }
    const data: Record<string, string> = {};
    for (const client of secrets.clients) {
      const clientId = outputs.clientIds[client.name];
      if (!clientId) {
        throw new DeployStepError(`${ctx.plan.cognito.outputsPath} has no id for client ${client.name}`, 'run "npx projen cognito:deploy" again so the outputs are recorded anew.');
      }
      const answer = ctx.run.capture('aws', describeArgs(ctx, outputs.userPoolId, clientId));
      const secret = answer.status === 0 ? clientSecretOf(answer.stdout) : undefined;
      if (!secret) {
        // stderr is the CLI's error text, which never holds the secret (that is only ever on stdout).
        throw new DeployStepError(`the secret of client ${client.name} cannot be read${answer.status === 0 ? ': the answer has no ClientSecret' : `: ${answer.stderr.trim()}`}`,
          'check that the AWS CLI\'s identity may call cognito-idp:DescribeUserPoolClient on the pool, then run again.');
      }
      data[`CLIENT_SECRET_${client.envName}`] = Buffer.from(secret).toString('base64');
    }
    const manifest = {
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'Opaque',
      metadata: { name: secrets.secretName, namespace: ctx.plan.kubernetes.namespace, labels: { 'app.kubernetes.io/name': ctx.plan.service, 'app.kubernetes.io/managed-by': 'eks-cognito-kit' } },
      data,
    };
    if (ctx.run.stream('kubectl', applyArgs(ctx), JSON.stringify(manifest)) !== 0) {
      throw new DeployStepError(`kubectl apply of the Secret ${secrets.secretName} failed`, 'fix the cause printed above, then run again.');
    }
  },
};

// `aws cognito-idp describe-user-pool-client --output json`: { "UserPoolClient": { ..., "ClientSecret": "..." } }.
function clientSecretOf(stdout: string): string | undefined {
  try {
    const secret: unknown = JSON.parse(stdout)?.UserPoolClient?.ClientSecret;
    return typeof secret === 'string' && secret !== '' ? secret : undefined;
  } catch {
    return undefined;
  }
}
