/**
 * Validates Kubernetes objects against the upstream v1.34 standalone-strict JSON schemas, and Namespaces by hand.
 * @see https://github.com/yannh/kubernetes-json-schema
 */
import { ValidateFunction } from 'ajv';
import { format, newAjv } from './private/ajv';
import { load } from './private/schema-files';
import { cached, isObject, notAnObject } from './private/util';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

const K8S_FILES: Record<string, string> = {
  ConfigMap: 'configmap-v1.json',
  Deployment: 'deployment-apps-v1.json',
  HorizontalPodAutoscaler: 'horizontalpodautoscaler-autoscaling-v2.json',
  Ingress: 'ingress-networking-v1.json',
  NetworkPolicy: 'networkpolicy-networking-v1.json',
  PodDisruptionBudget: 'poddisruptionbudget-policy-v1.json',
  Service: 'service-v1.json',
  ServiceAccount: 'serviceaccount-v1.json',
};

const k8sAjv = cached(() => {
  const ajv = newAjv({ allErrors: true, strictTypes: false });
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && Math.abs(n) <= 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('double', { type: 'number', validate: () => true });
  ajv.addFormat('byte', true);
  for (const k of ['x-kubernetes-group-version-kind', 'x-kubernetes-list-type', 'x-kubernetes-list-map-keys', 'x-kubernetes-map-type',
    'x-kubernetes-patch-strategy', 'x-kubernetes-patch-merge-key', 'x-kubernetes-unions']) {
    ajv.addKeyword(k);
  }
  return ajv;
});

const k8sValidators = new Map<string, ValidateFunction>();
function k8sValidator(kind: string): ValidateFunction {
  let v = k8sValidators.get(kind);
  if (!v) {
    const { $schema: _ignored, ...schema } = load(`kubernetes/v1.34-standalone-strict/${K8S_FILES[kind]}`);
    v = k8sAjv().compile(schema);
    k8sValidators.set(kind, v);
  }
  return v;
}

/** Validates one Kubernetes object against the v1.34 strict schema chosen by its kind (Namespace by hand). */
export function validateKubernetes(obj: any): string[] {
  if (!isObject(obj)) return [notAnObject('Kubernetes object', obj)];
  const kind = obj?.kind;
  if (kind === 'Namespace') return validateNamespace(obj);
  if (!K8S_FILES[kind]) {
    return [`unknown kind ${JSON.stringify(kind)} (apiVersion ${JSON.stringify(obj?.apiVersion)}); known: Namespace, ${Object.keys(K8S_FILES).join(', ')}`];
  }
  const validate = k8sValidator(kind);
  return validate(obj) ? [] : format(validate.errors, `${kind} `);
}

function validateNamespace(obj: any): string[] {
  const errors: string[] = [];
  if (obj.apiVersion !== 'v1') errors.push(`Namespace apiVersion must be "v1", got ${JSON.stringify(obj.apiVersion)}`);
  const name = obj.metadata?.name;
  if (typeof name !== 'string' || !DNS_LABEL.test(name)) errors.push(`Namespace metadata.name ${JSON.stringify(name)} is not a DNS-1123 label`);
  const unknown = Object.keys(obj).filter((k) => !['apiVersion', 'kind', 'metadata', 'spec', 'status'].includes(k));
  if (unknown.length) errors.push(`Namespace has unknown top-level keys: ${unknown.join(', ')}`);
  // ObjectMeta is the same in every schema; borrow it from the smallest one.
  const meta = k8sValidator('ConfigMap');
  if (!meta({ apiVersion: 'v1', kind: 'ConfigMap', metadata: obj.metadata })) errors.push(...format(meta.errors, 'Namespace '));
  return errors;
}
