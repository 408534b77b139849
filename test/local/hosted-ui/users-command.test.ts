import { existsSync, statSync } from 'node:fs';
import { passwordProblems, runIssuer, UserStore, verifyPassword } from '../../../src/local';
import { withSignIn } from '../../util';
import { createIssuerRepo } from '../issuer-fixture';

function memoryIo() {
  const io = { out: '', err: '', stdout: { write: (t: string) => (io.out += t) }, stderr: { write: (t: string) => (io.err += t) } };
  return io;
}

describe('eks-cognito-kit issuer users', () => {
  const repo = () => createIssuerRepo(withSignIn({ userAuth: { host: 'app.example.com' } }));

  test('add with --password stores a confirmed user with a scrypt hash in an owner-only file', async () => {
    const { dir } = repo();
    const io = memoryIo();
    expect(await runIssuer(['users', 'add', 'ana@example.com', '--password', 'Correct-Horse-7-battery', '--dir', dir], io)).toBe(0);
    const store = new UserStore(dir);
    const user = store.findByEmail('ana@example.com')!;
    expect(user).toMatchObject({ confirmed: true, emailVerified: true });
    expect(user.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('Correct-Horse-7-battery', user.passwordHash)).toBe(true);
    expect(statSync(store.path).mode % 0o1000).toBe(0o600);
    expect(io.out).not.toContain('Correct-Horse-7-battery');
  });

  test('add without --password prints a generated password once that meets the policy', async () => {
    const { dir, spec } = repo();
    const io = memoryIo();
    expect(await runIssuer(['users', 'add', 'bob@example.com', '--dir', dir], io)).toBe(0);
    const password = /^password: (.+)$/m.exec(io.out)![1];
    expect(passwordProblems(password, spec.userAuth!.passwordPolicy)).toEqual([]);
    expect(await verifyPassword(password, new UserStore(dir).findByEmail('bob@example.com')!.passwordHash)).toBe(true);
  });

  test('list and remove', async () => {
    const { dir } = repo();
    await runIssuer(['users', 'add', 'cy@example.com', '--dir', dir], memoryIo());
    const list = memoryIo();
    expect(await runIssuer(['users', 'list', '--dir', dir], list)).toBe(0);
    expect(list.out).toMatch(/^cy@example\.com\t[0-9a-f-]{36}\tconfirmed\temail_verified=true\n$/);
    expect(await runIssuer(['users', 'remove', 'CY@example.com', '--dir', dir], memoryIo())).toBe(0);
    expect(new UserStore(dir).list()).toEqual([]);
  });

  test.each([
    [['add', 'not-an-email'], /email not-an-email is not an e-mail address; pass one like/],
    [['add', 'a@example.com', '--password', 'weak'], /--password \(value not echoed\) does not meet the pool's password policy \(Password must have at least 12 characters\./],
    [['remove', 'nobody@example.com'], /email nobody@example.com is not a user of the local pool/],
    [['rename'], /users rename is not a users command/],
  ])('%j exits 2 with a message naming the field and the fix, writing nothing', async (args, message) => {
    const { dir } = repo();
    const io = memoryIo();
    expect(await runIssuer(['users', ...args, '--dir', dir], io)).toBe(2);
    expect(io.err).toMatch(message);
    expect(io.out).toBe('');
    expect(existsSync(new UserStore(dir).path)).toBe(false);
  });

  test('refuses an e-mail address that is taken, keeping the first user', async () => {
    const { dir } = repo();
    await runIssuer(['users', 'add', 'dee@example.com', '--dir', dir], memoryIo());
    const io = memoryIo();
    expect(await runIssuer(['users', 'add', 'Dee@example.com', '--dir', dir], io)).toBe(2);
    expect(io.err).toMatch(/already belongs to a user/);
    expect(new UserStore(dir).list()).toHaveLength(1);
  });

  test('says a service without userAuth has no users', async () => {
    const io = memoryIo();
    expect(await runIssuer(['users', 'list', '--dir', createIssuerRepo().dir], io)).toBe(2);
    expect(io.err).toMatch(/no user sign-in.*add userAuth/);
  });
});
