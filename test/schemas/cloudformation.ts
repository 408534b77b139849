/**
 * Validates CloudFormation templates' Cognito resources against the upstream resource schemas plus the Cognito API's rules.
 * @see https://github.com/aws-cloudformation/aws-cloudformation-resource-schema
 */
import { ValidateFunction } from 'ajv';
import { format, newAjv } from './private/ajv';
import { load } from './private/schema-files';
import { cached, isObject, notAnObject } from './private/util';

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
  const ajv = newAjv({ allErrors: true, strict: false });
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
