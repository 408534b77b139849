/**
 * Validators over the upstream schemas in ../shared/schemas (see its README.md), plus the rules those tools
 * enforce beyond their schemas. Each returns a list of readable errors; an empty list means valid.
 * @see https://github.com/yannh/kubernetes-json-schema
 * @see https://github.com/eksctl-io/eksctl/blob/main/pkg/apis/eksctl.io/v1alpha5/assets/schema.json
 * @see https://github.com/aws-cloudformation/aws-cloudformation-resource-schema
 * @see https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/main/docs/guide/ingress/annotations.md
 */
import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import * as path from 'node:path';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const SCHEMAS = path.resolve(__dirname, '..', '..', 'shared', 'schemas');

function load(relative: string): any {
  const file = path.join(SCHEMAS, relative);
  if (!existsSync(file)) {
    throw new Error(`Upstream schema ${file} is missing; the validators need the shared/schemas folder beside the repository (see shared/schemas/README.md).`);
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

function format(errors: ErrorObject[] | null | undefined, prefix = ''): string[] {
  return (errors ?? []).map((e) => {
    const extra = e.keyword === 'additionalProperties' ? ` (${(e.params as any).additionalProperty})`
      : e.keyword === 'enum' ? ` (${JSON.stringify((e.params as any).allowedValues)})` : '';
    return `${prefix}${e.instancePath || '/'} ${e.message}${extra}`;
  });
}

function cached<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function notAnObject(what: string, value: unknown): string {
  return `${what} must be an object (parse the YAML first), got ${typeof value === 'string' ? 'a string' : JSON.stringify(value)}`;
}

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
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv);
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

const SUPPORTED_EKS_VERSIONS = ['1.33', '1.34', '1.35'];
const POD_IDENTITY_PERMISSIONS = ['roleARN', 'permissionPolicy', 'permissionPolicyARNs', 'wellKnownPolicies'];

const eksctlFacts = cached(() => load('eksctl/eksctl-facts.json'));
const eksctlValidator = cached(() => {
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv);
  ['preferredOrder', 'x-intellij-html-description', 'x-kubernetes-group-version-kind'].forEach((k) => ajv.addKeyword(k));
  return ajv.compile(load('eksctl/clusterconfig-v1alpha5.schema.json'));
});

/** Validates an eksctl ClusterConfig against the schema and the run-time rules in eksctl-facts.json. */
export function validateEksctl(obj: any): string[] {
  if (!isObject(obj)) return [notAnObject('ClusterConfig', obj)];
  const facts = eksctlFacts();
  const validate = eksctlValidator();
  const errors = validate(obj) ? [] : format(validate.errors, 'ClusterConfig ');

  const version = obj?.metadata?.version;
  const known: string[] = facts.kubernetesVersions.versionConstantsInTypesGo;
  if (!SUPPORTED_EKS_VERSIONS.includes(version)) {
    errors.push(known.includes(version) && Number(version.split('.')[1]) < 33
      ? `metadata.version: invalid version, ${version} is no longer supported, supported values: ${SUPPORTED_EKS_VERSIONS.join(', ')}`
      : `metadata.version: invalid version ${JSON.stringify(version)}, supported values: ${SUPPORTED_EKS_VERSIONS.join(', ')}`);
  }

  for (const key of ['managedNodeGroups', 'nodeGroups']) {
    (obj?.[key] ?? []).forEach((ng: any, i: number) => {
      if (ng?.iam?.withAddonPolicies?.albIngress !== undefined) {
        errors.push(`${key}[${i}].iam.withAddonPolicies.albIngress is deprecated; use awsLoadBalancerController (better: a pod identity association)`);
      }
    });
  }

  const associations: Array<[string, any]> = [
    ...(obj?.iam?.podIdentityAssociations ?? []).map((a: any, i: number) => [`iam.podIdentityAssociations[${i}]`, a]),
    ...(obj?.addons ?? []).flatMap((addon: any, j: number) =>
      (addon?.podIdentityAssociations ?? []).map((a: any, i: number) => [`addons[${j}].podIdentityAssociations[${i}]`, a])),
  ];
  for (const [at, a] of associations) {
    if (!a?.namespace) errors.push(`${at}.namespace must be set`);
    if (!a?.serviceAccountName) errors.push(`${at}.serviceAccountName must be set`);
    const given = POD_IDENTITY_PERMISSIONS.filter((k) => a?.[k] !== undefined);
    if (given.length === 0) errors.push(`${at} needs at least one of ${POD_IDENTITY_PERMISSIONS.join(', ')}`);
    if (given.includes('roleARN') && given.length > 1) errors.push(`${at}.roleARN excludes ${given.filter((k) => k !== 'roleARN').join(', ')}`);
  }
  const hasAgent = (obj?.addons ?? []).some((a: any) => a?.name === 'eks-pod-identity-agent');
  if (associations.length > 0 && !hasAgent) errors.push('addons must include eks-pod-identity-agent when pod identity associations are used');
  return errors;
}

