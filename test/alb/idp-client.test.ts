import { TestIdp } from './test-idp';
import { exchangeCode, IdpEndpoints, IdpError } from '../../src/alb/idp-client';
import { createIssuerRepo } from '../local/issuer-fixture';
import { withSignIn } from '../util';

describe('exchangeCode', () => {
  const { spec } = createIssuerRepo(withSignIn({ userAuth: { host: 'app.example.com' } }));
  const codeFrom = async (idp: TestIdp, clientId: string) => {
    idp.redirectUri = 'http://localhost:8081/oauth2/idpresponse';
    const res = await fetch(`${idp.url}/oauth2/authorize?client_id=${clientId}&redirect_uri=${encodeURIComponent(idp.redirectUri)}&response_type=code&state=s`, { redirect: 'manual' });
    return new URL(res.headers.get('location')!).searchParams.get('code')!;
  };
  const endpoints = (idp: TestIdp): IdpEndpoints => ({ authorize: '', token: `${idp.url}/oauth2/token`, userInfo: `${idp.url}/oauth2/userInfo`, jwks: '', issuer: '' });

  test('a client with a secret authenticates by HTTP Basic, its id and secret form-encoded first', async () => {
    const client = { clientId: 'web client', clientSecret: 'se:cret+/' };
    const idp = await TestIdp.start(spec, client);
    try {
      const tokens = await exchangeCode(endpoints(idp), client, await codeFrom(idp, 'web%20client'), idp.redirectUri);
      expect(tokens).toEqual({ idToken: expect.any(String), accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 3600 });
      expect(idp.tokenAuthMethods).toEqual(['basic']);
      await expect(exchangeCode(endpoints(idp), { ...client, clientSecret: 'wrong' }, await codeFrom(idp, 'web%20client'), idp.redirectUri))
        .rejects.toThrow(new IdpError('token endpoint answered 400 invalid_client'));
    } finally {
      await idp.close();
    }
  });

  test('a client without a secret sends its client_id alone', async () => {
    const idp = await TestIdp.start(spec, { clientId: 'publicclient' });
    try {
      await expect(exchangeCode(endpoints(idp), { clientId: 'publicclient' }, await codeFrom(idp, 'publicclient'), idp.redirectUri)).resolves.toBeDefined();
      expect(idp.tokenAuthMethods).toEqual(['none']);
    } finally {
      await idp.close();
    }
  });
});
