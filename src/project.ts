/**
 * The projen project type of a service repository: one validated spec, one component per artifact.
 */
import { javascript, typescript } from 'projen';
import { CognitoStack } from './cognito';
import { DeployTasks, mergeRecordedOutputs, readOutputsFile, RecordedOutputs } from './deploy';
import { ClusterConfigFile } from './eksctl';
import { IntegrationScript } from './integ';
import { KubernetesManifests, MANIFEST_DIR } from './k8s';
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
  /** Where `cognito.deployed` came from (`cognito/outputs.json` or the spec) and what the synth warned about. */
  public readonly recordedOutputs: RecordedOutputs;

  constructor(options: EksCognitoServiceProjectOptions) {
    // The recorded stack outputs fill cognito.deployed unless the spec sets it; the first resolve
    // validates the spec and names its clients, the second adds the ids.
    const declared = resolveSpec(options);
    const recorded = mergeRecordedOutputs(options, declared, readOutputsFile(options.outdir ?? process.cwd()));
    const model = recorded.source === 'file'
      ? resolveSpec({ ...options, cognito: { ...options.cognito, deployed: recorded.deployed } })
      : declared;
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
    this.recordedOutputs = recorded;
    recorded.warnings.forEach((w) => process.stderr.write(`eks-cognito-kit: ${w}\n`));

    new CognitoStack(this, model);
    new ClusterConfigFile(this, model);
    new KubernetesManifests(this, model);
    new ServiceWiring(this, model);
    new IntegrationScript(this, model);
    new LocalIssuerConfig(this, model);
    new DeployTasks(this, model, MANIFEST_DIR);
  }
}
