import { runCreate } from '../../src/cli/create-command';
import { FLAGS, kitPackage } from '../../src/create';
import { DEFAULT_CLIENTS, DEFAULT_SCOPES, DEFAULTS } from '../../src/spec';

async function help(): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runCreate(['--help'], { out: (t) => (out += t), err: (t) => (out += t) });
  return { code, out };
}

describe('create --help', () => {
  test('lists every flag', async () => {
    const { code, out } = await help();
    expect(code).toBe(0);
    for (const f of FLAGS) expect(out).toContain(`--${f.negated ? 'no-' : ''}${f.name}`);
    expect(out).toContain('Usage: eks-cognito-kit create <dir>');
  });

  test('shows the defaults of src/spec/defaults.ts and the kit version', async () => {
    const { out } = await help();
    const expected = [
      DEFAULTS.region, DEFAULTS.namespace, DEFAULTS.host, DEFAULTS.clusterName, DEFAULTS.inboundCidrs.join(','),
      DEFAULT_SCOPES.map((s) => s.name).join(','),
      DEFAULT_CLIENTS.map((c) => `${c.name}=${(c.scopes ?? []).join('+')}`).join(','),
      `eks-cognito-kit@^${kitPackage().version}`,
    ];
    for (const value of expected) expect(out).toContain(`(default: ${value})`);
  });

  test('says where Yeoman is installed when it is missing', async () => {
    const { out } = await help();
    expect(out).toContain('${XDG_CACHE_HOME:-~/.cache}/eks-cognito-kit/yeoman');
  });

  test('-h is the same as --help', async () => {
    let out = '';
    expect(await runCreate(['-h'], { out: (t) => (out += t), err: (t) => (out += t) })).toBe(0);
    expect(out).toBe((await help()).out);
  });
});
