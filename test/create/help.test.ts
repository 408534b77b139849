import { runCli, tempDir } from './run-cli';
import { FLAGS, kitPackage } from '../../src/create';
import { DEFAULT_CLIENTS, DEFAULT_SCOPES, DEFAULTS } from '../../src/spec';

async function help(flag = '--help'): Promise<{ code: number | null; out: string }> {
  const r = await runCli([flag], tempDir());
  return { code: r.code, out: r.stdout + r.stderr };
}

describe('create --help', () => {
  test('lists every flag', async () => {
    const { code, out } = await help();
    expect(code).toBe(0);
    for (const f of FLAGS) expect(out).toContain(`--${f.negated ? 'no-' : ''}${f.name}`);
    expect(out).toContain('Usage: npm create eks-cognito-kit@latest <dir> -- [flags]');
    expect(out).toContain('npx create-eks-cognito-kit <dir> [flags]');
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

  test('says that Yeoman runs in the create package and stays out of the new repo', async () => {
    const { out } = await help();
    expect(out).toContain('repo depends only on eks-cognito-kit, which carries neither Yeoman nor Handlebars');
    expect(out).not.toMatch(/cache/i);
  });

  test('-h is the same as --help', async () => {
    const short = await help('-h');
    expect(short.code).toBe(0);
    expect(short.out).toBe((await help()).out);
  });
});
