/**
 * Reads `cognito/outputs.json` back at synth, with errors that name the file, the field and the fix.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CognitoOutputs, CognitoOutputsError, OUTPUTS_PATH } from './cognito-outputs';

const FIX = `it is written by "npx projen cognito:deploy"; run that again, or delete ${OUTPUTS_PATH} to synthesize without it`;

/** Checks the recorded outputs' shape; every problem is reported at once. */
export function parseOutputsFile(text: string): CognitoOutputs {
  let value: any;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new CognitoOutputsError(`${OUTPUTS_PATH} is not JSON (${(e as Error).message}); ${FIX}.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CognitoOutputsError(`${OUTPUTS_PATH} must hold a JSON object; ${FIX}.`);
  }
  const problems: string[] = [];
  const check = (ok: boolean, field: string, what: string) => {
    if (!ok) problems.push(`  - ${field}: ${JSON.stringify(value[field] ?? null)} ${what}`);
  };
  for (const field of ['stackName', 'region', 'userPoolDomain']) check(typeof value[field] === 'string' && value[field] !== '', field, 'must be a non-empty string.');
  check(typeof value.accountId === 'string' && /^\d{12}$/.test(value.accountId), 'accountId', 'must be a 12-digit AWS account id.');
  check(typeof value.userPoolId === 'string' && /^[a-z]{2}(-[a-z]+)+-\d_[0-9a-zA-Z]+$/.test(value.userPoolId), 'userPoolId', 'must be a user pool id such as "ap-southeast-1_AbC123".');
  check(typeof value.userPoolArn === 'string' && value.userPoolArn.endsWith(`:userpool/${String(value.userPoolId)}`), 'userPoolArn', 'must be the ARN of userPoolId.');
  const ids = value.clientIds;
  const idsOk = typeof ids === 'object' && ids !== null && !Array.isArray(ids);
  check(idsOk, 'clientIds', 'must be an object of client name -> client id.');
  if (idsOk) {
    for (const [name, id] of Object.entries(ids)) {
      if (typeof id !== 'string' || !/^[\w+]{1,128}$/.test(id)) problems.push(`  - clientIds.${name}: ${JSON.stringify(id)} must be a client id (letters and digits).`);
    }
  }
  if (problems.length > 0) {
    throw new CognitoOutputsError(`${OUTPUTS_PATH} is not usable (${problems.length} problem${problems.length > 1 ? 's' : ''}); ${FIX}:\n${problems.join('\n')}`);
  }
  return value as CognitoOutputs;
}

/** The recorded outputs of the repository at `dir`, or undefined when the stack was never recorded. */
export function readOutputsFile(dir: string): CognitoOutputs | undefined {
  const path = join(dir, OUTPUTS_PATH);
  return existsSync(path) ? parseOutputsFile(readFileSync(path, 'utf-8')) : undefined;
}
