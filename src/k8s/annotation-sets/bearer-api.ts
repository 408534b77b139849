/**
 * The `bearer-api` annotation set: an HTTPS-only ALB for callers that send OAuth 2.0 access tokens
 * (seed 003). The service verifies every token; the ALB only narrows who can connect.
 * @see https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/
 */
import { ALB_PREFIX, AnnotationSet } from '../annotation-set';

/** HTTPS listener only, inbound CIDRs, and the optional WAFv2 web ACL and IngressGroup. */
export const BearerApi: AnnotationSet = {
  name: 'bearer-api',
  description: 'HTTPS-only ALB (no port 80 at all, so a token is never sent in clear), limited to ingress.inboundCidrs, with the optional WAF web ACL and IngressGroup.',
  annotations: (model) => {
    const { inboundCidrs, wafAclArn, groupName } = model.ingress;
    return {
      [`${ALB_PREFIX}listen-ports`]: JSON.stringify([{ HTTPS: 443 }]),
      [`${ALB_PREFIX}inbound-cidrs`]: inboundCidrs.join(','),
      ...(wafAclArn ? { [`${ALB_PREFIX}wafv2-acl-arn`]: wafAclArn } : {}),
      ...(groupName ? { [`${ALB_PREFIX}group.name`]: groupName } : {}),
    };
  },
};
