/**
 * Every bad input makes `create` exit non-zero with a message naming the field, the value and the fix,
 * and leaves the target folder exactly as it was (an absent folder stays absent).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, snapshot, tempDir } from './run-cli';

async function create(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const r = await runCli(args, tempDir());
  return { code: r.code, out: r.stdout, err: r.stderr };
}

/** Runs create on `dir` and checks it is unchanged; returns the run. */
async function refused(dir: string, args: string[]) {
  const before = snapshot(dir);
  const r = await create([dir, '--no-install', '--no-git', ...args]);
  expect(snapshot(dir)).toEqual(before);
  expect(r.out).toBe('');
  return r;
}

describe('create refuses bad input and writes nothing', () => {
  const cases: Array<[string, string[], number, RegExp[]]> = [
    ['an unknown flag', ['--yes', '--colour', 'red'], 2, [/Unknown flag --colour/, /--help/]],
    ['a flag without its value', ['--yes', '--region'], 2, [/--region needs a value/, /--region ap-southeast-1/]],
    ['a value swallowed by the next flag', ['--host', '--yes'], 2, [/--host needs a value/]],
    ['a value given to a switch', ['--yes=no'], 2, [/--yes takes no value/]],
    ['an invalid name', ['--yes', '--name', 'Orders_API'], 1, [/name: "Orders_API" must be a DNS-1123 label/, /Fix with: --name/]],
    ['an unknown region', ['--yes', '--region', 'mars-north-1'], 1, [/region: "mars-north-1" is not an AWS region/, /use one of us-east-1/, /Fix with: --region/]],
    ['a malformed CIDR', ['--yes', '--inbound-cidrs', '10.0.0.0/8,10.1.2.3'], 1,
      [/ingress.inboundCidrs\[1\]: "10.1.2.3" is not a CIDR/, /"10.0.0.0\/8"/, /Fix with: --inbound-cidrs/]],
    ['a malformed certificate ARN', ['--yes', '--certificate-arn', 'arn:aws:acm:eu-west-1:1:cert'], 1,
      [/ingress.certificateArn: "arn:aws:acm:eu-west-1:1:cert" must be an ACM certificate ARN in ap-southeast-1/, /Fix with: --certificate-arn/]],
    ['a malformed WAF ARN', ['--yes', '--waf-acl-arn', 'acl-123'], 1, [/ingress.wafAclArn: "acl-123" must be a regional WAFv2 web ACL ARN/]],
    ['a client scope that is not declared', ['--yes', '--clients', 'reader=orders.read'], 1,
      [/cognito.clients\[0\].scopes\[0\]: "orders.read" is not a scope/, /Fix with: --clients/]],
    ['a sign-in host equal to the API host', ['--yes', '--user-auth-host', 'gateway.example.com'], 1, [/userAuth.host: "gateway.example.com" must be a DNS name other than the API host/]],
    ['a missing templates folder', ['--yes', '--templates-dir', '/nonexistent/templates'], 1, [/--templates-dir \/nonexistent\/templates is not a folder/]],
    ['a missing kit tarball', ['--yes', '--kit-spec', './missing/kit.tgz'], 1, [/Cannot find .*missing\/kit.tgz/]],
  ];

  test.each(cases)('%s: absent folder stays absent', async (_what, args, code, messages) => {
    const r = await refused(join(tempDir(), 'new-service'), args);
    expect(r.code).toBe(code);
    messages.forEach((m) => expect(r.err).toMatch(m));
  });

  test('several problems are reported at once', async () => {
    const r = await refused(join(tempDir(), 'svc'), ['--yes', '--region', 'nowhere', '--host', 'Not A Host', '--inbound-cidrs', 'any']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/\(4 problems\); nothing was written/);
    expect(r.err).toMatch(/Fix with: --region, --host, --inbound-cidrs/);
  });

  test('an invalid name is reported with the other problems', async () => {
    const r = await refused(join(tempDir(), 'svc'), ['--yes', '--name', 'Bad Name', '--region', 'nowhere']);
    expect(r.err).toMatch(/name: "Bad Name" must be a DNS-1123 label/);
    expect(r.err).toMatch(/region: "nowhere" is not an AWS region/);
  });

  test('a name taken from the folder says so', async () => {
    const r = await refused(join(tempDir(), 'My_Service'), ['--yes']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/name: "My_Service" must be a DNS-1123 label/);
    expect(r.err).toMatch(/the name defaults to the folder name/);
  });

  test('a non-empty folder is refused, listing what is in it', async () => {
    const dir = join(tempDir(), 'busy');
    mkdirSync(join(dir, '.git'), { recursive: true });
    writeFileSync(join(dir, 'notes.txt'), 'mine\n');
    writeFileSync(join(dir, 'package.json'), '{}\n');
    const r = await refused(dir, ['--yes']);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${dir} is not empty; nothing was written. It holds:\n  - notes.txt\n  - package.json\n`);
    expect(r.err).toContain('--force');
  });

  test('an invalid answer on an existing empty folder leaves it empty', async () => {
    const dir = join(tempDir(), 'empty');
    mkdirSync(dir);
    const r = await refused(dir, ['--yes', '--region', 'moon-1']);
    expect(r.code).toBe(1);
  });

  test('more than one folder is a usage error', async () => {
    const r = await create(['a', 'b']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Expected one target folder, got 2: a b/);
  });

  test('no folder at all is a usage error', async () => {
    const r = await create(['--yes']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Missing the folder to create/);
  });
});
