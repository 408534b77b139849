/**
 * The slice of the CloudFormation template format the kit emits, with long-form intrinsic functions
 * (YAML short tags such as `!Ref` cannot be written through a projen YamlFile).
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html
 */

/** A value CloudFormation resolves at deploy time. */
export type Intrinsic = { readonly Ref: string } | { readonly 'Fn::GetAtt': readonly [string, string] } | { readonly 'Fn::Sub': string };

/** One resource of a template. */
export interface CfnResource {
  readonly Type: string;
  readonly Properties: Record<string, unknown>;
  readonly DependsOn?: readonly string[];
  readonly DeletionPolicy?: 'Delete' | 'Retain' | 'Snapshot';
  readonly UpdateReplacePolicy?: 'Delete' | 'Retain' | 'Snapshot';
}

/** One stack output. */
export interface CfnOutput {
  readonly Description: string;
  readonly Value: string | Intrinsic;
}

/** A whole template. */
export interface CfnTemplate {
  readonly AWSTemplateFormatVersion: '2010-09-09';
  readonly Description: string;
  readonly Resources: Record<string, CfnResource>;
  readonly Outputs: Record<string, CfnOutput>;
}

/** `Ref` to a resource or a pseudo parameter. */
export function ref(logicalId: string): Intrinsic {
  return { Ref: logicalId };
}

/** `Fn::GetAtt` of a resource attribute. */
export function getAtt(logicalId: string, attribute: string): Intrinsic {
  return { 'Fn::GetAtt': [logicalId, attribute] };
}

/** `Fn::Sub` of a string with `${LogicalId}` and `${AWS::Region}` placeholders. */
export function sub(text: string): Intrinsic {
  return { 'Fn::Sub': text };
}
