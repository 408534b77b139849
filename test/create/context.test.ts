import { answersFromModel, buildContext, kitPackage, kitProjectType, answersFromFlags, completeAnswers, toSpecOptions } from '../../src/create';
import { toTsLiteral } from '../../src/private/ts-literal';
import { resolveSpec } from '../../src/spec';

const kit = kitPackage();
const baseline = resolveSpec({ name: 'orders' });

function context(text: Record<string, string>, localFolder = false) {
  const answers = completeAnswers(answersFromFlags({ name: 'orders', ...text }), answersFromModel(baseline));
  return buildContext({
    answers,
    specOptions: toSpecOptions(answers, baseline),
    projectType: kitProjectType(kit),
    kit: { name: 'eks-cognito-kit', version: localFolder ? 'file:/abs/kit' : '^1.2.3', localFolder },
    toolchain: { 'projen': '^0.103.0', 'ts-node': '^10.9.2' },
  });
}

describe('template context', () => {
  test('the options code is the spec options plus the kit in devDeps, as TypeScript', () => {
    const ctx = context({ region: 'eu-west-1' });
    expect(new Function(`return (${ctx.optionsCode});`)()).toEqual({
      name: 'orders', region: 'eu-west-1', devDeps: ['eks-cognito-kit@^1.2.3'],
    });
    expect(ctx.projectType).toEqual({ className: 'EksCognitoServiceProject', importLine: "import { EksCognitoServiceProject } from 'eks-cognito-kit';", packageName: null });
  });

  test('the bootstrap package.json lists the toolchain and the kit, sorted', () => {
    expect(context({}).bootstrapDevDependencies).toEqual({ 'eks-cognito-kit': '^1.2.3', 'projen': '^0.103.0', 'ts-node': '^10.9.2' });
    expect(Object.keys(context({}).bootstrapDevDependencies)).toEqual(['eks-cognito-kit', 'projen', 'ts-node']);
  });

  test('absent answers are null (strict templates can test them) and a local folder asks for install-links', () => {
    const ctx = context({}, true);
    expect(ctx.answers.userAuthHost).toBeNull();
    expect(ctx.answers.clients.map((c) => c.secret)).toEqual([true, true, false]);
    expect(ctx.installLinks).toBe(true);
    expect(context({}).installLinks).toBe(false);
  });
});

describe('toTsLiteral', () => {
  test('reads back as the same data, quotes escaped', () => {
    const data = { 'name': "it's", 'list': ['a', 'b'], 'nested': { deep: [{ x: 1, y: true }] }, 'odd-key': 'back\\slash', 'none': undefined };
    const code = toTsLiteral(data);
    expect(new Function(`return (${code});`)()).toEqual(data);
    expect(code.split('\n')[1]).toBe("  name: 'it\\'s',");
  });
});