const CFN_TYPES: Record<string, string> = {
  'AWS::Cognito::UserPool': 'AWS_Cognito_UserPool.json',
  'AWS::Cognito::UserPoolClient': 'AWS_Cognito_UserPoolClient.json',
  'AWS::Cognito::UserPoolResourceServer': 'AWS_Cognito_UserPoolResourceServer.json',
  'AWS::Cognito::UserPoolDomain': 'AWS_Cognito_UserPoolDomain.json',
};

/** Placeholder values of a plausible shape for `Ref` and `Fn::GetAtt` of each resource type. */
const REF_PLACEHOLDER: Record<string, string> = {
  'AWS::Cognito::UserPool': 'ap-southeast-1_AbCdEf123',
  'AWS::Cognito::UserPoolClient': '1example23456789abcdefghij',
  'AWS::Cognito::UserPoolResourceServer': 'https://gateway.example.com',
  'AWS::Cognito::UserPoolDomain': 'demo-prefix',
};
const ATT_PLACEHOLDER: Record<string, string> = {
  Arn: 'arn:aws:cognito-idp:ap-southeast-1:123456789012:userpool/ap-southeast-1_AbCdEf123',
  UserPoolId: 'ap-southeast-1_AbCdEf123',
  ProviderName: 'cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_AbCdEf123',
  ProviderURL: 'https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_AbCdEf123',
  ClientId: '1example23456789abcdefghij',
  Name: 'client-name',
  CloudFrontDistribution: 'd111111abcdef8.cloudfront.net',
};
const PSEUDO: Record<string, string> = {
  'AWS::Region': 'ap-southeast-1',
  'AWS::AccountId': '123456789012',
  'AWS::StackName': 'demo-cognito',
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
  'AWS::StackId': 'arn:aws:cloudformation:ap-southeast-1:123456789012:stack/demo/x',
};
const TEMPLATE_KEYS = ['AWSTemplateFormatVersion', 'Description', 'Metadata', 'Parameters', 'Rules', 'Mappings', 'Conditions', 'Transform', 'Resources', 'Outputs'];
const RESOURCE_KEYS = ['Type', 'Properties', 'DependsOn', 'DeletionPolicy', 'UpdateReplacePolicy', 'Condition', 'Metadata'];
/** Values the Cognito API accepts for enum-like fields the registry schema types only as string. */
const COGNITO_ENUMS: Record<string, string[]> = {
  ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_AUTH'],
  AllowedOAuthFlows: ['code', 'implicit', 'client_credentials'],
  PreventUserExistenceErrors: ['ENABLED', 'LEGACY'],
};

const cfnValidators = cached(() => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const out: Record<string, { validate: ValidateFunction; readOnly: string[] }> = {};
  for (const [type, file] of Object.entries(CFN_TYPES)) {
    const s = load(`cloudformation/${file}`);
    out[type] = {
      validate: ajv.compile({ type: 'object', properties: s.properties, definitions: s.definitions, required: s.required, additionalProperties: s.additionalProperties }),
      readOnly: (s.readOnlyProperties ?? []).map((p: string) => p.replace('/properties/', '')),
    };
  }
  return out;
});

