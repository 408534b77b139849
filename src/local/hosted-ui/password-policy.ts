/**
 * The user pool's password policy, checked as Cognito checks it at sign-up and `users add`.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/managing-users-passwords.html
 */
import { randomInt } from 'node:crypto';

/** The parts of the pool's `Policies.PasswordPolicy` that decide whether a password is accepted. */
export interface PasswordPolicy {
  readonly minimumLength: number;
  readonly requireLowercase: boolean;
  readonly requireUppercase: boolean;
  readonly requireNumbers: boolean;
  readonly requireSymbols: boolean;
}

/** Cognito's longest password. */
const MAXIMUM_LENGTH = 256;

/** Cognito's special characters (its documented list, space included). */
const SYMBOLS = '^$*.[]{}()?-"!@#%&/\\,><\':;|_~`+= ';

const CLASSES = {
  lower: 'abcdefghijklmnopqrstuvwxyz',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  digit: '0123456789',
  // Generated passwords only use symbols a shell and a URL leave alone, so they can be pasted anywhere.
  symbol: '-_.%+',
};

/** Every rule of the policy the password breaks, as sentences a sign-up page can show; empty when it is accepted. */
export function passwordProblems(password: string, policy: PasswordPolicy): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < policy.minimumLength) problems.push(`Password must have at least ${policy.minimumLength} characters.`);
  if (length > MAXIMUM_LENGTH) problems.push(`Password must have at most ${MAXIMUM_LENGTH} characters.`);
  if (policy.requireLowercase && !/[a-z]/.test(password)) problems.push('Password must have lowercase characters.');
  if (policy.requireUppercase && !/[A-Z]/.test(password)) problems.push('Password must have uppercase characters.');
  if (policy.requireNumbers && !/[0-9]/.test(password)) problems.push('Password must have numeric characters.');
  if (policy.requireSymbols && ![...password].some((c) => SYMBOLS.includes(c))) {
    problems.push('Password must have symbol characters.');
  }
  if (/^\s|\s$/.test(password)) problems.push('Password must not start or end with a space.');
  return problems;
}

/** The policy as one line for a form's hint. */
export function describePolicy(policy: PasswordPolicy): string {
  const needs = [
    policy.requireLowercase && 'a lowercase letter',
    policy.requireUppercase && 'an uppercase letter',
    policy.requireNumbers && 'a number',
    policy.requireSymbols && 'a symbol',
  ].filter(Boolean);
  return `At least ${policy.minimumLength} characters${needs.length > 0 ? `, with ${needs.join(', ')}` : ''}.`;
}

/** A random password that satisfies the policy: at least 20 characters, one of each class. */
export function generatePassword(policy: PasswordPolicy): string {
  const all = Object.values(CLASSES).join('');
  const chars = Object.values(CLASSES).map((set) => set[randomInt(set.length)]);
  while (chars.length < Math.max(20, policy.minimumLength)) chars.push(all[randomInt(all.length)]);
  // Fisher-Yates, so the guaranteed characters do not always lead.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
