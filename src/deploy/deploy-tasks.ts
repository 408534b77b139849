/**
 * Writes the deploy plan and adds the `deploy` task, which runs `eks-cognito-kit deploy`.
 */
import { Component, JsonFile, Project } from 'projen';
import type { ServiceModel } from '../spec';
import { DEPLOY_PLAN_PATH, renderDeployPlan } from './deploy-plan';

/** Name of the one ordered deploy task. */
export const DEPLOY_TASK = 'deploy';

/** The managed plan file and the `deploy` task of a service repository. */
export class DeployTasks extends Component {
  constructor(project: Project, public readonly model: ServiceModel, manifestDir: string) {
    super(project);
    new JsonFile(project, DEPLOY_PLAN_PATH, {
      obj: () => renderDeployPlan(this.model, manifestDir),
      readonly: true,
      marker: true,
    });
    const task = project.addTask(DEPLOY_TASK, {
      description: 'Preflight, Cognito stack and its outputs, synth, cluster, image to ECR, k8s apply, rollout, remote integ (--dry-run prints the plan)',
    });
    task.exec('eks-cognito-kit deploy', { receiveArgs: true });
  }
}
