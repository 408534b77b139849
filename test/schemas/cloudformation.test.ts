import { validateCloudFormationTemplate } from './cloudformation';

const template = (clientProps: Record<string, unknown>) => ({
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: {
    UserPool: { Type: 'AWS::Cognito::UserPool', Properties: { UserPoolName: 'demo-api-users' } },
    ReadClient: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: { Ref: 'UserPool' }, ClientName: 'readClient', ...clientProps } },
  },
  Outputs: { UserPoolArn: { Value: { 'Fn::GetAtt': ['UserPool', 'Arn'] } } },
});

describe('validateCloudFormationTemplate', () => {
  test('accepts a client whose pool is a Ref', () => {
    expect(validateCloudFormationTemplate(template({ GenerateSecret: true }))).toEqual([]);
  });

  test('rejects a client that sets ClientSecret', () => {
    expect(validateCloudFormationTemplate(template({ ClientSecret: 'shh' }))).toEqual([
      'Resources.ReadClient.Properties.ClientSecret is read-only and must not be set in a template',
    ]);
  });

  test('rejects dangling references, unknown types and unknown properties', () => {
    const t: any = template({ UserPoolId: { Ref: 'Missing' }, Colour: 'blue' });
    t.Resources.Bucket = { Type: 'AWS::S3::Bucket' };
    t.Outputs.Id = { Value: { 'Fn::Sub': '${Nowhere.Arn}' } };
    const errors = validateCloudFormationTemplate(t).join('\n');
    expect(errors).toMatch(/Ref target Missing/);
    expect(errors).toMatch(/Colour/);
    expect(errors).toMatch(/unknown resource type "AWS::S3::Bucket"/);
    expect(errors).toMatch(/GetAtt target Nowhere/);
  });
});
