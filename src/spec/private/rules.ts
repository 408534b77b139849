/**
 * Syntax rules of the AWS and Kubernetes values a spec names.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/names/
 */
import { isIP } from 'node:net';

/** Regions where EKS and Cognito user pools are offered. */
export const KNOWN_REGIONS: readonly string[] = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
  'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-south-1', 'ap-south-2',
  'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-7',
  'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
  'ca-central-1', 'ca-west-1',
  'eu-central-1', 'eu-central-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-south-1', 'eu-south-2', 'eu-north-1',
  'il-central-1', 'me-south-1', 'me-central-1', 'mx-central-1', 'sa-east-1',
  'us-gov-east-1', 'us-gov-west-1', 'cn-north-1', 'cn-northwest-1',
];

/** Oldest and newest Kubernetes minor versions EKS (and eksctl) accept today. */
export const KUBERNETES_MINORS = { oldest: 33, newest: 35 } as const;

/** The AWS partition of a region. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** A DNS-1123 label: lower-case alphanumerics and '-', 1 to 63 characters. */
export function isDnsLabel(value: string): boolean {
  return value.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(value);
}

/** A fully qualified DNS host name (at least two labels, no wildcard). */
export function isHostName(value: string): boolean {
  const labels = value.split('.');
  return value.length <= 253 && labels.length >= 2 && labels.every(isDnsLabel);
}

/** An IPv4 or IPv6 CIDR, as Go's net.ParseCIDR (used by the load balancer controller) accepts it. */
export function isCidr(value: string): boolean {
  const match = /^([^/]+)\/(\d{1,3})$/.exec(value);
  if (!match) return false;
  const family = isIP(match[1]);
  const bits = Number(match[2]);
  return (family === 4 && bits <= 32) || (family === 6 && bits <= 128);
}

/** An ACM certificate ARN in the given region. */
export function isCertificateArn(value: string, region: string): boolean {
  return new RegExp(`^arn:${partitionOf(region)}:acm:${region}:\\d{12}:certificate/[0-9a-f-]{36}$`).test(value);
}

/** A regional WAFv2 web ACL ARN in the given region. */
export function isWafAclArn(value: string, region: string): boolean {
  return new RegExp(`^arn:${partitionOf(region)}:wafv2:${region}:\\d{12}:regional/webacl/[\\w-]{1,128}/[0-9a-f-]{36}$`).test(value);
}

/** An Application Load Balancer ARN in the given region. */
export function isAlbArn(value: string, region: string): boolean {
  return new RegExp(`^arn:${partitionOf(region)}:elasticloadbalancing:${region}:\\d{12}:loadbalancer/app/[-a-zA-Z0-9]{1,32}/[0-9a-f]{16}$`).test(value);
}

/** An IngressGroup name as the load balancer controller accepts it. */
export function isIngressGroupName(value: string): boolean {
  return value.length <= 63 && /^([a-z0-9][-a-z0-9.]*)?[a-z0-9]$/.test(value);
}

/** A Cognito hosted-domain prefix. */
export function isDomainPrefix(value: string): boolean {
  return isDnsLabel(value) && !/aws|amazon|cognito/.test(value);
}

/** A Cognito custom scope name (printable ASCII without space, quote, slash or backslash). */
export function isScopeName(value: string): boolean {
  return value.length >= 1 && value.length <= 256 && /^[\x21\x23-\x2E\x30-\x5B\x5D-\x7E]+$/.test(value);
}

/** A Cognito app client name. */
export function isClientName(value: string): boolean {
  return value.length >= 1 && value.length <= 128 && /^[A-Za-z][\w+=,.@-]*$/.test(value);
}

/** A JavaScript identifier usable as a handler name. */
export function isIdentifier(value: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(value);
}

/** An integer within [min, max]. */
export function isIntIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}
