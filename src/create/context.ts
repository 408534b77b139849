/**
 * The pure view the templates render: every value already decided, nothing looked up at render time.
 */
import type { CreateAnswers } from './answers';
import type { ServiceSpecOptions } from '../spec/options';
import type { DependencySpec } from './private/npm-spec';
import type { ProjectType } from './project-type';
import { toTsLiteral } from '../private/ts-literal';

/** What `buildContext` needs: decided answers, their spec options and the dependencies of the new repo. */
export interface ContextInput {
  readonly answers: CreateAnswers;
  /** The options written into `.projenrc.ts` (only those that differ from the project type's defaults). */
  readonly specOptions: ServiceSpecOptions;
  readonly projectType: ProjectType;
  /** eks-cognito-kit as the new repo installs it. */
  readonly kit: DependencySpec;
  /** Packages the first synth needs before projen has written package.json (projen, ts-node...), name -> range. */
  readonly toolchain: Readonly<Record<string, string>>;
}

/** The data every template receives; absent values are `null` so strict templates can test them. */
export interface ScaffoldContext {
  readonly name: string;
  readonly answers: {
    readonly region: string;
    readonly namespace: string;
    readonly host: string;
    readonly cluster: string;
    readonly scopes: readonly string[];
    readonly clients: ReadonlyArray<{ readonly name: string; readonly scopes: readonly string[]; readonly secret: boolean }>;
    readonly inboundCidrs: readonly string[];
    readonly userAuthHost: string | null;
    readonly selfSignUp: boolean;
    readonly certificateArn: string | null;
    readonly wafAclArn: string | null;
  };
  readonly projectType: { readonly className: string; readonly importLine: string; readonly packageName: string | null };
  /** The object literal passed to the project class, as TypeScript. */
  readonly optionsCode: string;
  /** Whether a dependency is a local folder, which npm must copy (`install-links`) so it resolves this repo's kit. */
  readonly installLinks: boolean;
  /** package.json `devDependencies` before the first synth; projen owns package.json afterwards. */
  readonly bootstrapDevDependencies: Readonly<Record<string, string>>;
  readonly kit: { readonly name: string; readonly version: string };
}

/** Builds the template context; pure, so it is tested without touching the disk. */
export function buildContext(input: ContextInput): ScaffoldContext {
  const { answers: a, projectType, kit } = input;
  const deps = [kit, ...(projectType.dependency ? [projectType.dependency] : [])];
  const options = { ...input.specOptions, devDeps: deps.map((d) => `${d.name}@${d.version}`) };
  const bootstrap: Record<string, string> = { ...input.toolchain };
  deps.forEach((d) => (bootstrap[d.name] = d.version));
  return {
    name: a.name,
    answers: {
      region: a.region,
      namespace: a.namespace,
      host: a.host,
      cluster: a.cluster,
      scopes: a.scopes,
      clients: a.clients.map((c) => ({ name: c.name, scopes: c.scopes, secret: c.scopes.length > 0 })),
      inboundCidrs: a.inboundCidrs,
      userAuthHost: a.userAuthHost ?? null,
      selfSignUp: a.selfSignUp,
      certificateArn: a.certificateArn ?? null,
      wafAclArn: a.wafAclArn ?? null,
    },
    projectType: { className: projectType.className, importLine: projectType.importLine, packageName: projectType.dependency?.name ?? null },
    optionsCode: toTsLiteral(options),
    installLinks: deps.some((d) => d.localFolder),
    bootstrapDevDependencies: Object.fromEntries(Object.entries(bootstrap).sort(([x], [y]) => x.localeCompare(y))),
    kit: { name: kit.name, version: kit.version },
  };
}
