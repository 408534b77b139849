/**
 * The Yeoman side of `create`: prompts through Yeoman's terminal adapter, and writes the rendered
 * files with the generator in `generators/app`.
 */
import { mkdirSync } from 'node:fs';
import type { KitPackage } from './kit-package';
import { importFile, loadYeoman, YeomanEnv } from './yeoman';

const NAMESPACE = 'eks-cognito-kit:app';

/** A Yeoman environment rooted at the target folder. */
export class YeomanSession {
  /** Loads Yeoman (see `loadYeoman`) and opens an environment for `targetDir`. */
  public static async open(kit: KitPackage, targetDir: string, force: boolean): Promise<YeomanSession> {
    const yeoman = await loadYeoman(kit);
    const { createAppGenerator } = await importFile(kit.generatorPath);
    const env = yeoman.createEnv({ cwd: targetDir, force, skipInstall: true, skipGlobalConfig: true });
    env.register(createAppGenerator(yeoman.Generator), { namespace: NAMESPACE });
    return new YeomanSession(env, targetDir, force);
  }

  private constructor(private readonly env: YeomanEnv, private readonly targetDir: string, private readonly force: boolean) {}

  /** Asks the questions whose names `preset` lacks (inquirer skips answered ones) and returns all answers. */
  public async prompt(questions: object[], preset: Record<string, string>): Promise<Record<string, unknown>> {
    return this.env.adapter.prompt(questions, { ...preset });
  }

  /** Writes the files (relative path -> contents) into the target folder, overwriting only with `force`. */
  public async write(files: ReadonlyMap<string, string | Buffer>): Promise<void> {
    mkdirSync(this.targetDir, { recursive: true });
    await this.env.run([NAMESPACE], { files: [...files], force: this.force, skipInstall: true });
  }
}
