import { readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createIssuerRepo } from './issuer-fixture';
import { IssuerConfigError, loadDevCredentials, toIssuerSpec } from '../../src/local';
import { resolveSpec } from '../../src/spec';
import { withSignIn } from '../util';

const USER_AUTH = { host: 'app.example.com' };

describe('loadDevCredentials', () => {
  describe('on first run', () => {
    const { dir, spec } = createIssuerRepo();
    const creds = loadDevCredentials(dir, spec);
    const local = join(dir, '.eks-cognito-kit', 'local');

    test('gives every client a Cognito-shaped id and secret clients a Cognito-shaped secret', () => {
      expect([...creds.clients.keys()]).toEqual(['readClient', 'writeClient', 'microService']);
      for (const c of creds.clients.values()) expect(c.clientId).toMatch(/^[a-z0-9]{26}$/);
      expect(creds.clients.get('readClient')!.clientSecret).toMatch(/^[a-z0-9]{52}$/);
      expect(creds.clients.get('microService')!.clientSecret).toBeUndefined();
      expect(new Set([...creds.clients.values()].map((c) => c.clientId)).size).toBe(3);
    });

    test('makes a 2048-bit RS256 key with a Cognito-shaped kid', () => {
      expect(creds.signingKey.alg).toBe('RS256');
      expect(creds.signingKey.privateKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
      expect(creds.signingKey.kid).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    });

    test('makes no ALB key without userAuth', () => {
      expect(creds.albKey).toBeUndefined();
    });

    test('keeps the files owner-only', () => {
      expect(statSync(local).mode % 0o1000).toBe(0o700);
      expect(statSync(join(local, 'clients.json')).mode % 0o1000).toBe(0o600);
      expect(statSync(join(local, 'signing-key.pem')).mode % 0o1000).toBe(0o600);
    });
  });

  describe('on later runs', () => {
    test('reuses the same ids, secrets and kid', () => {
      const { dir, spec } = createIssuerRepo();
      const first = loadDevCredentials(dir, spec);
      const second = loadDevCredentials(dir, spec);
      expect(second.clients).toEqual(first.clients);
      expect(second.signingKey.kid).toBe(first.signingKey.kid);
    });

    test('adds credentials for a new client and keeps the others', () => {
      const { dir, spec } = createIssuerRepo();
      const first = loadDevCredentials(dir, spec);
      const grown = toIssuerSpec(resolveSpec({
        name: 'demo-api',
        cognito: { clients: [{ name: 'readClient', scopes: ['demo.read'] }, { name: 'reportClient', scopes: ['demo.read'] }] },
      }));
      const second = loadDevCredentials(dir, grown);
      expect(second.clients.get('readClient')).toEqual(first.clients.get('readClient'));
      expect(second.clients.get('reportClient')!.clientSecret).toMatch(/^[a-z0-9]{52}$/);
      expect(loadDevCredentials(dir, grown).clients.get('reportClient')).toEqual(second.clients.get('reportClient'));
    });

    test('gives a client that now generates a secret one, keeping its id', () => {
      const { dir, spec } = createIssuerRepo();
      const before = loadDevCredentials(dir, spec).clients.get('microService')!;
      const withSecret = { ...spec, clients: spec.clients.map((c) => ({ ...c, generateSecret: true })) };
      const after = loadDevCredentials(dir, withSecret).clients.get('microService')!;
      expect(after.clientId).toBe(before.clientId);
      expect(after.clientSecret).toMatch(/^[a-z0-9]{52}$/);
    });

    test('regenerates only a missing key', () => {
      const { dir, spec } = createIssuerRepo();
      const first = loadDevCredentials(dir, spec);
      unlinkSync(join(dir, '.eks-cognito-kit', 'local', 'signing-key.pem'));
      const second = loadDevCredentials(dir, spec);
      expect(second.signingKey.kid).not.toBe(first.signingKey.kid);
      expect(second.clients).toEqual(first.clients);
    });
  });

  describe('with userAuth', () => {
    test('adds the web client and an ES256 ALB key with a UUID kid, both stable', () => {
      const { dir, spec } = createIssuerRepo(withSignIn({ userAuth: USER_AUTH }));
      const first = loadDevCredentials(dir, spec);
      const web = first.clients.get(spec.userAuth!.webClientName)!;
      expect(web.clientId).toMatch(/^[a-z0-9]{26}$/);
      // The ALB authenticates to the token endpoint with the web client's secret.
      expect(web.clientSecret).toMatch(/^[a-z0-9]{52}$/);
      expect(loadDevCredentials(dir, spec).clients.get(spec.userAuth!.webClientName)).toEqual(web);
      expect(first.albKey!.alg).toBe('ES256');
      expect(first.albKey!.kid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(statSync(join(dir, '.eks-cognito-kit', 'local', 'alb-signing-key.pem')).mode % 0o1000).toBe(0o600);
      expect(loadDevCredentials(dir, spec).albKey!.kid).toBe(first.albKey!.kid);
    });
  });

  describe('with a damaged file', () => {
    test('says which file and how to fix it', () => {
      const { dir, spec } = createIssuerRepo();
      loadDevCredentials(dir, spec);
      const path = join(dir, '.eks-cognito-kit', 'local', 'clients.json');
      writeFileSync(path, '[1, 2]');
      expect(() => loadDevCredentials(dir, spec)).toThrow(IssuerConfigError);
      expect(() => loadDevCredentials(dir, spec)).toThrow(/clients\.json.*delete it/);
      expect(readFileSync(path, 'utf8')).toBe('[1, 2]');
    });

    test('refuses a key of the wrong type', () => {
      const { dir, spec } = createIssuerRepo(withSignIn({ userAuth: USER_AUTH }));
      loadDevCredentials(dir, spec);
      const local = join(dir, '.eks-cognito-kit', 'local');
      writeFileSync(join(local, 'signing-key.pem'), readFileSync(join(local, 'alb-signing-key.pem')));
      expect(() => loadDevCredentials(dir, spec)).toThrow(/signing-key\.pem is not an RSA private key/);
    });
  });
});
