/**
 * The generated service's code: the shipped runtime (`src/kit/`), the route table and entry point,
 * the user-owned composition root (`src/app.ts`) and one user-owned handler per route, the generated
 * unit tests, the Dockerfile and the npm scripts.
 */
import { Component, SampleFile } from 'projen';
import type { TypeScriptProject } from 'projen/lib/typescript';
import { readAssetTree } from '../private/assets';
import { SourceFile } from '../private/source-file';
import type { ServiceModel } from '../spec';
import { CALL_FILES, renderCallsModule, renderCallsTests } from './calls-module';
import { renderDockerfile, renderDockerignore } from './dockerfile';
import { renderHandlerStub } from './handler-stub';
import { renderCompositionRoot, renderMain, renderRouteTable } from './route-table';
import { renderRouteTests } from './route-tests';

/** Folder in the kit whose tree is copied verbatim into the generated repository. */
export const SERVICE_ASSETS = 'src/service/assets';

/** The runtime files of user sign-in at the ALB, shipped only when the spec has userAuth. */
export const USER_SIGN_IN_FILES: readonly string[] = ['src/kit/alb-user-verifier.ts', 'src/kit/sign-out.ts', 'src/kit/user-sign-in.ts'];

/** Renders every file of the service's code from the model. */
export class ServiceWiring extends Component {
  constructor(project: TypeScriptProject, public readonly model: ServiceModel) {
    super(project);

    for (const asset of readAssetTree(SERVICE_ASSETS)) {
      if (!model.userAuth && USER_SIGN_IN_FILES.includes(asset.path)) continue;
      if (model.calls.length === 0 && CALL_FILES.includes(asset.path)) continue;
      new SourceFile(project, asset.path, { render: () => asset.text });
    }
    if (model.calls.length > 0) {
      new SourceFile(project, 'src/calls.ts', { render: () => renderCallsModule(model) });
      new SourceFile(project, 'test/calls.test.ts', { render: () => renderCallsTests(model) });
      project.eslint?.addIgnorePattern('src/calls.ts');
      project.eslint?.addIgnorePattern('test/calls.test.ts');
    }
    new SourceFile(project, 'src/routes.ts', { render: () => renderRouteTable(model) });
    new SourceFile(project, 'src/main.ts', { render: () => renderMain(model) });
    // The owner's composition root: written once, called by the managed entry point and tests.
    new SampleFile(project, 'src/app.ts', { contents: renderCompositionRoot() });
    new SourceFile(project, 'test/routes.test.ts', { render: () => renderRouteTests(model) });
    for (const route of model.routes) {
      new SampleFile(project, `src/handlers/${route.handlerModule}.ts`, { contents: renderHandlerStub(route) });
    }
    new SourceFile(project, 'Dockerfile', { render: () => renderDockerfile(model), commentPrefix: '#' });
    new SourceFile(project, '.dockerignore', { render: renderDockerignore, commentPrefix: '#' });

    project.addTask('start', {
      description: 'Start the compiled service (configuration from the environment)',
      exec: 'node lib/main.js',
    });
    // The harness lives in the kit; it loads this repository's compiled runtime from lib/.
    project.addTask('bench', {
      description: 'Load-test a protected route against an unprotected one and print the ratios',
      steps: [{ spawn: 'compile' }, { exec: 'eks-cognito-kit bench' }],
    });
    // Managed files are linted in the kit, where they are written; `eslint --fix` must never rewrite them here.
    project.eslint?.addIgnorePattern('src/kit/');
    project.eslint?.addIgnorePattern('src/routes.ts');
    project.eslint?.addIgnorePattern('src/main.ts');
    project.eslint?.addIgnorePattern('test/routes.test.ts');
    project.eslint?.addIgnorePattern('test/support/');
  }
}