/** Validates a CloudFormation template's Cognito resources, references and outputs. */
export function validateCloudFormationTemplate(template: any): string[] {
  if (!isObject(template)) return [notAnObject('template', template)];
  const errors: string[] = [];
  const resources: Record<string, any> = template?.Resources ?? {};
  const parameters: Record<string, any> = template?.Parameters ?? {};
  const unknownTop = Object.keys(template ?? {}).filter((k) => !TEMPLATE_KEYS.includes(k));
  if (unknownTop.length) errors.push(`template has unknown top-level keys: ${unknownTop.join(', ')}`);
  if (Object.keys(resources).length === 0) errors.push('template has no Resources');
  const validators = cfnValidators();

  const resolve = (value: any, at: string): any => {
    if (Array.isArray(value)) return value.map((v, i) => resolve(v, `${at}[${i}]`));
    if (value === null || typeof value !== 'object') return value;
    const keys = Object.keys(value);
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) return intrinsic(keys[0], value[keys[0]], at);
    return Object.fromEntries(keys.map((k) => [k, resolve(value[k], `${at}.${k}`)]));
  };
  const ref = (name: string, at: string): string => {
    if (PSEUDO[name]) return PSEUDO[name];
    if (parameters[name]) return 'parameter-value';
    if (resources[name]) return REF_PLACEHOLDER[resources[name].Type] ?? `ref-${name}`;
    errors.push(`${at}: Ref target ${name} is neither a resource, a parameter nor a pseudo parameter`);
    return 'unresolved';
  };
  const getAtt = (id: string, attr: string, at: string): string => {
    const target = resources[id];
    if (!target) {
      errors.push(`${at}: Fn::GetAtt target ${id} is not a resource`);
      return 'unresolved';
    }
    const attrs = validators[target.Type]?.readOnly ?? [];
    if (!attrs.includes(attr)) errors.push(`${at}: ${target.Type} ${id} has no attribute ${attr} (has ${attrs.join(', ') || 'none'})`);
    if (attr === 'ClientSecret') errors.push(`${at}: reads a client secret into the template; secrets must stay in Cognito`);
    return ATT_PLACEHOLDER[attr] ?? `att-${attr}`;
  };
  const intrinsic = (fn: string, arg: any, at: string): any => {
    switch (fn) {
      case 'Ref': return ref(arg, at);
      case 'Fn::GetAtt': {
        const [id, attr] = Array.isArray(arg) ? arg : String(arg).split('.');
        return getAtt(id, attr, at);
      }
      case 'Fn::Sub': {
        const [text, vars] = Array.isArray(arg) ? arg : [arg, {}];
        if (typeof text !== 'string') {
          errors.push(`${at}: Fn::Sub needs a string`);
          return 'unresolved';
        }
        return text.replace(/\$\{([^}!]+)\}/g, (_m, name: string) => {
          if (vars?.[name] !== undefined) return String(resolve(vars[name], `${at}.${name}`));
          const dot = name.indexOf('.');
          return dot > 0 && !name.startsWith('AWS::') ? getAtt(name.slice(0, dot), name.slice(dot + 1), at) : ref(name, at);
        });
      }
      case 'Fn::Join': {
        const [sep, list] = arg ?? [];
        const items = resolve(list, at);
        return Array.isArray(items) ? items.join(sep) : (errors.push(`${at}: Fn::Join needs [delimiter, list]`), 'unresolved');
      }
      default:
        errors.push(`${at}: unsupported intrinsic ${fn}`);
        return 'unresolved';
    }
  };

  for (const [id, resource] of Object.entries(resources)) {
    const at = `Resources.${id}`;
    const extra = Object.keys(resource ?? {}).filter((k) => !RESOURCE_KEYS.includes(k));
    if (extra.length) errors.push(`${at} has unknown keys: ${extra.join(', ')}`);
    const v = validators[resource?.Type];
    if (!v) {
      errors.push(`${at}: unknown resource type ${JSON.stringify(resource?.Type)} (known: ${Object.keys(CFN_TYPES).join(', ')})`);
      continue;
    }
    [resource.DependsOn ?? []].flat().forEach((d: string) => {
      if (!resources[d]) errors.push(`${at}.DependsOn names ${d}, which is not a resource`);
    });
    const props = resolve(resource.Properties ?? {}, `${at}.Properties`);
    if (!v.validate(props)) errors.push(...format(v.validate.errors, `${at}.Properties`));
    v.readOnly.filter((p) => p in props).forEach((p) => errors.push(`${at}.Properties.${p} is read-only and must not be set in a template`));
    errors.push(...cognitoApiRules(resource.Type, props, `${at}.Properties`));
  }
  for (const [name, output] of Object.entries<any>(template?.Outputs ?? {})) {
    if (output?.Value === undefined) errors.push(`Outputs.${name} has no Value`);
    else if (typeof resolve(output.Value, `Outputs.${name}.Value`) !== 'string') errors.push(`Outputs.${name}.Value does not resolve to a string`);
  }
  return errors;
}

