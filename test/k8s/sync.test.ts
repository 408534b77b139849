import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as YAML from 'yaml';
import { pathsOf, synthManifests, synthToDisk, tempDir } from './manifests';
import { DEFAULT_ROUTES } from '../../src/spec/defaults';

const EXTRA = { method: 'GET' as const, path: '/api/demo/items/{id}', scopes: ['demo.read'] };
const WEB = { method: 'GET' as const, path: '/app/home', auth: 'alb-user' as const };

describe('manifests follow the spec', () => {
  test('adding a route adds its Ingress path; removing it removes it', () => {
    const before = pathsOf(synthManifests()['k8s/ingress-api.yaml']);
    const added = pathsOf(synthManifests({ routes: [...DEFAULT_ROUTES, EXTRA] })['k8s/ingress-api.yaml']);
    expect(added).toEqual([...before, '/api/demo/items (Prefix)']);
    const removed = pathsOf(synthManifests({ routes: [DEFAULT_ROUTES[1]] })['k8s/ingress-api.yaml']);
    expect(removed).toEqual(['/api/demo/protectedUpload (Exact)']);
  });

  test('Testing.synth shows the sign-in Ingress only while userAuth is set', () => {
    expect(Object.keys(synthManifests({ userAuth: { host: 'app.example.com' }, routes: [...DEFAULT_ROUTES, WEB] }))).toContain('k8s/ingress-web.yaml');
    expect(Object.keys(synthManifests())).not.toContain('k8s/ingress-web.yaml');
  });

  describe('re-synthesizing the same repository', () => {
    const dir = tempDir();
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const read = (file: string) => YAML.parse(readFileSync(join(dir, file), 'utf8'));

    test('with userAuth: the sign-in Ingress is written', () => {
      synthToDisk(dir, { userAuth: { host: 'app.example.com' }, routes: [...DEFAULT_ROUTES, EXTRA, WEB] });
      expect(existsSync(join(dir, 'k8s/ingress-web.yaml'))).toBe(true);
      expect(pathsOf(read('k8s/ingress-api.yaml'))).toContain('/api/demo/items (Prefix)');
      expect(read('k8s/config-map.yaml').data.ALB_ARN).toBe('');
    });

    test('without userAuth and the extra route: the file is deleted and the path is gone', () => {
      synthToDisk(dir, {});
      expect(existsSync(join(dir, 'k8s/ingress-web.yaml'))).toBe(false);
      expect(pathsOf(read('k8s/ingress-api.yaml'))).not.toContain('/api/demo/items (Prefix)');
      expect(read('k8s/config-map.yaml').data.ALB_ARN).toBeUndefined();
    });
  });
});
