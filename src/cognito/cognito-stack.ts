/**
 * STUB: to be replaced by the component that renders this artifact.
 */
import { Component, Project } from 'projen';
import type { ServiceModel } from '../spec';

/** Renders this artifact from the model. */
export class CognitoStack extends Component {
  constructor(project: Project, public readonly model: ServiceModel) {
    super(project);
  }
}
