/**
 * The one error class of the local issuer: a missing or broken input the user can fix.
 */

/** A problem with the issuer's inputs (issuer.json, dev credentials, arguments); the command exits with code 2. */
export class IssuerConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IssuerConfigError';
  }
}
