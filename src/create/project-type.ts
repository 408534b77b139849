/**
 * The project class a new repo's `.projenrc.ts` instantiates: the kit's own or a team's subclass.
 */
import type { KitPackage } from './kit-package';
import type { ServiceModel } from '../spec/model';
import type { ServiceSpecOptions } from '../spec/options';
import { resolveSpec } from '../spec/resolve-spec';
import type { DependencySpec } from './private/npm-spec';
import { tsString } from '../private/ts-literal';

/** A project type `create` can scaffold for. */
export interface ProjectType {
  /** Class name used in `.projenrc.ts`. */
  readonly className: string;
  /** The import statement that brings the class into `.projenrc.ts`. */
  readonly importLine: string;
  /** The team package that exports the class, when it is not the kit's own. */
  readonly dependency?: DependencySpec;
  /** The team package's `templates/` folder, layered over the kit's. */
  readonly templatesDir?: string;
  /** Validates a spec exactly as the class's constructor will (throws `SpecError`) and returns the model. */
  resolve(options: ServiceSpecOptions): ServiceModel;
}

/** `EksCognitoServiceProject` itself; its constructor validates with `resolveSpec`. */
export function kitProjectType(kit: KitPackage): ProjectType {
  return {
    className: 'EksCognitoServiceProject',
    importLine: `import { EksCognitoServiceProject } from ${tsString(kit.name)};`,
    resolve: resolveSpec,
  };
}
