/**
 * The managed Cognito stack template and the tasks that deploy it and show its outputs.
 */
import { Component, Project, YamlFile } from 'projen';
import type { ServiceModel } from '../spec';
import { renderCognitoTemplate } from './cognito-template';

/** Path of the template inside the service repository. */
export const COGNITO_TEMPLATE_PATH = 'cognito/cognito-stack.yaml';

/** Writes `cognito/cognito-stack.yaml` and adds the `cognito:deploy` and `cognito:outputs` tasks. */
export class CognitoStack extends Component {
  /** CloudFormation stack name, `<name>-cognito`. */
  public readonly stackName: string;

  constructor(project: Project, public readonly model: ServiceModel) {
    super(project);
    this.stackName = `${model.name}-cognito`;

    new YamlFile(project, COGNITO_TEMPLATE_PATH, {
      readonly: true,
      marker: true,
      obj: { toJSON: () => renderCognitoTemplate(model) },
    });

    const where = `--stack-name ${this.stackName} --region ${model.region}`;
    const deploy = `aws cloudformation deploy --template-file ${COGNITO_TEMPLATE_PATH} ${where} --no-fail-on-empty-changeset`;
    project.addTask('cognito:deploy', {
      description: `Create or update the Cognito stack ${this.stackName} in ${model.region}`,
      steps: [{ say: `Running: ${deploy}` }, { exec: deploy }],
    });
    const outputs = `aws cloudformation describe-stacks ${where} --query 'Stacks[0].Outputs' --output table`;
    project.addTask('cognito:outputs', {
      description: 'Show the Cognito stack outputs (ids to copy into cognito.deployed)',
      steps: [{ say: `Running: ${outputs}` }, { exec: outputs }],
    });
  }
}
