/**
 * Validators over the upstream schemas kept in test/schemas/upstream (provenance in its README.md), plus the
 * rules those tools enforce beyond their schemas. Each returns a list of readable errors; an empty list means valid.
 * @see https://github.com/yannh/kubernetes-json-schema
 * @see https://github.com/eksctl-io/eksctl/blob/main/pkg/apis/eksctl.io/v1alpha5/assets/schema.json
 * @see https://github.com/aws-cloudformation/aws-cloudformation-resource-schema
 * @see https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/main/docs/guide/ingress/annotations.md
 */
export { validateAlbAnnotations } from './alb-annotations';
export { validateCloudFormationTemplate } from './cloudformation';
export { validateEksctl } from './eksctl';
export { validateKubernetes } from './kubernetes';