/** Rules the Cognito API enforces at deploy time that the registry schema does not express. */
function cognitoApiRules(type: string, props: any, at: string): string[] {
  if (type !== 'AWS::Cognito::UserPoolClient') return [];
  const errors: string[] = [];
  for (const [key, allowed] of Object.entries(COGNITO_ENUMS)) {
    [props[key] ?? []].flat().filter((v: string) => !allowed.includes(v))
      .forEach((v: string) => errors.push(`${at}.${key}: ${JSON.stringify(v)} is not one of ${allowed.join(', ')}`));
  }
  const flows: string[] = props.AllowedOAuthFlows ?? [];
  if (flows.includes('client_credentials')) {
    if (flows.length > 1) errors.push(`${at}.AllowedOAuthFlows: client_credentials cannot be combined with ${flows.filter((f) => f !== 'client_credentials').join(', ')}`);
    if (props.GenerateSecret !== true) errors.push(`${at}: the client_credentials flow needs GenerateSecret: true`);
    if (!(props.AllowedOAuthScopes ?? []).length) errors.push(`${at}: the client_credentials flow needs AllowedOAuthScopes`);
  }
  if (flows.length && props.AllowedOAuthFlowsUserPoolClient !== true) errors.push(`${at}: AllowedOAuthFlows need AllowedOAuthFlowsUserPoolClient: true`);
  if (flows.some((f) => f !== 'client_credentials') && !(props.CallbackURLs ?? []).length) errors.push(`${at}: the code/implicit flows need CallbackURLs`);
  return errors;
}

const albFacts = cached(() => {
  const doc = load('aws-load-balancer-controller/annotations.json');
  const ajv = new Ajv({ allErrors: true });
  return (doc.annotations as any[]).map((a) => ({
    ...a,
    keyRegex: a.keyPattern ? new RegExp(a.keyPattern) : undefined,
    jsonValidate: a.jsonSchema ? ajv.compile(a.jsonSchema) : undefined,
  }));
});
const PARSE_BOOL = ['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'];
const ALB = 'alb.ingress.kubernetes.io/';

function isCidr(value: string): boolean {
  const [ip, bits, ...rest] = value.split('/');
  const family = isIP(ip);
  return rest.length === 0 && family !== 0 && /^\d+$/.test(bits ?? '') && Number(bits) <= (family === 4 ? 32 : 128);
}

function checkValue(fact: any, key: string, value: string): string[] {
  const errors: string[] = [];
  const bad = (why: string) => errors.push(`${key}: ${JSON.stringify(value)} ${why}`);
  if (typeof value !== 'string') return [`${key}: annotation values must be strings, got ${typeof value}`];
  if (Array.isArray(fact.allowedValues) && !fact.allowedValues.includes(value)) bad(`is not one of ${fact.allowedValues.join(', ')}`);
  for (const p of [fact.pattern, fact.recommendedPattern].filter(Boolean)) {
    if (fact.type !== 'stringList' && !new RegExp(p).test(value)) bad(`does not match ${p}`);
  }
  if (fact.maxLength !== undefined && value.length > fact.maxLength) bad(`is longer than ${fact.maxLength} characters`);
  if (fact.type === 'integer') {
    const n = Number(value);
    if (!/^-?[0-9]+$/.test(value)) bad('is not an integer');
    else if ((fact.minimum !== undefined && n < fact.minimum) || (fact.maximum !== undefined && n > fact.maximum)) bad(`is outside [${fact.minimum}, ${fact.maximum}]`);
  }
  if (fact.type === 'boolean' && !PARSE_BOOL.includes(value)) bad('is not a Go ParseBool value');
  if (fact.type === 'stringList') {
    const items = value.split(',').map((s) => s.trim()).filter(Boolean);
    if (items.length === 0) bad('is an empty list');
    if (key === `${ALB}inbound-cidrs`) items.filter((c) => !isCidr(c)).forEach((c) => bad(`has an invalid CIDR address: ${c}`));
    if (fact.recommendedPattern) items.filter((i) => !new RegExp(fact.recommendedPattern).test(i)).forEach((i) => bad(`has ${i}, which does not match ${fact.recommendedPattern}`));
  }
  if (fact.type === 'stringMap') {
    value.split(/(?<!\\),/).map((s) => s.trim()).filter(Boolean).forEach((pair) => {
      const eq = pair.indexOf('=');
      if (eq <= 0) bad(`has ${JSON.stringify(pair)}, not a key=value pair`);
    });
  }
  if (fact.type === 'json') {
    let parsed: any;
    try {
      parsed = JSON.parse(value);
    } catch {
      return [...errors, `${key}: failed to parse json annotation: ${value}`];
    }
    if (fact.jsonValidate && !fact.jsonValidate(parsed)) errors.push(...format(fact.jsonValidate.errors, `${key} `));
  }
  return errors;
}

