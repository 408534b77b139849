/**
 * The `cognito-user-auth` annotation set: the ALB signs users in through the Cognito hosted UI
 * before forwarding (seed 000), and signs the user's claims in `x-amzn-oidc-data`.
 * @see https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/#authentication
 */
import type { ServiceModel, UserAuth } from '../../spec/model';
import { ALB_PREFIX, AnnotationSet } from '../annotation-set';

/**
 * Marks values Cognito has not assigned yet (`cognito.deployed` unset). They keep the shape the
 * controller expects, and `k8s:apply` refuses to apply manifests that contain them.
 */
export const NOT_YET_DEPLOYED = 'NotYetDeployed';

/** HTTP redirected to HTTPS, and Cognito sign-in on the HTTPS listener. */
export const CognitoUserAuth: AnnotationSet = {
  name: 'cognito-user-auth',
  description: 'ALB sign-in through the Cognito hosted UI: port 80 only redirects to 443, unauthenticated users are sent to sign in, limited to ingress.inboundCidrs.',
  annotations: (model, target) => {
    const userAuth = model.userAuth;
    if (!userAuth) {
      throw new Error(`Annotation set "cognito-user-auth" of Ingress "${target.name}" needs user sign-in; set userAuth: { host } in the spec.`);
    }
    return {
      // Authentication only runs on HTTPS listeners; HTTP must do nothing but redirect.
      [`${ALB_PREFIX}listen-ports`]: JSON.stringify([{ HTTP: 80 }, { HTTPS: 443 }]),
      [`${ALB_PREFIX}ssl-redirect`]: '443',
      [`${ALB_PREFIX}auth-type`]: 'cognito',
      [`${ALB_PREFIX}auth-idp-cognito`]: JSON.stringify(cognitoIdp(model, userAuth)),
      [`${ALB_PREFIX}auth-on-unauthenticated-request`]: 'authenticate',
      [`${ALB_PREFIX}auth-scope`]: 'openid',
      [`${ALB_PREFIX}auth-session-timeout`]: String(userAuth.sessionTimeoutSeconds),
      [`${ALB_PREFIX}inbound-cidrs`]: model.ingress.inboundCidrs.join(','),
    };
  },
};

/** The user pool, web client and hosted-domain prefix, or `NotYetDeployed` placeholders of the same shape. */
function cognitoIdp(model: ServiceModel, userAuth: UserAuth) {
  const deployed = model.cognito.deployed;
  return {
    userPoolARN: deployed?.userPoolArn ?? `arn:aws:cognito-idp:${model.region}:000000000000:userpool/${model.region}_${NOT_YET_DEPLOYED}`,
    userPoolClientID: deployed?.clientIds[userAuth.webClient.name] ?? NOT_YET_DEPLOYED,
    // The controller wants the prefix of a Cognito-hosted domain, not its URL.
    userPoolDomain: model.cognito.domainPrefix,
  };
}
