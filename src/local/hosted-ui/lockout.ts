/**
 * Password and confirmation-code brute force protection. Cognito locks a user out after five failed
 * sign-ins, with a growing delay of up to about 15 minutes; this issuer locks the username for a flat
 * 15 minutes after 5 consecutive failures, a failure on an unknown username counting alike so that a
 * lockout says nothing about whether the user exists.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/authentication.html#authentication-flow-lockout-behavior
 */
import type { Clock } from './expiring-map';
import { ExpiringMap } from './expiring-map';
import { normalizeEmail } from './user-store';

/** Consecutive failures that lock a username. */
export const MAX_FAILURES = 5;
/** How long a locked username stays locked, in milliseconds. */
export const LOCKOUT_MS = 15 * 60 * 1000;

/** Failure counts per username and purpose (sign-in, confirmation). */
export class Lockout {
  private readonly failures: ExpiringMap<number>;

  constructor(now: Clock) {
    this.failures = new ExpiringMap(now);
  }

  /** Whether the username may not try again yet. */
  public isLocked(purpose: string, username: string): boolean {
    return (this.failures.get(this.key(purpose, username)) ?? 0) >= MAX_FAILURES;
  }

  /** Counts a failure; the count lapses `LOCKOUT_MS` after the last one. */
  public fail(purpose: string, username: string): void {
    const key = this.key(purpose, username);
    this.failures.set(key, (this.failures.get(key) ?? 0) + 1, LOCKOUT_MS);
  }

  /** Clears the count after a success. */
  public succeed(purpose: string, username: string): void {
    this.failures.delete(this.key(purpose, username));
  }

  private key(purpose: string, username: string): string {
    return `${purpose}:${normalizeEmail(username)}`;
  }
}
