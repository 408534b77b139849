/**
 * Writes the managed `.eks-cognito-kit/issuer.json` that `eks-cognito-kit issuer` serves tokens from,
 * and keeps the dev credentials it generates out of git.
 */
import { Component, JsonFile, Project } from 'projen';
import type { ServiceModel } from '../spec';
import { ISSUER_SPEC_PATH, LOCAL_CREDENTIALS_DIR, toIssuerSpec } from './issuer-spec';

/** The local issuer's configuration: public values only, the secrets stay in the git-ignored local folder. */
export class LocalIssuerConfig extends Component {
  /** The managed issuer spec file. */
  public readonly file: JsonFile;

  constructor(project: Project, public readonly model: ServiceModel) {
    super(project);
    this.file = new JsonFile(project, ISSUER_SPEC_PATH, {
      obj: () => toIssuerSpec(this.model),
      readonly: true,
      marker: true,
    });
    project.gitignore.exclude(`/${LOCAL_CREDENTIALS_DIR}/`);
  }
}
