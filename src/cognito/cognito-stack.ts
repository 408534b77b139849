/**
 * The managed Cognito stack template and the tasks that deploy it and record its outputs.
 */
import { Component, Project, YamlFile } from 'projen';
import type { ServiceModel } from '../spec';
import { renderCognitoTemplate } from './cognito-template';

/** Path of the template inside the service repository. */
export const COGNITO_TEMPLATE_PATH = 'cognito/cognito-stack.yaml';

/** CloudFormation stack name of a service, `<name>-cognito`. */
export function cognitoStackName(model: Pick<ServiceModel, 'name'>): string {
  return `${model.name}-cognito`;
}

/** Writes `cognito/cognito-stack.yaml` and adds the `cognito:deploy` and `cognito:outputs` tasks. */
export class CognitoStack extends Component {
  /** CloudFormation stack name, `<name>-cognito`. */
  public readonly stackName: string;

  constructor(project: Project, public readonly model: ServiceModel) {
    super(project);
    this.stackName = cognitoStackName(model);

    new YamlFile(project, COGNITO_TEMPLATE_PATH, {
      readonly: true,
      marker: true,
      obj: { toJSON: () => renderCognitoTemplate(model) },
    });

    // The kit command prints each command before it runs it, then records the outputs and re-synthesizes.
    project.addTask('cognito:deploy', {
      description: `Create or update the Cognito stack ${this.stackName} in ${model.region}, record its outputs in cognito/outputs.json, re-synthesize`,
    }).exec('eks-cognito-kit deploy --only cognito', { receiveArgs: true });
    project.addTask('cognito:outputs', {
      description: 'Record the deployed Cognito stack\'s outputs (pool id, ARN, domain, client ids) in cognito/outputs.json',
    }).exec('eks-cognito-kit cognito-outputs');
  }
}
