/**
 * The local user pool's users, in the git-ignored `.eks-cognito-kit/local/users.json` (owner-only),
 * read on every use so that `issuer users add` shows in a running issuer. Passwords are scrypt hashes;
 * confirmation codes are kept as SHA-256 digests.
 */
import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { IssuerConfigError } from '../issuer-config-error';
import { LOCAL_CREDENTIALS_DIR } from '../issuer-spec';
import { readIfExists, replaceSecretFile } from '../private/secret-files';

/** Path of the users file, relative to the service repository root. */
export const USERS_FILE = `${LOCAL_CREDENTIALS_DIR}/users.json`;

/** A pending sign-up's confirmation code, as Cognito would e-mail it. */
export interface PendingConfirmation {
  readonly codeDigest: string;
  /** Milliseconds since the epoch. */
  readonly expiresAt: number;
}

/** One user of the local pool; the username is the `sub`, as in a pool whose usernames are e-mail addresses. */
export interface PoolUser {
  readonly sub: string;
  readonly email: string;
  readonly emailVerified: boolean;
  /** False until the sign-up is confirmed; an unconfirmed user cannot sign in. */
  readonly confirmed: boolean;
  readonly passwordHash: string;
  readonly createdAt: string;
  readonly confirmation?: PendingConfirmation;
}

/** Reads and writes the users file of one repository. */
export class UserStore {
  /** The users file. */
  public readonly path: string;

  constructor(dir: string) {
    this.path = join(dir, USERS_FILE);
  }

  /** Every user, in the order they were added. */
  public list(): PoolUser[] {
    const text = readIfExists(this.path);
    return text === undefined ? [] : parseUsers(text, this.path);
  }

  /** The user with this e-mail address, compared case-insensitively as the pool's usernames are. */
  public findByEmail(email: string): PoolUser | undefined {
    const wanted = normalizeEmail(email);
    return this.list().find((u) => normalizeEmail(u.email) === wanted);
  }

  /** The user with this `sub`. */
  public findBySub(sub: string): PoolUser | undefined {
    return this.list().find((u) => u.sub === sub);
  }

  /** Adds a user; throws `IssuerConfigError` when the e-mail address is taken. */
  public add(user: Omit<PoolUser, 'sub' | 'createdAt'>): PoolUser {
    if (this.findByEmail(user.email)) {
      throw new IssuerConfigError(`email ${user.email} already belongs to a user; remove it first with \`eks-cognito-kit issuer users remove ${user.email}\` or pick another address.`);
    }
    const added: PoolUser = { sub: randomUUID(), createdAt: new Date().toISOString(), ...user };
    this.write([...this.list(), added]);
    return added;
  }

  /** Replaces the user with the same `sub`. */
  public update(user: PoolUser): void {
    this.write(this.list().map((u) => (u.sub === user.sub ? user : u)));
  }

  /** Removes the user with this e-mail address; returns whether there was one. */
  public remove(email: string): boolean {
    const users = this.list();
    const kept = users.filter((u) => normalizeEmail(u.email) !== normalizeEmail(email));
    if (kept.length !== users.length) this.write(kept);
    return kept.length !== users.length;
  }

  private write(users: readonly PoolUser[]): void {
    replaceSecretFile(this.path, `${JSON.stringify(users, null, 2)}\n`);
  }
}

/** The digest a confirmation code is stored as. */
export function confirmationDigest(code: string): string {
  return createHash('sha256').update(code).digest('base64url');
}

/** Whether the value looks like an e-mail address: one `@`, a dotted domain, no spaces, at most 254 characters. */
export function isEmail(value: string): boolean {
  return value.length <= 254 && /^[^\s@<>"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(value);
}

/** Lower-case, as Cognito compares usernames in a case-insensitive pool. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function parseUsers(text: string, path: string): PoolUser[] {
  const broken = () => new IssuerConfigError(`${path} is not a users file; fix it or delete it (every local user is lost) and add users again with \`eks-cognito-kit issuer users add\`.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw broken();
  }
  const ok = Array.isArray(value) && value.every((u) => typeof u === 'object' && u !== null
    && ['sub', 'email', 'passwordHash', 'createdAt'].every((k) => typeof u[k] === 'string')
    && typeof u.emailVerified === 'boolean' && typeof u.confirmed === 'boolean');
  if (!ok) throw broken();
  return value as PoolUser[];
}
