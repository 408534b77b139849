/**
 * The service's runtime configuration: public identifiers only, never a secret.
 */
import { ConfigMap, objectMeta } from './kube-objects';
import type { ServiceModel } from '../spec/model';

/** The ConfigMap `<name>-config` the Deployment loads with `envFrom`. */
export function buildConfigMap(model: ServiceModel): ConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: objectMeta(model, `${model.name}-config`),
    data: runtimeConfig(model),
  };
}

/**
 * Environment of the service. Values Cognito assigns at deploy time stay empty until the spec's
 * `cognito.deployed` is set; the service refuses to start and `k8s:apply` refuses to apply meanwhile.
 */
export function runtimeConfig(model: ServiceModel): Record<string, string> {
  const deployed = model.cognito.deployed;
  const data: Record<string, string> = {
    COGNITO_USER_POOL_ID: deployed?.userPoolId ?? '',
    COGNITO_CLIENT_IDS: deployed ? model.cognito.clients.map((c) => deployed.clientIds[c.name]).filter(Boolean).join(',') : '',
    AWS_REGION: model.region,
    PORT: String(model.workload.port),
  };
  if (model.userAuth) {
    data.ALB_ARN = model.userAuth.albArn ?? '';
    data.ALB_CLIENT_ID = deployed?.clientIds[model.userAuth.webClient.name] ?? '';
    // The managed sign-out route sends the browser to the hosted UI's /logout, then back to the sign-in host.
    data.COGNITO_HOSTED_UI_URL = `https://${model.cognito.domainPrefix}.auth.${model.region}.amazoncognito.com`;
    data.SIGN_OUT_REDIRECT_URI = `https://${model.userAuth.host}/`;
  }
  return data;
}
