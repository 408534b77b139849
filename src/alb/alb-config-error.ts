/**
 * The one error class of the local ALB: a missing or broken input the user can fix.
 */

/** A problem with the local ALB's inputs (k8s manifests, issuer.json, arguments); the command exits with code 2. */
export class AlbConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AlbConfigError';
  }
}
