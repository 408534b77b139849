import { validateAlbAnnotations, validateKubernetes } from '../schemas';
import { albAnnotations, DEPLOYED_WITH_WEB as DEPLOYED, ingresses, pathsOf, synthManifests } from './manifests';

const ROUTES = [
  { method: 'GET' as const, path: '/api/demo/protectedRole/{name}', scopes: ['demo.read'] },
  { method: 'POST' as const, path: '/api/demo/protectedUpload', scopes: ['demo.write'] },
  { method: 'GET' as const, path: '/app/profile', auth: 'alb-user' as const },
  { method: 'GET' as const, path: '/app/orders/{id}', auth: 'alb-user' as const },
  { method: 'DELETE' as const, path: '/app/orders/{id}/items/{item}', auth: 'alb-user' as const },
  { method: 'GET' as const, path: '/status', auth: 'none' as const },
];

describe('user sign-in (userAuth)', () => {
  const m = synthManifests({ userAuth: { host: 'app.example.com' }, routes: ROUTES });
  const api = m['k8s/ingress-api.yaml'];
  const web = m['k8s/ingress-web.yaml'];
  const service = m['k8s/service.yaml'];
  const a = web.metadata.annotations;

  test('every manifest is valid and every Ingress passes the controller rules', () => {
    expect(ingresses(m)).toHaveLength(2);
    for (const [path, obj] of Object.entries(m)) expect([path, validateKubernetes(obj)]).toEqual([path, []]);
    for (const ing of ingresses(m)) expect([ing.metadata.name, validateAlbAnnotations(albAnnotations(ing), ing)]).toEqual([ing.metadata.name, []]);
  });

  test('routes split by auth: bearer and none on the API host, alb-user and the sign-out route on the sign-in host', () => {
    expect(pathsOf(api)).toEqual(['/api/demo/protectedRole (Prefix)', '/api/demo/protectedUpload (Exact)', '/status (Exact)']);
    expect(web.spec.rules.map((r: any) => r.host)).toEqual(['app.example.com']);
    expect(pathsOf(web)).toEqual(['/app/profile (Exact)', '/app/orders (Prefix)', '/logout (Exact)']);
    const custom = synthManifests({ userAuth: { host: 'app.example.com', signOutPath: '/app/sign-out' }, routes: ROUTES });
    expect(pathsOf(custom['k8s/ingress-web.yaml'])).toContain('/app/sign-out (Exact)');
    expect(web.spec.ingressClassName).toBe('alb');
    for (const p of web.spec.rules[0].http.paths) expect(p.backend).toEqual({ service: { name: service.metadata.name, port: { number: 8080 } } });
  });

  test('the sign-in Ingress redirects HTTP and authenticates on HTTPS', () => {
    expect(JSON.parse(a['alb.ingress.kubernetes.io/listen-ports'])).toEqual([{ HTTP: 80 }, { HTTPS: 443 }]);
    expect(a).toMatchObject({
      'alb.ingress.kubernetes.io/ssl-redirect': '443',
      'alb.ingress.kubernetes.io/auth-type': 'cognito',
      'alb.ingress.kubernetes.io/auth-on-unauthenticated-request': 'authenticate',
      'alb.ingress.kubernetes.io/auth-scope': 'openid',
      'alb.ingress.kubernetes.io/auth-session-timeout': '3600',
      'alb.ingress.kubernetes.io/inbound-cidrs': '0.0.0.0/0',
      'alb.ingress.kubernetes.io/ssl-policy': 'ELBSecurityPolicy-TLS13-1-2-2021-06',
      'external-dns.alpha.kubernetes.io/hostname': 'app.example.com',
    });
    expect(JSON.parse(api.metadata.annotations['alb.ingress.kubernetes.io/listen-ports'])).toEqual([{ HTTPS: 443 }]);
  });

  test('before deployment the IdP settings are named placeholders of the right shape', () => {
    const idp = JSON.parse(a['alb.ingress.kubernetes.io/auth-idp-cognito']);
    expect(idp).toEqual({
      userPoolARN: 'arn:aws:cognito-idp:ap-southeast-1:000000000000:userpool/ap-southeast-1_NotYetDeployed',
      userPoolClientID: 'NotYetDeployed',
      userPoolDomain: 'demo-api-token-demo',
    });
    expect(m['k8s/config-map.yaml'].data).toMatchObject({ ALB_ARN: '', ALB_CLIENT_ID: '' });
  });

  test('the ConfigMap tells the sign-out route where the hosted UI is and where to come back, and holds no secret', () => {
    expect(m['k8s/config-map.yaml'].data).toMatchObject({
      COGNITO_HOSTED_UI_URL: 'https://demo-api-token-demo.auth.ap-southeast-1.amazoncognito.com',
      SIGN_OUT_REDIRECT_URI: 'https://app.example.com/',
    });
    expect(Object.keys(m['k8s/config-map.yaml'].data).filter((k) => /SECRET/.test(k))).toEqual([]);
  });

  test('after deployment the pool ARN, domain prefix and ALB ARN are filled in', () => {
    const albArn = 'arn:aws:elasticloadbalancing:ap-southeast-1:123456789012:loadbalancer/app/k8s-demo-web/0123456789abcdef';
    const d = synthManifests({
      userAuth: { host: 'app.example.com', albArn, sessionTimeoutSeconds: 900 },
      routes: ROUTES,
      cognito: { deployed: DEPLOYED, domainPrefix: 'acme-login' },
    });
    const ann = d['k8s/ingress-web.yaml'].metadata.annotations;
    const idp = JSON.parse(ann['alb.ingress.kubernetes.io/auth-idp-cognito']);
    expect(idp.userPoolARN).toBe(`arn:aws:cognito-idp:ap-southeast-1:123456789012:userpool/${DEPLOYED.userPoolId}`);
    expect(idp.userPoolDomain).toBe('acme-login');
    expect(ann['alb.ingress.kubernetes.io/auth-session-timeout']).toBe('900');
    expect(d['k8s/config-map.yaml'].data).toMatchObject({ COGNITO_USER_POOL_ID: DEPLOYED.userPoolId, ALB_ARN: albArn });
    expect(validateAlbAnnotations(albAnnotations(d['k8s/ingress-web.yaml']), d['k8s/ingress-web.yaml'])).toEqual([]);
  });

  test('no API Ingress when every route signs users in', () => {
    const only = synthManifests({ userAuth: { host: 'app.example.com' }, routes: [{ method: 'GET', path: '/app', auth: 'alb-user' }] });
    expect(Object.keys(only)).not.toContain('k8s/ingress-api.yaml');
    expect(pathsOf(only['k8s/ingress-web.yaml'])).toEqual(['/app (Exact)', '/logout (Exact)']);
  });
});
