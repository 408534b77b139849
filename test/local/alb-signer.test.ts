import { AlbJwtVerifier } from 'aws-jwt-verify';
import { AlbJwksCache } from 'aws-jwt-verify/alb-cache';
import { createIssuerRepo, redirectingFetcher } from './issuer-fixture';
import { IssuerConfigError, loadDevCredentials, RunningIssuer, signAlbToken, startIssuer } from '../../src/local';
import { withSignIn } from '../util';

describe('signAlbToken', () => {
  let issuer: RunningIssuer;
  beforeAll(async () => {
    issuer = await startIssuer({ dir: createIssuerRepo(withSignIn({ userAuth: { host: 'app.example.com' } })).dir, port: 0 });
  });
  afterAll(() => issuer.close());

  const webClientId = () => issuer.credentials.clients.get(issuer.spec.userAuth!.webClientName)!.clientId;
  const verifier = () => AlbJwtVerifier.create(
    {
      albArn: issuer.spec.userAuth!.albArn,
      issuer: `https://cognito-idp.ap-southeast-1.amazonaws.com/${issuer.spec.userPoolId}`,
      clientId: webClientId(),
      jwksUri: `${issuer.url}/alb-keys`,
    },
    { jwksCache: new AlbJwksCache({ fetcher: redirectingFetcher(issuer.url) }) },
  );

  describe('for a user', () => {
    test('is verified by the ALB verifier against the local key endpoint', async () => {
      const token = signAlbToken(issuer.spec, issuer.credentials, { email: 'ana@example.com', sub: 'sub-1' });
      await expect(verifier().verify(token)).resolves.toMatchObject({ sub: 'sub-1', email: 'ana@example.com', username: 'sub-1' });
    });

    test('is laid out as the ALB writes it: padded segments, signer and client in the header', () => {
      const token = signAlbToken(issuer.spec, issuer.credentials, { email: 'ana@example.com' });
      const segments = token.split('.');
      segments.forEach((s) => expect(s.length % 4).toBe(0));
      expect(segments.some((s) => s.endsWith('='))).toBe(true);
      const header = JSON.parse(Buffer.from(segments[0], 'base64url').toString());
      expect(Object.keys(header)).toEqual(['typ', 'kid', 'alg', 'iss', 'client', 'signer', 'exp']);
      expect(header).toMatchObject({ typ: 'JWT', alg: 'ES256', kid: issuer.credentials.albKey!.kid, client: webClientId(), signer: issuer.spec.userAuth!.albArn });
    });

    test('derives a stable UUID sub from the email when none is given', () => {
      const payload = (t: string) => JSON.parse(Buffer.from(t.split('.')[1], 'base64url').toString());
      const a = payload(signAlbToken(issuer.spec, issuer.credentials, { email: 'ana@example.com' }));
      const b = payload(signAlbToken(issuer.spec, issuer.credentials, { email: 'ana@example.com' }));
      expect(a.sub).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(b.sub).toBe(a.sub);
      expect(a.email_verified).toBe('true');
    });
  });

  describe('GET /alb-keys/<kid>', () => {
    test('serves the public key as PEM, and nothing for another kid', async () => {
      const res = await fetch(`${issuer.url}/alb-keys/${issuer.credentials.albKey!.kid}`);
      expect(await res.text()).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
      expect((await fetch(`${issuer.url}/alb-keys/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    });
  });

  describe('without userAuth', () => {
    test('refuses, naming the missing setting', () => {
      const { dir, spec } = createIssuerRepo();
      expect(() => signAlbToken(spec, loadDevCredentials(dir, spec), { email: 'a@example.com' })).toThrow(IssuerConfigError);
    });
  });
});