function listeners(annotations: Record<string, string>): Array<{ protocol: string; port: number }> {
  const raw = annotations[`${ALB}listen-ports`];
  if (raw === undefined) return annotations[`${ALB}certificate-arn`] ? [{ protocol: 'HTTPS', port: 443 }] : [{ protocol: 'HTTP', port: 80 }];
  try {
    return (JSON.parse(raw) as any[]).flatMap((o) => Object.entries(o).map(([protocol, port]) => ({ protocol, port: Number(port) })));
  } catch {
    return [];
  }
}

/** Validates ALB Ingress annotations (and, when given, the Ingress's class and paths) as the controller would. */
export function validateAlbAnnotations(annotations: Record<string, string>, ingress?: any): string[] {
  const facts = albFacts();
  const errors: string[] = [];
  for (const [key, value] of Object.entries(annotations ?? {})) {
    const fact = facts.find((f) => f.key === key || f.keyRegex?.test(key));
    if (!fact) errors.push(`${key}: unknown annotation (not read by the AWS Load Balancer Controller)`);
    else errors.push(...checkValue(fact, key, value));
  }

  const ls = listeners(annotations ?? {});
  const https = ls.filter((l) => l.protocol === 'HTTPS');
  const redirect = annotations?.[`${ALB}ssl-redirect`];
  if (redirect !== undefined) {
    const l = ls.find((x) => x.port === Number(redirect));
    if (!l) errors.push(`${ALB}ssl-redirect: listener does not exist for SSLRedirect port: ${redirect}`);
    else if (l.protocol !== 'HTTPS') errors.push(`${ALB}ssl-redirect: listener protocol non-SSL for SSLRedirect port: ${redirect}`);
  }
  const authType = annotations?.[`${ALB}auth-type`];
  if (authType === 'cognito' || authType === 'oidc') {
    if (annotations[`${ALB}auth-idp-${authType}`] === undefined) errors.push(`${ALB}auth-type ${authType}: missing ${ALB}auth-idp-${authType}`);
    if (https.length === 0) errors.push(`${ALB}auth-type ${authType}: needs an HTTPS listener in listen-ports (authentication only runs on HTTPS)`);
    if (ls.some((l) => l.protocol === 'HTTP') && redirect === undefined) {
      errors.push(`${ALB}auth-type ${authType}: an HTTP listener without ssl-redirect would serve the routes unauthenticated`);
    }
  }

  if (ingress) {
    if (annotations?.['kubernetes.io/ingress.class'] !== undefined && ingress.spec?.ingressClassName !== undefined) {
      errors.push('kubernetes.io/ingress.class annotation must not be set together with spec.ingressClassName (the annotation is deprecated and wins)');
    }
    (ingress.spec?.rules ?? []).forEach((rule: any) => (rule?.http?.paths ?? []).forEach((p: any) => {
      const type = p?.pathType ?? 'ImplementationSpecific';
      if (!['Exact', 'Prefix', 'ImplementationSpecific'].includes(type)) errors.push(`unknown pathType for path ${p?.path}`);
      if ((type === 'Exact' || type === 'Prefix') && /[*?]/.test(p?.path ?? '')) {
        errors.push(`${type.toLowerCase()} path shouldn't contain wildcards: ${p.path}`);
      }
    }));
  }
  return errors;
}
