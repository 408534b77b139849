/**
 * The service's runtime configuration: public identifiers only, never a secret.
 */
import { ConfigMap, objectMeta } from './kube-objects';
import { callClients } from './workload';
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
    data.COGNITO_HOSTED_UI_URL = model.cognito.hostedUiUrl;
    data.SIGN_OUT_REDIRECT_URI = `https://${model.userAuth.host}/`;
  }
  if (model.calls.length > 0) {
    // The outbound calls' public settings; each client's secret comes from the <name>-client-secrets Secret.
    data.TOKEN_ENDPOINT = model.cognito.tokenEndpoint;
    model.calls.forEach((c) => {
      data[`CALL_${c.envName}_BASE_URL`] = c.baseUrl;
    });
    callClients(model).forEach((c) => {
      data[`CLIENT_ID_${c.envName}`] = deployed?.clientIds[c.name] ?? '';
    });
  }
  return data;
}
