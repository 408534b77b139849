import { runInNewContext } from 'node:vm';
import { commentText, key, member, toTsLiteral, tsString } from '../../src/private/ts-literal';

const HOSTILE = [
  "it's.read",
  'back\\slash',
  '${injected}',
  '`template`',
  "'); process.exit(1); ('",
  'line\nbreak',
  'carriage\rreturn',
  'nul\u0000and\u007fdel',
  'separators\u2028\u2029',
  '"double"',
  'ünïcödé ✓',
];

describe('tsString', () => {
  test.each(HOSTILE)('evaluates back to exactly %j', (value) => {
    expect(runInNewContext(tsString(value))).toBe(value);
  });

  test('is one single-quoted line', () => {
    for (const value of HOSTILE) expect(tsString(value)).toMatch(/^'[^\n\r\u2028\u2029]*'$/);
  });
});

describe('toTsLiteral', () => {
  test('nested data evaluates back to itself', () => {
    const data = { 'scopes': HOSTILE, "it's": { path: '/a/{id}', n: 3, ok: true, none: null } };
    expect(runInNewContext(`(${toTsLiteral(data)})`)).toEqual(data);
  });
});

describe('commentText', () => {
  test('cannot close a block comment or break a line comment', () => {
    const source = `/** ${commentText('a */ b\nc')} */ 1`;
    expect(runInNewContext(source)).toBe(1);
    expect(commentText('a */ b\nc')).toBe('a *\\/ b c');
  });
});

describe('key and member', () => {
  test('identifiers stay bare, anything else is quoted', () => {
    expect(key('name')).toBe('name');
    expect(member('name')).toBe('.name');
    expect(key("it's")).toBe("'it\\'s'");
    expect(runInNewContext(`({ ${key("it's")}: 1 })${member("it's")}`)).toBe(1);
  });
});
