/**
 * Errors of `eks-cognito-kit add`: each carries the exit code the CLI returns.
 */

/** A refused or failed `add`; the repository is left as it was; exit code 1. */
export class AddError extends Error {
  public readonly exitCode: number = 1;

  constructor(message: string) {
    super(message);
    this.name = 'AddError';
  }
}

/** A command line that cannot be understood (unknown flag, missing value); exit code 2. */
export class AddUsageError extends AddError {
  public override readonly exitCode: number = 2;

  constructor(message: string) {
    super(`${message}\nRun "eks-cognito-kit add --help" for the usage.`);
    this.name = 'AddUsageError';
  }
}
