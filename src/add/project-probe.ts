/**
 * The repo's project type, loaded the way its `.projenrc.ts` loads it and constructed in memory in a
 * throwaway folder: its model gives the defaults `add` writes out, its constructor validates an edit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AddError } from './add-error';
import type { ProjectCall } from './projenrc-source';
import type { SpecDefaults } from './spec-edit';
import type { ServiceModel } from '../spec/model';
import { lastSegmentName } from '../spec/private/routes';
import { resolveSpec } from '../spec/resolve-spec';
import { SpecError } from '../spec/spec-error';

type ResolveModel = (options: Record<string, unknown>) => ServiceModel;

/** Validates and resolves options exactly as the repo's project class does. */
export class ProjectProbe {
  /** Loads `call`'s class from `repoDir`; the kit's own class falls back to this kit's `resolveSpec` when not installed. */
  public static load(repoDir: string, call: Pick<ProjectCall, 'className' | 'moduleSpecifier' | 'exportName'>): ProjectProbe {
    let cls: unknown;
    let why = '';
    try {
      const mod = createRequire(join(repoDir, 'package.json'))(call.moduleSpecifier);
      cls = call.exportName === 'default' ? (mod?.default ?? mod) : mod?.[call.exportName];
    } catch (e) {
      why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    }
    if (typeof cls === 'function') return new ProjectProbe((options) => construct(cls as ProjectClass, options));
    if (call.className === 'EksCognitoServiceProject' && call.moduleSpecifier === 'eks-cognito-kit') {
      return new ProjectProbe((options) => resolveSpec(options as never));
    }
    throw new AddError(`Cannot load ${call.className} from "${call.moduleSpecifier}" in ${repoDir} (${why || 'no such export'}), so add cannot read `
      + 'the project type\'s defaults; run "npm install" in the repo, or write the list out in .projenrc.ts and run add again.');
  }

  constructor(private readonly resolve: ResolveModel) {}

  /** The current routes, scopes and clients for these options, written back as spec options. */
  public defaults(options: Record<string, unknown>): SpecDefaults {
    return toDefaults(this.resolve(options));
  }

  /**
   * The problems the edited options have that the original ones did not, as `path: value message` lines.
   * Only the literal options are known here, so problems both share come from what could not be read.
   */
  public newProblems(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
    const known = this.problems(before);
    if (known === undefined) return [];
    return (this.problems(after) ?? []).filter((p) => !known.includes(p));
  }

  private problems(options: Record<string, unknown>): string[] | undefined {
    try {
      this.resolve(options);
      return [];
    } catch (e) {
      if (e instanceof SpecError || (e instanceof Error && e.name === 'SpecError' && 'problems' in e)) {
        return (e as SpecError).problems.map((p) => `${p.path}: ${JSON.stringify(p.value) ?? '(missing)'} ${p.message}`);
      }
      // Not a spec problem (a missing dependency, a non-literal option the class needs): the synth decides.
      return undefined;
    }
  }
}

type ProjectClass = new (options: Record<string, unknown>) => { readonly model: ServiceModel };

function construct(cls: ProjectClass, options: Record<string, unknown>): ServiceModel {
  const outdir = mkdtempSync(join(tmpdir(), 'eks-cognito-kit-add-'));
  try {
    return new cls({ ...options, outdir }).model;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

function toDefaults(model: ServiceModel): SpecDefaults {
  return {
    routes: model.routes.map((r) => ({
      method: r.method,
      path: r.path,
      ...(r.scopes.length > 0 && { scopes: r.scopes.map((s) => s.name) }),
      ...(r.auth !== 'bearer' && { auth: r.auth }),
      // A derived handler name is left to be derived again; only a chosen one is written.
      ...(r.handler !== lastSegmentName(r.path) && { handler: r.handler }),
    })),
    scopes: model.cognito.resourceServer.scopes.map((s) => ({ name: s.name, ...(s.description !== s.name && { description: s.description }) })),
    clients: model.cognito.clients.map((c) => ({
      name: c.name,
      ...(c.scopes.length > 0 && { scopes: c.scopes.map((s) => s.name) }),
      ...(!c.generateSecret && { generateSecret: false }),
    })),
  };
}
