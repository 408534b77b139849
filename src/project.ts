/**
 * The projen project type of a service repository: one validated spec, one component per artifact.
 */
import { javascript, typescript } from 'projen';
import { CognitoStack } from './cognito';
import { ClusterConfigFile } from './eksctl';
import { IntegrationScript } from './integ';
import { KubernetesManifests } from './k8s';
import { LocalIssuerConfig } from './local';
import { ServiceWiring } from './service';
import { resolveSpec, ServiceModel, ServiceSpecOptions } from './spec';

/** Options of `EksCognitoServiceProject`: the service spec plus any projen TypeScript project option. */
export interface EksCognitoServiceProjectOptions
  extends ServiceSpecOptions, Omit<typescript.TypeScriptProjectOptions, 'name' | 'defaultReleaseBranch'> {
  /**
   * The default release branch.
   * @default 'main'
   */
  readonly defaultReleaseBranch?: string;
}

/**
 * A service repository whose Cognito stack, eksctl cluster, Kubernetes manifests, token-verification
 * wiring, tests and integration script are all synthesized from one spec.
 */
export class EksCognitoServiceProject extends typescript.TypeScriptProject {
  /** The validated model every artifact is rendered from. */
  public readonly model: ServiceModel;

  constructor(options: EksCognitoServiceProjectOptions) {
    const model = resolveSpec(options);
    super({
      defaultReleaseBranch: 'main',
      packageManager: javascript.NodePackageManager.NPM,
      projenrcTs: true,
      minNodeVersion: '22.18.0',
      typescriptVersion: '~5.9.3',
      release: false,
      sampleCode: false,
      ...options,
      deps: ['express@^5.1.0', 'aws-jwt-verify@^5.1.0', ...(options.deps ?? [])],
      // The kit declares itself so synth keeps it installed; a versioned spec in `devDeps` (as `create`
      // writes) replaces this one, and without one projen keeps whatever package.json already names.
      devDeps: ['eks-cognito-kit', '@types/express@^5.0.3', 'supertest@^7.1.0', '@types/supertest@^6.0.3', ...(options.devDeps ?? [])],
    });
    this.model = model;

    new CognitoStack(this, model);
    new ClusterConfigFile(this, model);
    new KubernetesManifests(this, model);
    new ServiceWiring(this, model);
    new IntegrationScript(this, model);
    new LocalIssuerConfig(this, model);
  }
}
