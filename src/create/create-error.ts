/**
 * Errors of `eks-cognito-kit create`: each carries the exit code the CLI returns.
 */

/** A failure that stops `create` before or while scaffolding; exit code 1. */
export class CreateError extends Error {
  public readonly exitCode: number = 1;

  constructor(message: string) {
    super(message);
    this.name = 'CreateError';
  }
}

/** A command line that cannot be understood (unknown flag, missing value); exit code 2. */
export class UsageError extends CreateError {
  public override readonly exitCode: number = 2;

  constructor(message: string) {
    super(`${message}\nRun "npx create-eks-cognito-kit --help" to list the flags.`);
    this.name = 'UsageError';
  }
}
