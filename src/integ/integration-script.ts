/**
 * The integration test script and the local loops around it: `npm run integ` and `npm run dev`.
 */
import { Component, Project } from 'projen';
import { readAssetTree } from '../private/assets';
import { SourceFile } from '../private/source-file';
import type { ServiceModel } from '../spec';
import { renderIntegScript } from './integ-script';

/** Folder in the kit whose scripts are copied verbatim into the generated repository. */
export const INTEG_ASSETS = 'src/integ/assets';

/** Renders `scripts/integ.sh` from the routes and ships the local runners. */
export class IntegrationScript extends Component {
  constructor(project: Project, public readonly model: ServiceModel) {
    super(project);
    new SourceFile(project, 'scripts/integ.sh', { render: () => renderIntegScript(model), commentPrefix: '#', executable: true });
    for (const asset of readAssetTree(INTEG_ASSETS)) {
      new SourceFile(project, asset.path, { render: () => asset.text, commentPrefix: '#', executable: true });
    }
    project.addTask('integ', {
      description: 'Build, start the local issuer and the service on free ports, run scripts/integ.sh, stop both',
      steps: [{ spawn: 'compile' }, { exec: 'scripts/integ-local.sh' }],
    });
    project.addTask('dev', {
      description: 'Run the local issuer and the service together (Ctrl-C stops both)',
      steps: [{ spawn: 'compile' }, { exec: 'scripts/dev.sh' }],
    });
  }
}
