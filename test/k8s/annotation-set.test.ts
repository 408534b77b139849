import { AnnotationSet, AnnotationSets } from '../../src/k8s';
import { resolveSpec } from '../../src/spec';
import { validateAlbAnnotations, validateKubernetes } from '../schemas';
import { albAnnotations, synthManifests } from './manifests';

const teamSet: AnnotationSet = {
  name: 'team-internal',
  description: 'Tags the ALB with the owning team and narrows it to the office network.',
  annotations: (model, target) => ({
    'alb.ingress.kubernetes.io/inbound-cidrs': '192.0.2.0/24',
    'alb.ingress.kubernetes.io/tags': `team=payments,service=${model.name},ingress=${target.name}`,
  }),
};

describe('AnnotationSets', () => {
  beforeAll(() => AnnotationSets.register(teamSet));

  test('the built-in sets are registered', () => {
    expect(AnnotationSets.names()).toEqual(expect.arrayContaining(['bearer-api', 'cognito-user-auth', 'team-internal']));
    expect(AnnotationSets.get('bearer-api')?.description).toMatch(/HTTPS/);
  });

  test('a registered set is applied after bearer-api and wins on a shared key', () => {
    const m = synthManifests({ ingress: { annotationSets: ['bearer-api', 'team-internal'] } });
    const ingress = m['k8s/ingress-api.yaml'];
    const a = ingress.metadata.annotations;
    expect(validateKubernetes(ingress)).toEqual([]);
    expect(validateAlbAnnotations(albAnnotations(ingress), ingress)).toEqual([]);
    expect(a['alb.ingress.kubernetes.io/inbound-cidrs']).toBe('192.0.2.0/24');
    expect(a['alb.ingress.kubernetes.io/tags']).toBe('team=payments,service=demo-api,ingress=demo-api');
    expect(JSON.parse(a['alb.ingress.kubernetes.io/listen-ports'])).toEqual([{ HTTPS: 443 }]);
  });

  test('order decides: listed first, the custom set loses to bearer-api', () => {
    const a = synthManifests({ ingress: { annotationSets: ['team-internal', 'bearer-api'] } })['k8s/ingress-api.yaml'].metadata.annotations;
    expect(a['alb.ingress.kubernetes.io/inbound-cidrs']).toBe('0.0.0.0/0');
    expect(a['alb.ingress.kubernetes.io/tags']).toBeDefined();
  });

  test('compose merges in order and names an unknown set', () => {
    const model = resolveSpec({ name: 'demo-api' });
    const target = { name: 'demo-api', host: model.host };
    expect(AnnotationSets.compose(['bearer-api', 'team-internal'], model, target)['alb.ingress.kubernetes.io/inbound-cidrs']).toBe('192.0.2.0/24');
    expect(AnnotationSets.compose([], model, target)).toEqual({});
    expect(() => AnnotationSets.compose(['nope'], model, target)).toThrow(/"nope".*not registered.*AnnotationSets.register/);
  });

  test('cognito-user-auth refuses a model without user sign-in', () => {
    const model = resolveSpec({ name: 'demo-api' });
    expect(() => AnnotationSets.get('cognito-user-auth')!.annotations(model, { name: 'x', host: model.host })).toThrow(/userAuth/);
  });
});
