/**
 * `eks-cognito-kit issuer users add|list|remove`: confirmed dev users of the local user pool, for
 * scripts and tests that sign in through the hosted UI.
 */
import { parseArgs } from 'node:util';
import { hashPassword } from './hosted-ui/password-hash';
import { generatePassword, passwordProblems } from './hosted-ui/password-policy';
import { isEmail, UserStore } from './hosted-ui/user-store';
import type { IssuerIo } from './issuer-command';
import { IssuerConfigError } from './issuer-config-error';
import { readIssuerSpec } from './read-issuer-spec';

/** Runs a `users` subcommand; resolves with the exit code, throws `IssuerConfigError` for bad input. */
export async function runUsersCommand(argv: readonly string[], cwd: string, io: Pick<IssuerIo, 'stdout'>): Promise<number> {
  const { action, email, password, dir } = parseUsersArgs(argv, cwd);
  const spec = readIssuerSpec(dir);
  if (!spec.userAuth) {
    throw new IssuerConfigError('this service has no user sign-in, so the local pool has no users; add userAuth: { host } to .projenrc.ts and run `npx projen`.');
  }
  const users = new UserStore(dir);
  switch (action) {
    case 'list':
      for (const u of users.list()) {
        io.stdout.write(`${u.email}\t${u.sub}\t${u.confirmed ? 'confirmed' : 'unconfirmed'}\temail_verified=${u.emailVerified}\n`);
      }
      return 0;
    case 'remove':
      if (!users.remove(email!)) throw new IssuerConfigError(`email ${email} is not a user of the local pool; \`eks-cognito-kit issuer users list\` shows them.`);
      io.stdout.write(`removed ${email}\n`);
      return 0;
    default: {
      const chosen = password ?? generatePassword(spec.userAuth.passwordPolicy);
      const problems = passwordProblems(chosen, spec.userAuth.passwordPolicy);
      if (problems.length > 0) {
        throw new IssuerConfigError(`--password (value not echoed) does not meet the pool's password policy (${problems.join(' ')}); pick a stronger one, or leave --password out to have one generated.`);
      }
      if (users.findByEmail(email!)) {
        throw new IssuerConfigError(`email ${email} already belongs to a user; remove it first with \`eks-cognito-kit issuer users remove ${email}\` or pick another address.`);
      }
      const user = users.add({ email: email!, emailVerified: true, confirmed: true, passwordHash: await hashPassword(chosen) });
      io.stdout.write(`added ${user.email} (sub ${user.sub})\n`);
      // Printed this once only: the file keeps a hash.
      if (password === undefined) io.stdout.write(`password: ${chosen}\n`);
      return 0;
    }
  }
}

function parseUsersArgs(argv: readonly string[], cwd: string) {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: { password: { type: 'string' }, dir: { type: 'string' } },
    });
  } catch (e) {
    throw new IssuerConfigError(`${(e as Error).message}; see eks-cognito-kit issuer --help.`);
  }
  const [action, email, ...extra] = parsed.positionals;
  const usage = 'use `users add <email> [--password <p>]`, `users list` or `users remove <email>`.';
  if (!['add', 'list', 'remove'].includes(action)) throw new IssuerConfigError(`users ${action ?? '(no action)'} is not a users command; ${usage}`);
  if (action === 'list' ? email !== undefined : extra.length > 0) throw new IssuerConfigError(`users ${action} got extra arguments (${[email, ...extra].filter(Boolean).join(' ')}); ${usage}`);
  if (action !== 'list' && (email === undefined || !isEmail(email))) {
    throw new IssuerConfigError(`email ${email ?? '(none)'} is not an e-mail address; pass one like ana@example.com.`);
  }
  if (parsed.values.password !== undefined && action !== 'add') throw new IssuerConfigError(`--password only applies to users add; ${usage}`);
  return { action, email, password: parsed.values.password, dir: parsed.values.dir ?? cwd };
}
