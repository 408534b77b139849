/**
 * Merges the recorded stack outputs into the spec's `cognito.deployed` before the spec is resolved.
 */
import type { ServiceModel, ServiceSpecOptions } from '../spec';
import { CognitoOutputs, OUTPUTS_PATH } from './cognito-outputs';
import type { CognitoDeployedOptions } from '../spec/options';

/** Where `cognito.deployed` came from, and what the synth has to say about it. */
export interface RecordedOutputs {
  /** `file` when the ids come from `cognito/outputs.json`, `spec` when `cognito.deployed` is set, else `none`. */
  readonly source: 'file' | 'spec' | 'none';
  /** The deployed values to resolve the spec with. */
  readonly deployed?: CognitoDeployedOptions;
  /** One line per disagreement or stale record; the synth prints them. */
  readonly warnings: readonly string[];
}

/**
 * Decides which deployed ids the synth uses: `cognito.deployed` is an explicit override; otherwise the
 * recorded file, when it is for this stack's region and covers every client the spec declares.
 */
export function mergeRecordedOutputs(options: ServiceSpecOptions, model: ServiceModel, recorded: CognitoOutputs | undefined): RecordedOutputs {
  const explicit = options.cognito?.deployed;
  if (!recorded) return { source: explicit ? 'spec' : 'none', deployed: explicit, warnings: [] };

  const names = [...model.cognito.clients.map((c) => c.name), ...(model.userAuth ? [model.userAuth.webClient.name] : [])];
  if (explicit) {
    const disagreements = [
      ...(['accountId', 'userPoolId'] as const).filter((f) => explicit[f] !== recorded[f])
        .map((f) => `cognito.deployed.${f} is ${JSON.stringify(explicit[f])} but ${OUTPUTS_PATH} has ${JSON.stringify(recorded[f])}`),
      ...names.filter((n) => recorded.clientIds[n] !== undefined && explicit.clientIds[n] !== recorded.clientIds[n])
        .map((n) => `cognito.deployed.clientIds.${n} is ${JSON.stringify(explicit.clientIds[n] ?? null)} but ${OUTPUTS_PATH} has ${JSON.stringify(recorded.clientIds[n])}`),
    ];
    const why = 'cognito.deployed in .projenrc.ts wins; remove it to use the recorded outputs, or keep it if it is the pool you mean.';
    return { source: 'spec', deployed: explicit, warnings: disagreements.map((d) => `${d}; ${why}`) };
  }

  if (recorded.region !== model.region) {
    return { source: 'none', warnings: [`${OUTPUTS_PATH} records a stack in ${recorded.region}, but the spec's region is ${model.region}; ignored until "npx projen cognito:deploy" deploys the stack in ${model.region}.`] };
  }
  const missing = names.filter((n) => recorded.clientIds[n] === undefined);
  if (missing.length > 0) {
    return { source: 'none', warnings: [`${OUTPUTS_PATH} has no client id for ${missing.join(', ')}; ignored until "npx projen cognito:deploy" deploys the new clients.`] };
  }
  // Clients removed from the spec linger in the record until the next deploy; they are simply not used.
  const clientIds = Object.fromEntries(names.map((n) => [n, recorded.clientIds[n]]));
  return { source: 'file', deployed: { accountId: recorded.accountId, userPoolId: recorded.userPoolId, clientIds }, warnings: [] };
}
