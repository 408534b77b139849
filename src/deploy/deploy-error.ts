/**
 * A failed deploy step, with what to do next.
 */

/** Stops the deploy chain; `next` tells the user how to fix the cause before running it again. */
export class DeployStepError extends Error {
  constructor(message: string, public readonly next: string) {
    super(message);
    this.name = 'DeployStepError';
  }
}
