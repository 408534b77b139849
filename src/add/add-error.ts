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

/** What a command line that lacks words (the kind, a method, a path, a name) did give; a terminal can ask for the rest. */
export interface GivenAddWords {
  readonly kind?: 'route' | 'scope' | 'client';
  /** Words after the kind. */
  readonly words: readonly string[];
  /** Value flags, by name without dashes. */
  readonly values: Readonly<Record<string, string>>;
  /** Switches, by name without dashes. */
  readonly switches: readonly string[];
}

/** Words are missing from the command line; exit code 2, or the questions on a terminal. */
export class MissingWordsError extends AddUsageError {
  constructor(message: string, public readonly given: GivenAddWords) {
    super(message);
    this.name = 'MissingWordsError';
  }
}
