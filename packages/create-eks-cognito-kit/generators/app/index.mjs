/**
 * The `eks-cognito-kit:app` generator. Each Yeoman phase does one step of create, with the kit's library
 * (options.kit) doing the checks, so a new repo's spec follows the same rules as its synth:
 * initializing: folder and flags; prompting: what no flag gave, on a terminal only; configuring: the
 * answers validated into spec options (every problem at once, nothing written); writing: the Handlebars
 * templates through Yeoman's file system and conflict checker; install: npm install and the first synth;
 * end: the first git commit and the next steps.
 * Options: `kit`, `flags` (parsed), `io` ({ out, err }), `state` (receives the plan, for clean-up).
 */
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import Generator from 'yeoman-generator';

/** The scaffold's own templates; a team package's and --templates-dir are layered over them. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates', import.meta.url));

export default class AppGenerator extends Generator {
  constructor(args, options) {
    // customInstallTask: Yeoman runs no package manager; the install phase below installs and synthesizes
    super(args, options, { customInstallTask: true });
    this.kit = options.kit;
    this.flags = options.flags;
    this.io = options.io;
  }

  async initializing() {
    const terminal = Boolean(process.stdin.isTTY && process.stdout.isTTY);
    this.plan = await this.kit.planCreate(this.flags, process.cwd(), terminal);
    this.options.state.plan = this.plan;
    if (!terminal && !this.flags.yes) this.io.err('No terminal to ask on: using the defaults for everything no flag gives.\n');
    this.destinationRoot(this.plan.targetDir);
  }

  async prompting() {
    const { kit, plan } = this;
    this.given = { ...plan.given };
    if (!plan.interactive) return;
    // the name first: the project type's other defaults may derive from it
    if (this.given.name === undefined) {
      Object.assign(this.given, await this.prompt([kit.nameQuestion(plan.projectType, kit.suggestedName(plan))]));
    }
    // a bad flag fails now, before questions whose answers would be thrown away
    kit.decideCreate(plan, this.given);
    const baseline = kit.baselineOf(plan, this.given.name);
    Object.assign(this.given, await this.prompt(kit.specQuestions(plan.projectType, baseline, this.given)));
  }

  configuring() {
    this.decision = this.kit.decideCreate(this.plan, this.given);
  }

  writing() {
    const layers = [TEMPLATES_DIR, ...this.plan.templateLayers];
    for (const [path, contents] of this.kit.renderTemplates(layers, this.decision.context, Handlebars)) {
      this.fs.write(this.destinationPath(path), contents);
    }
  }

  install() {
    if (!this.flags.install) return;
    this.kit.installDependencies(this.plan.targetDir, this.decision.context.installLinks);
    this.kit.firstSynth(this.plan.targetDir);
  }

  end() {
    const { plan, flags } = this;
    const git = flags.git ? this.kit.initGit(plan.targetDir) : undefined;
    this.io.out(this.kit.nextSteps({ targetDir: plan.targetDir, name: this.decision.answers.name, installed: flags.install, git }, plan.cwd));
  }
}
