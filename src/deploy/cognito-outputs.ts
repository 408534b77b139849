/**
 * The Cognito stack outputs the kit records in the committed `cognito/outputs.json`: public
 * identifiers only, read back by the synth so nobody copies ids by hand.
 * @see https://docs.aws.amazon.com/cli/latest/reference/cloudformation/describe-stacks.html
 */

/** Path of the recorded outputs inside the service repository. */
export const OUTPUTS_PATH = 'cognito/outputs.json';

/** What `eks-cognito-kit cognito-outputs` records from the deployed stack; never a client secret. */
export interface CognitoOutputs {
  readonly stackName: string;
  readonly region: string;
  /** Account that owns the pool, taken from the pool's ARN. */
  readonly accountId: string;
  readonly userPoolId: string;
  readonly userPoolArn: string;
  /** Hosted domain prefix. */
  readonly userPoolDomain: string;
  /** Client ids by client name. */
  readonly clientIds: Readonly<Record<string, string>>;
}

/** Where the outputs come from: the stack and which output key holds which client's id. */
export interface OutputsSource {
  readonly stackName: string;
  readonly region: string;
  /** Output key (`ReadClientId`) -> client name (`readClient`). */
  readonly clientOutputs: Readonly<Record<string, string>>;
}

/** A stack that cannot be read, or a recorded file that cannot be used; the message names the fix. */
export class CognitoOutputsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CognitoOutputsError';
  }
}

/** Stack statuses whose outputs describe live resources. */
const USABLE = /^(CREATE|UPDATE|IMPORT)_COMPLETE$|^UPDATE_ROLLBACK_COMPLETE$|^IMPORT_ROLLBACK_COMPLETE$/;

/** The outputs of `aws cloudformation describe-stacks --output json`, checked against what the template exports. */
export function outputsFromDescribeStacks(json: string, source: OutputsSource): CognitoOutputs {
  const where = `stack ${source.stackName} in ${source.region}`;
  let answer: any;
  try {
    answer = JSON.parse(json);
  } catch {
    throw new CognitoOutputsError(`aws cloudformation describe-stacks did not answer JSON for ${where}; run it with --output json and check the AWS CLI's configuration.`);
  }
  const stack = Array.isArray(answer?.Stacks) ? answer.Stacks.find((s: any) => s?.StackName === source.stackName) : undefined;
  if (!stack) throw new CognitoOutputsError(`${where} was not found; run "npx projen cognito:deploy" first.`);
  if (!USABLE.test(String(stack.StackStatus))) {
    throw new CognitoOutputsError(`${where} is ${String(stack.StackStatus)}; its outputs are not usable. Look at its events in the CloudFormation console, fix the cause, and deploy again.`);
  }
  const values = new Map<string, string>((Array.isArray(stack.Outputs) ? stack.Outputs : [])
    .filter((o: any) => typeof o?.OutputKey === 'string' && typeof o?.OutputValue === 'string')
    .map((o: any) => [o.OutputKey, o.OutputValue]));
  const missing = ['UserPoolId', 'UserPoolArn', 'UserPoolDomain', ...Object.keys(source.clientOutputs)].filter((k) => !values.has(k));
  if (missing.length > 0) {
    throw new CognitoOutputsError(`${where} has no output ${missing.join(', ')}; it was deployed from an older template. Run "npx projen" and then "npx projen cognito:deploy".`);
  }
  const userPoolArn = values.get('UserPoolArn')!;
  return {
    stackName: source.stackName,
    region: source.region,
    accountId: userPoolArn.split(':')[4] ?? '',
    userPoolId: values.get('UserPoolId')!,
    userPoolArn,
    userPoolDomain: values.get('UserPoolDomain')!,
    clientIds: Object.fromEntries(Object.entries(source.clientOutputs).map(([key, name]) => [name, values.get(key)!])),
  };
}

/** The file's text: stable key order, sorted client names, a final newline, so a re-run rewrites nothing. */
export function renderOutputsFile(outputs: CognitoOutputs): string {
  const clientIds = Object.fromEntries(Object.entries(outputs.clientIds).sort(([a], [b]) => a.localeCompare(b)));
  const { stackName, region, accountId, userPoolId, userPoolArn, userPoolDomain } = outputs;
  return `${JSON.stringify({ stackName, region, accountId, userPoolId, userPoolArn, userPoolDomain, clientIds }, undefined, 2)}\n`;
}
