/**
 * The `eks-cognito-kit:app` Yeoman generator. It stays thin: the CLI has already collected the answers,
 * validated the spec and rendered the templates; the generator only writes the files through Yeoman's
 * in-memory file system and conflict checker. It receives yeoman-generator's base class from the CLI
 * because Yeoman may be installed in a cache folder that this file cannot resolve from.
 */

/**
 * Builds the generator class on top of yeoman-generator's `Generator`.
 * Options: `files`, an array of [relative path, contents] pairs.
 * @param {typeof import('yeoman-generator').default} Generator
 */
export function createAppGenerator(Generator) {
  return class AppGenerator extends Generator {
    constructor(args, options) {
      // customInstallTask: Yeoman never runs a package manager; the CLI installs after the commit
      super(args, options, { customInstallTask: true });
    }

    writing() {
      for (const [path, contents] of this.options.files) {
        this.fs.write(this.destinationPath(path), contents);
      }
    }
  };
}
