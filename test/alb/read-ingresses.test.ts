import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSignInRepo } from './alb-fixture';
import { AlbConfigError, ingressesIn, readIngresses } from '../../src/alb';
import { tempDir } from '../util';

const A = 'alb.ingress.kubernetes.io/';
const IDP = JSON.stringify({ userPoolARN: 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_Abc', userPoolClientID: 'NotYetDeployed', userPoolDomain: 'demo' });

function manifest(annotations: Record<string, string>, paths = '[{path: /app, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]', extra = ''): string {
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web, namespace: demo, annotations: ${JSON.stringify(annotations)}}
spec:
  ingressClassName: alb
  rules: [{host: app.example.com, http: {paths: ${paths}}}]
${extra}`;
}

function parse(text: string) {
  const problems: string[] = [];
  return { ingresses: ingressesIn('k8s/x.yaml', text, problems), problems };
}

describe('readIngresses on a generated repository', () => {
  test('reads both Ingresses with their hosts, paths, backends and the Cognito settings', () => {
    const [api, web] = readIngresses(createSignInRepo().dir);
    expect(api).toMatchObject({ id: 'demo/demo-api', file: 'k8s/ingress-api.yaml', hosts: ['gateway.example.com'] });
    expect(api.auth).toBeUndefined();
    expect(web.paths).toEqual([
      { path: '/app/profile', pathType: 'Exact', backend: 'demo-api:8080' },
      { path: '/app/orders', pathType: 'Prefix', backend: 'demo-api:8080' },
      { path: '/app/logout', pathType: 'Exact', backend: 'demo-api:8080' },
      { path: '/logout', pathType: 'Exact', backend: 'demo-api:8080' },
    ]);
    expect(web.auth).toMatchObject({
      idp: { userPoolClientID: 'NotYetDeployed', userPoolDomain: 'demo-api-token-demo' },
      scope: 'openid',
      sessionCookie: 'AWSELBAuthSessionCookie',
      sessionTimeoutSeconds: 3600,
      onUnauthenticatedRequest: 'authenticate',
    });
  });

  test('without k8s/, says to run projen', () => {
    expect(() => readIngresses(tempDir())).toThrow(/k8s not found; run `npx projen`/);
  });

  test('reports every problem of every file at once', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'k8s'));
    writeFileSync(join(dir, 'k8s', 'a.yaml'), manifest({ [`${A}auth-type`]: 'cognito', [`${A}listen-ports`]: '[{"HTTPS":443}]' }));
    writeFileSync(join(dir, 'k8s', 'b.yaml'), 'kind: [unclosed');
    expect(() => readIngresses(dir)).toThrow(AlbConfigError);
    expect(() => readIngresses(dir)).toThrow(/k8s\/a.yaml \(Ingress demo\/web\): annotation alb.ingress.kubernetes.io\/auth-idp-cognito="\(unset\)"[^]*k8s\/b.yaml: not valid YAML/);
  });
});

describe('ingressesIn', () => {
  test('applies the controller defaults to an Ingress that only sets auth-type and the IdP', () => {
    const { ingresses, problems } = parse(manifest({ [`${A}auth-type`]: 'cognito', [`${A}auth-idp-cognito`]: IDP, [`${A}certificate-arn`]: 'arn:cert' }));
    expect(problems).toEqual([]);
    expect(ingresses[0].auth).toEqual({
      idp: { userPoolARN: 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_Abc', userPoolClientID: 'NotYetDeployed', userPoolDomain: 'demo', authenticationRequestExtraParams: {} },
      scope: 'openid',
      sessionCookie: 'AWSELBAuthSessionCookie',
      sessionTimeoutSeconds: 604800,
      onUnauthenticatedRequest: 'authenticate',
    });
  });

  test('skips Ingresses of other classes and objects of other kinds; reads every document of a file', () => {
    const other = manifest({}).replace('ingressClassName: alb', 'ingressClassName: nginx');
    const legacy = manifest({ 'kubernetes.io/ingress.class': 'alb' }).replace('ingressClassName: alb', 'ingressClassName: nginx');
    const { ingresses } = parse(`${other}---\nkind: Service\n---\n${legacy}`);
    expect(ingresses.map((i) => i.id)).toEqual(['demo/web']);
  });

  test('a defaultBackend becomes the last rule, an omitted pathType is ImplementationSpecific', () => {
    const { ingresses } = parse(manifest({}, '[{path: /x/*, backend: {service: {name: web, port: {name: http}}}}]', '  defaultBackend: {service: {name: web, port: {number: 80}}}'));
    expect(ingresses[0].paths).toEqual([
      { path: '/x/*', pathType: 'ImplementationSpecific', backend: 'web:http' },
      { pathType: 'ImplementationSpecific', backend: 'web:80' },
    ]);
  });

  test.each<[string, Record<string, string>, string, RegExp]>([
    ['an unknown auth-type', { [`${A}auth-type`]: 'saml' }, '', /auth-type="saml" is unknown/],
    ['auth-type oidc', { [`${A}auth-type`]: 'oidc' }, '', /auth-type="oidc" is not supported by the local ALB/],
    ['an IdP that is not JSON', { [`${A}auth-type`]: 'cognito', [`${A}auth-idp-cognito`]: '{userPoolARN:', [`${A}listen-ports`]: '[{"HTTPS":443}]' }, '', /auth-idp-cognito="\{userPoolARN:" must be JSON/],
    ['an IdP without a client', { [`${A}auth-type`]: 'cognito', [`${A}auth-idp-cognito`]: '{"userPoolARN":"a","userPoolDomain":"d"}', [`${A}listen-ports`]: '[{"HTTPS":443}]' }, '', /must be JSON/],
    ['no HTTPS listener', { [`${A}auth-type`]: 'cognito', [`${A}auth-idp-cognito`]: IDP, [`${A}listen-ports`]: '[{"HTTP":80}]' }, '', /has no HTTPS listener, so AWS would skip authentication/],
    ['a session timeout over 7 days', { [`${A}auth-type`]: 'cognito', [`${A}auth-idp-cognito`]: IDP, [`${A}listen-ports`]: '[{"HTTPS":443}]', [`${A}auth-session-timeout`]: '604801' }, '', /auth-session-timeout="604801" is not a session timeout/],
    ['a cookie name with a space', { [`${A}auth-type`]: 'cognito', [`${A}auth-idp-cognito`]: IDP, [`${A}listen-ports`]: '[{"HTTPS":443}]', [`${A}auth-session-cookie`]: 'a b' }, '', /auth-session-cookie="a b" is not a cookie name/],
    ['an unknown unauthenticated action', { [`${A}auth-type`]: 'cognito', [`${A}auth-idp-cognito`]: IDP, [`${A}listen-ports`]: '[{"HTTPS":443}]', [`${A}auth-on-unauthenticated-request`]: 'redirect' }, '', /is not one of authenticate, allow, deny/],
    ['a Prefix path with a wildcard', {}, '[{path: /api/*, pathType: Prefix, backend: {service: {name: w, port: {number: 1}}}}]', /prefix path shouldn't contain wildcards: \/api\/\*/],
    ['a path without a leading slash', {}, '[{path: api, pathType: Exact, backend: {service: {name: w, port: {number: 1}}}}]', /path "api" must start with "\/"/],
  ])('refuses %s, naming the file, the value and the fix', (_name, annotations, paths, message) => {
    const { problems } = parse(paths ? manifest(annotations, paths) : manifest(annotations));
    expect(problems).toEqual([expect.stringMatching(message)]);
    expect(problems[0]).toMatch(/^k8s\/x.yaml \(Ingress demo\/web\): /);
  });
});
