/**
 * Two packages, two audiences: the kit a generated repo depends on carries no Yeoman and no Handlebars;
 * create-eks-cognito-kit carries them, at the kit's exact version, and ships every file its bin reads.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CREATE_BIN, CREATE_PACKAGE_DIR } from './run-cli';

const KIT = join(__dirname, '..', '..');
const kit = JSON.parse(readFileSync(join(KIT, 'package.json'), 'utf8'));
const create = JSON.parse(readFileSync(join(CREATE_PACKAGE_DIR, 'package.json'), 'utf8'));
const SCAFFOLD_ONLY = ['yeoman-environment', 'yeoman-generator', 'handlebars'];

describe('the kit and create-eks-cognito-kit', () => {
  test('the kit neither depends on nor asks for Yeoman or Handlebars, nor ships the scaffold', () => {
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies', 'peerDependenciesMeta']) {
      for (const name of SCAFFOLD_ONLY) expect([field, name, kit[field]?.[name]]).toEqual([field, name, undefined]);
    }
    expect(kit.files).not.toEqual(expect.arrayContaining(['templates/', 'generators/']));
  });

  test('the create package depends on the kit at exactly its version, and on Yeoman and Handlebars directly', () => {
    expect(create.name).toBe('create-eks-cognito-kit');
    expect(create.version).toBe(kit.version);
    expect(create.dependencies['eks-cognito-kit']).toBe(kit.version);
    for (const name of SCAFFOLD_ONLY) expect(create.dependencies[name]).toBe(kit.devDependencies[name]);
    expect(create.engines.node).toBe(kit.engines.node);
  });

  test('its bin and every folder it reads are in the package', () => {
    expect(join(CREATE_PACKAGE_DIR, create.bin['create-eks-cognito-kit'])).toBe(CREATE_BIN);
    expect(readFileSync(CREATE_BIN, 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
    for (const folder of ['bin/', 'lib/', 'generators/', 'templates/']) {
      expect(create.files).toContain(folder);
      expect(existsSync(join(CREATE_PACKAGE_DIR, folder))).toBe(true);
    }
  });
});
