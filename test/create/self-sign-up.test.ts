/**
 * `create --self-sign-up`: the switch, its question (asked only with a sign-in host), the option it
 * writes into `.projenrc.ts`, and its refusal without `--user-auth-host`.
 */
import { join } from 'node:path';
import { projenrcOptions, runCli, snapshot, tempDir } from './run-cli';
import {
  answersFromFlags, answersFromModel, completeAnswers, kitProjectType, kitPackage, parseCreateArgs, parseYesNo, renderHelp, resolveAnswers,
  specQuestions, toSpecOptions,
} from '../../src/create';
import { resolveSpec } from '../../src/spec';

const baseline = resolveSpec({ name: 'demo-api' });
const defaults = answersFromModel(baseline);
const projectType = kitProjectType(kitPackage());

async function create(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const r = await runCli(args, tempDir());
  return { code: r.code, out: r.stdout, err: r.stderr };
}

describe('--self-sign-up on the command line', () => {
  test('is an answer: yes when given, no when negated, absent otherwise', () => {
    expect(parseCreateArgs(['svc', '--self-sign-up']).values['self-sign-up']).toBe('yes');
    expect(parseCreateArgs(['svc', '--no-self-sign-up']).values['self-sign-up']).toBe('no');
    expect(parseCreateArgs(['svc']).values['self-sign-up']).toBeUndefined();
  });

  test('takes no value', async () => {
    const r = await create([join(tempDir(), 'svc'), '--self-sign-up=yes']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--self-sign-up takes no value/);
  });

  test('is listed by --help with its default', () => {
    expect(renderHelp('1.0.0')).toMatch(/--self-sign-up +Lets users sign themselves up on the hosted UI of --user-auth-host\.\n +\(default: false, only an administrator creates users\)/);
  });
});

describe('answers -> spec options', () => {
  test('with a sign-in host it writes userAuth.selfSignUp: true, which the pool allows', () => {
    const answers = completeAnswers(answersFromFlags({ 'name': 'demo-api', 'user-auth-host': 'app.example.com', 'self-sign-up': 'yes' }), defaults);
    expect(answers.selfSignUp).toBe(true);
    const options = resolveAnswers(projectType, answers, baseline);
    expect(options.userAuth).toEqual({ host: 'app.example.com', selfSignUp: true });
    expect(resolveSpec(options).userAuth?.selfSignUp).toBe(true);
  });

  test('left out (or no) it writes nothing, so only an administrator creates users', () => {
    for (const text of [{}, { 'self-sign-up': 'no' }] as Array<Record<string, string>>) {
      const answers = completeAnswers(answersFromFlags({ 'name': 'demo-api', 'user-auth-host': 'app.example.com', ...text }), defaults);
      expect(toSpecOptions(answers, baseline).userAuth).toEqual({ host: 'app.example.com' });
    }
  });

  test('yes and no are read in their usual spellings, anything else is neither', () => {
    expect(['yes', 'Y', 'true', ' YES '].map(parseYesNo)).toEqual([true, true, true, true]);
    expect(['no', 'N', 'false'].map(parseYesNo)).toEqual([false, false, false]);
    expect(['', 'maybe', '1'].map(parseYesNo)).toEqual([undefined, undefined, undefined]);
  });

  test('without a sign-in host it is a problem naming the flag and the fix', () => {
    const answers = completeAnswers(answersFromFlags({ 'name': 'demo-api', 'self-sign-up': 'yes' }), defaults);
    expect(() => resolveAnswers(projectType, answers, baseline)).toThrow(
      /userAuth\.selfSignUp: true needs user sign-in, which is off: add --user-auth-host <host> .* or drop --self-sign-up\./);
  });
});

describe('the question on a terminal', () => {
  const question = (given: Record<string, unknown>) => specQuestions(projectType, baseline, { name: 'demo-api', ...given })
    .find((q) => q.name === 'selfSignUp');

  test('is a yes/no confirm, asked only once a sign-in host is answered, defaulting to no', () => {
    const q = question({})!;
    expect(q.type).toBe('confirm');
    expect(q.default).toBe(false);
    expect(q.when?.({ userAuthHost: undefined })).toBe(false);
    expect(q.when?.({ userAuthHost: 'app.example.com' })).toBe(true);
    expect(question({ userAuthHost: 'app.example.com' })!.when?.({})).toBe(true);
  });

  test('is not asked when the flag gave the answer', () => {
    expect(question({ selfSignUp: true, userAuthHost: 'app.example.com' })).toBeUndefined();
  });
});

describe('create', () => {
  test('--self-sign-up without --user-auth-host is refused, with every other problem, and writes nothing', async () => {
    const dir = join(tempDir(), 'svc');
    const r = await create([dir, '--yes', '--no-install', '--no-git', '--self-sign-up', '--region', 'nowhere']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/\(2 problems\); nothing was written/);
    expect(r.err).toMatch(/region: "nowhere" is not an AWS region/);
    expect(r.err).toMatch(/userAuth\.selfSignUp: true needs user sign-in, which is off: add --user-auth-host <host>/);
    expect(r.err).toMatch(/Fix with: --region, --self-sign-up/);
    expect(snapshot(dir)).toBe('absent');
  });

  test('writes selfSignUp: true into the new .projenrc.ts', async () => {
    const cwd = tempDir();
    const r = await runCli(['signin', '--yes', '--no-install', '--no-git', '--user-auth-host', 'app.example.com', '--self-sign-up'], cwd);
    expect(r.stderr).not.toContain('Invalid');
    expect(r.code).toBe(0);
    const options = projenrcOptions(join(cwd, 'signin'));
    expect(options.userAuth).toEqual({ host: 'app.example.com', selfSignUp: true });
    expect(resolveSpec(options as any).userAuth).toMatchObject({ host: 'app.example.com', selfSignUp: true });
  });
});
