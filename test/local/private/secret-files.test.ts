import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecretFile, replaceSecretFile } from '../../../src/local/private/secret-files';

describe('secret files', () => {
  const dir = () => join(mkdtempSync(join(tmpdir(), 'eck-secret-')), 'local');

  test('the first creator wins and the loser reads its content', () => {
    const path = join(dir(), 'key.pem');
    expect(createSecretFile(path, 'first')).toBe('first');
    expect(createSecretFile(path, 'second')).toBe('first');
  });

  test('replacing keeps the file owner-only and leaves no temporary file behind', () => {
    const folder = dir();
    const path = join(folder, 'clients.json');
    createSecretFile(path, '{}');
    replaceSecretFile(path, '{"a":1}');
    expect(statSync(path).mode % 0o1000).toBe(0o600);
    expect(readdirSync(folder)).toEqual(['clients.json']);
  });
});
