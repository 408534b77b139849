import { startIssuer } from '../../../src/local';
import { parseIssuerArgs } from '../../../src/local/issuer-args';
import { withSignIn } from '../../util';
import { createIssuerRepo } from '../issuer-fixture';

describe('the local ALB port', () => {
  test('comes from --alb-port, else ALB_PORT, else 8081', () => {
    expect(parseIssuerArgs([], '/r', {}).albPort).toBe(8081);
    expect(parseIssuerArgs([], '/r', { ALB_PORT: '9191' }).albPort).toBe(9191);
    expect(parseIssuerArgs(['--alb-port', '9292'], '/r', { ALB_PORT: '9191' }).albPort).toBe(9292);
    expect(() => parseIssuerArgs(['--alb-port', '0'], '/r', {})).toThrow('--alb-port 0 is not a port; use 1 to 65535.');
    expect(() => parseIssuerArgs([], '/r', { ALB_PORT: 'x' })).toThrow('ALB_PORT x is not a port');
  });

  test('is the only http origin whose callback and sign-out URLs the web client accepts', async () => {
    const { dir } = createIssuerRepo(withSignIn({ userAuth: { host: 'app.example.com' } }));
    const issuer = await startIssuer({ dir, port: 0, albPort: 9191 });
    try {
      const clientId = issuer.credentials.clients.get(issuer.spec.userAuth!.webClientName)!.clientId;
      const authorize = (redirectUri: string) => fetch(`${issuer.url}/oauth2/authorize?${new URLSearchParams({ client_id: clientId, redirect_uri: redirectUri, response_type: 'code', state: 's' })}`, { redirect: 'manual' });
      expect((await authorize('http://localhost:9191/oauth2/idpresponse')).status).toBe(302);
      expect((await authorize('http://localhost:8081/oauth2/idpresponse')).status).toBe(400);
      expect(issuer.hostedUi!.client.logoutUrls).toEqual(['https://app.example.com/', 'http://localhost:9191/']);
    } finally {
      await issuer.close();
    }
  });
});
