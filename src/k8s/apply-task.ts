/**
 * The `k8s:apply` task: applies the managed manifests, but never while they still hold values
 * Cognito has not assigned.
 */
import type { Project, Task } from 'projen';
import { NOT_YET_DEPLOYED } from './annotation-sets/cognito-user-auth';

/** Name of the task. */
export const APPLY_TASK = 'k8s:apply';

/**
 * A shell guard, run in the project root, that fails while `dir` holds `NotYetDeployed`
 * placeholders or a ConfigMap with an empty user pool id.
 */
export function undeployedGuard(dir: string): string {
  const why = `${dir}/ still holds values Cognito has not assigned (${NOT_YET_DEPLOYED} placeholders or an empty COGNITO_USER_POOL_ID).`;
  const fix = 'Run "npx projen cognito:deploy" (it deploys the stack, records its outputs in cognito/outputs.json and re-synthesizes), then retry.';
  return [
    `if grep -rlF '${NOT_YET_DEPLOYED}' ${dir}/ || grep -qE '^ +COGNITO_USER_POOL_ID: ""$' ${dir}/config-map.yaml;`,
    `then echo '${APPLY_TASK} refused: ${why} ${fix}' >&2; exit 1; fi`,
  ].join(' ');
}

/** Adds `k8s:apply` to the project: say what runs, refuse undeployed placeholders, then `kubectl apply`. */
export function addApplyTask(project: Project, dir: string): Task {
  const command = `kubectl apply -f ${dir}/`;
  const task = project.addTask(APPLY_TASK, {
    description: `Apply the managed manifests in ${dir}/ to the current kubectl context (refuses until the Cognito outputs are recorded)`,
  });
  task.say(`${APPLY_TASK}: ${command} (current kubectl context)`);
  task.exec(undeployedGuard(dir));
  task.exec(command);
  return task;
}
