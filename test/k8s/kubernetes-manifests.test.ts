import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Testing } from 'projen';
import { validateAlbAnnotations, validateKubernetes } from '../schemas';
import { createProject } from '../util';
import { albAnnotations, DEPLOYED, ingresses, pathsOf, synthManifests, synthToDisk, tempDir } from './manifests';

const DEFAULT_FILES = [
  'k8s/config-map.yaml', 'k8s/deployment.yaml', 'k8s/horizontal-pod-autoscaler.yaml', 'k8s/ingress-api.yaml',
  'k8s/namespace.yaml', 'k8s/network-policy.yaml', 'k8s/pod-disruption-budget.yaml', 'k8s/service-account.yaml', 'k8s/service.yaml',
];

describe('KubernetesManifests', () => {
  describe('defaults', () => {
    const m = synthManifests();
    const deployment = m['k8s/deployment.yaml'];
    const pod = deployment.spec.template.spec;
    const container = pod.containers[0];
    const service = m['k8s/service.yaml'];
    const ingress = m['k8s/ingress-api.yaml'];
    const annotations = ingress.metadata.annotations;

    test('write one manifest per object and no sign-in Ingress', () => {
      expect(Object.keys(m).sort()).toEqual(DEFAULT_FILES);
    });

    test('every manifest passes the Kubernetes 1.34 schema', () => {
      for (const [path, obj] of Object.entries(m)) expect([path, validateKubernetes(obj)]).toEqual([path, []]);
    });

    test('every object is in the namespace with the shared labels', () => {
      const labels = { 'app.kubernetes.io/name': 'demo-api', 'app.kubernetes.io/part-of': 'demo-api', 'app.kubernetes.io/managed-by': 'eks-cognito-kit' };
      for (const obj of Object.values(m)) {
        expect(obj.metadata.labels).toMatchObject(labels);
        if (obj.kind !== 'Namespace') expect(obj.metadata.namespace).toBe('demo');
      }
      expect(m['k8s/namespace.yaml'].metadata.name).toBe('demo');
      expect(m['k8s/namespace.yaml'].metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
    });

    test('the Deployment refers to the ServiceAccount and ConfigMap by name', () => {
      expect(pod.serviceAccountName).toBe(m['k8s/service-account.yaml'].metadata.name);
      expect(container.envFrom).toEqual([{ configMapRef: { name: m['k8s/config-map.yaml'].metadata.name } }]);
      expect(m['k8s/config-map.yaml'].metadata.name).toBe('demo-api-config');
      expect(deployment.spec.replicas).toBeUndefined();
      expect(m['k8s/horizontal-pod-autoscaler.yaml'].spec.minReplicas).toBe(2);
      expect(container.image).toBe('demo-api:latest');
    });

    test('the container runs non-root with a read-only root filesystem and no privileges', () => {
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } });
      expect(container.securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
      expect(pod.automountServiceAccountToken).toBe(false);
      expect(m['k8s/service-account.yaml'].automountServiceAccountToken).toBe(false);
      expect(container.volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
      expect(pod.volumes).toEqual([{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }]);
    });

    test('probes, resources and spreading', () => {
      expect(container.ports).toEqual([{ name: 'http', containerPort: 8080, protocol: 'TCP' }]);
      expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'http' });
      expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
      expect(container.resources).toEqual({ requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } });
      expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(container.lifecycle.preStop.sleep.seconds);
      expect(pod.topologySpreadConstraints[0]).toMatchObject({ topologyKey: 'topology.kubernetes.io/zone', labelSelector: deployment.spec.selector });
    });

    test('the Service selects the pods and targets the container port by name', () => {
      expect(service.spec.selector).toEqual(pod.containers && deployment.spec.template.metadata.labels);
      expect(deployment.spec.selector.matchLabels).toEqual(deployment.spec.template.metadata.labels);
      expect(service.spec.type).toBe('ClusterIP');
      expect(service.spec.ports).toEqual([{ name: 'http', port: 8080, targetPort: container.ports[0].name, protocol: 'TCP' }]);
    });

    test('the PodDisruptionBudget, autoscaler and NetworkPolicy target the Deployment', () => {
      const pdb = m['k8s/pod-disruption-budget.yaml'];
      expect(pdb.spec).toMatchObject({ minAvailable: 1, selector: deployment.spec.selector });
      const hpa = m['k8s/horizontal-pod-autoscaler.yaml'];
      expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata.name });
      expect([hpa.spec.minReplicas, hpa.spec.maxReplicas]).toEqual([2, 6]);
      expect(hpa.spec.metrics[0].resource.target).toEqual({ type: 'Utilization', averageUtilization: 70 });
      const np = m['k8s/network-policy.yaml'];
      expect(np.spec.podSelector).toEqual(deployment.spec.selector);
      expect(np.spec.ingress).toEqual([{ ports: [{ protocol: 'TCP', port: 'http' }] }]);
      expect(np.spec.egress.flatMap((e: any) => e.ports.map((p: any) => `${p.protocol}/${p.port}`))).toEqual(['UDP/53', 'TCP/53', 'TCP/443']);
    });

    test('the ConfigMap holds public runtime settings only, empty until Cognito is deployed', () => {
      const data = m['k8s/config-map.yaml'].data;
      expect(data).toEqual({ COGNITO_USER_POOL_ID: '', COGNITO_CLIENT_IDS: '', AWS_REGION: 'ap-southeast-1', PORT: '8080' });
      expect(Object.keys(data).filter((k) => /SECRET|PASSWORD|TOKEN|CREDENTIAL/i.test(k))).toEqual([]);
    });

    test('the API Ingress routes the declared paths to the Service port', () => {
      expect(ingress.metadata.name).toBe(service.metadata.name);
      expect(ingress.spec.ingressClassName).toBe('alb');
      expect(annotations['kubernetes.io/ingress.class']).toBeUndefined();
      expect(ingress.spec.rules.map((r: any) => r.host)).toEqual(['gateway.example.com']);
      expect(pathsOf(ingress)).toEqual(['/api/demo/protectedRole (Prefix)', '/api/demo/protectedUpload (Exact)']);
      for (const p of ingress.spec.rules[0].http.paths) {
        expect(p.path).not.toMatch(/[*?]/);
        expect(p.backend.service.name).toBe(service.metadata.name);
        expect(service.spec.ports.map((sp: any) => sp.port)).toContain(p.backend.service.port.number);
      }
    });

    test('the API Ingress is HTTPS only, TLS 1.3, inbound CIDRs, ExternalDNS name', () => {
      expect(validateAlbAnnotations(albAnnotations(ingress), ingress)).toEqual([]);
      expect(JSON.parse(annotations['alb.ingress.kubernetes.io/listen-ports'])).toEqual([{ HTTPS: 443 }]);
      expect(annotations['alb.ingress.kubernetes.io/ssl-redirect']).toBeUndefined();
      expect(annotations).toMatchObject({
        'alb.ingress.kubernetes.io/scheme': 'internet-facing',
        'alb.ingress.kubernetes.io/target-type': 'ip',
        'alb.ingress.kubernetes.io/ssl-policy': 'ELBSecurityPolicy-TLS13-1-2-2021-06',
        'alb.ingress.kubernetes.io/inbound-cidrs': '0.0.0.0/0',
        'alb.ingress.kubernetes.io/healthcheck-path': '/readyz',
        'alb.ingress.kubernetes.io/success-codes': '200',
        'external-dns.alpha.kubernetes.io/hostname': 'gateway.example.com',
      });
      expect(annotations['alb.ingress.kubernetes.io/load-balancer-attributes']).not.toMatch(/deletion_protection/);
      for (const key of ['certificate-arn', 'wafv2-acl-arn', 'group.name', 'auth-type']) {
        expect(annotations[`alb.ingress.kubernetes.io/${key}`]).toBeUndefined();
      }
    });
  });

  test('the files are managed: read-only, with the projen marker', () => {
    const dir = tempDir();
    const project = synthToDisk(dir);
    for (const path of DEFAULT_FILES) {
      expect(project.tryFindObjectFile(path)?.readonly).toBe(true);
      expect(readFileSync(join(dir, path), 'utf8').split('\n')[0]).toMatch(/^# ~~ Generated by projen/);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  test('a deployed pool fills the ConfigMap', () => {
    const m = synthManifests({ cognito: { deployed: DEPLOYED } });
    expect(m['k8s/config-map.yaml'].data).toMatchObject({
      COGNITO_USER_POOL_ID: DEPLOYED.userPoolId,
      COGNITO_CLIENT_IDS: Object.values(DEPLOYED.clientIds).join(','),
    });
  });

  test('a spec with certificate, WAF, IngressGroup and CIDRs', () => {
    const certificateArn = 'arn:aws:acm:ap-southeast-1:123456789012:certificate/0f6c3e1a-1111-2222-3333-444455556666';
    const wafAclArn = 'arn:aws:wafv2:ap-southeast-1:123456789012:regional/webacl/demo/0f6c3e1a-1111-2222-3333-444455556666';
    const m = synthManifests({ ingress: { certificateArn, wafAclArn, groupName: 'shared-gw', inboundCidrs: ['10.0.0.0/8', '2001:db8::/32'] } });
    for (const obj of Object.values(m)) expect(validateKubernetes(obj)).toEqual([]);
    const ingress = m['k8s/ingress-api.yaml'];
    expect(validateAlbAnnotations(albAnnotations(ingress), ingress)).toEqual([]);
    expect(ingress.metadata.annotations).toMatchObject({
      'alb.ingress.kubernetes.io/certificate-arn': certificateArn,
      'alb.ingress.kubernetes.io/wafv2-acl-arn': wafAclArn,
      'alb.ingress.kubernetes.io/group.name': 'shared-gw',
      'alb.ingress.kubernetes.io/inbound-cidrs': '10.0.0.0/8,2001:db8::/32',
    });
    expect(JSON.parse(ingress.metadata.annotations['alb.ingress.kubernetes.io/listen-ports'])).toEqual([{ HTTPS: 443 }]);
  });

  test('Testing.synth lists only the k8s files the spec produces', () => {
    const files = Object.keys(Testing.synth(createProject())).filter((f) => f.startsWith('k8s/'));
    expect(files.sort()).toEqual(DEFAULT_FILES);
    expect(ingresses(synthManifests())).toHaveLength(1);
  });
});
