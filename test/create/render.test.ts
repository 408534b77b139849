import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { tempDir } from './run-cli';
import { CreateError, renderTemplates, targetPathOf } from '../../src/create';

function folder(files: Record<string, string | Buffer>): string {
  const dir = tempDir('eck-templates-');
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), contents);
  }
  return dir;
}

describe('renderTemplates', () => {
  const ours = folder({
    '_projenrc.ts.hbs': 'new P({{{optionsCode}}});\n',
    'README.md.hbs': '# {{name}}\n{{> footer}}',
    'partials/footer.hbs': 'ours',
    'LICENSE': 'verbatim {{name}}',
  });

  test('drops .hbs, turns a leading "_" into ".", copies other files verbatim and never renders partials', () => {
    const out = renderTemplates([ours], { name: 'svc', optionsCode: "{ name: 'svc' }" }, Handlebars);
    expect([...out.keys()].sort()).toEqual(['.projenrc.ts', 'LICENSE', 'README.md']);
    expect(out.get('.projenrc.ts')).toBe("new P({ name: 'svc' });\n");
    expect(out.get('LICENSE')?.toString()).toBe('verbatim {{name}}');
    expect(targetPathOf('dir/_gitignore.hbs')).toBe('dir/.gitignore');
  });

  test('copies a binary file byte for byte', () => {
    // A PNG signature and bytes that are not UTF-8: a text round trip would replace them.
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00, 0xc3]);
    const out = renderTemplates([folder({ 'docs/shot.png': png })], {}, Handlebars);
    expect(Buffer.compare(out.get('docs/shot.png') as Buffer, png)).toBe(0);
  });

  test('a later folder replaces files and partials by name and may add files', () => {
    const team = folder({ 'partials/footer.hbs': 'team', 'CODEOWNERS.hbs': '* @{{name}}-owners' });
    const out = renderTemplates([ours, team], { name: 'svc', optionsCode: '{}' }, Handlebars);
    expect(out.get('README.md')).toBe('# svc\nteam');
    expect(out.get('CODEOWNERS')).toBe('* @svc-owners');
  });

  test('strict mode: a template naming a value the context lacks fails, naming the template', () => {
    const broken = folder({ 'README.md.hbs': '{{answers.colour}}' });
    expect(() => renderTemplates([broken], { answers: {} }, Handlebars)).toThrow(CreateError);
    expect(() => renderTemplates([broken], { answers: {} }, Handlebars)).toThrow(/README.md.hbs failed to render: "colour" not defined/);
  });

  test('values are not HTML-escaped', () => {
    const raw = folder({ 'a.hbs': '{{v}}' });
    expect(renderTemplates([raw], { v: "<a href='x'>&</a>" }, Handlebars).get('a')).toBe("<a href='x'>&</a>");
  });
});
