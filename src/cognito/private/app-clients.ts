/**
 * App client resources: client-credentials clients from the model's clients, and the ALB's sign-in client.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-userpoolclient.html
 */
import type { AppClient, ServiceModel, UserAuth } from '../../spec/model';
import { CfnResource, ref } from '../cloudformation';

/** Logical id of the user pool every client belongs to. */
export const USER_POOL = 'UserPool';
/** Logical id of the resource server that owns the custom scopes. */
export const RESOURCE_SERVER = 'ResourceServer';

/** Settings every client shares: no password flows, no user enumeration, revocable tokens. */
function baseProperties(name: string, model: ServiceModel): Record<string, unknown> {
  return {
    UserPoolId: ref(USER_POOL),
    ClientName: name,
    // Tokens are only ever refreshed; no client signs users in with a password through the API.
    ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
    PreventUserExistenceErrors: 'ENABLED',
    EnableTokenRevocation: true,
    AccessTokenValidity: model.cognito.accessTokenValidityMinutes,
  };
}

/** A client of the model: client credentials with its scopes, or no OAuth flow at all when it has none. */
export function renderAppClient(client: AppClient, model: ServiceModel): CfnResource {
  const oauth = client.scopes.length === 0 ? {} : {
    AllowedOAuthFlows: ['client_credentials'],
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthScopes: client.scopes.map((s) => s.fullName),
    SupportedIdentityProviders: ['COGNITO'],
  };
  return {
    Type: 'AWS::Cognito::UserPoolClient',
    // Cognito rejects a client whose custom scopes do not exist yet.
    ...(client.scopes.length > 0 ? { DependsOn: [RESOURCE_SERVER] } : {}),
    Properties: {
      ...baseProperties(client.name, model),
      GenerateSecret: client.generateSecret,
      TokenValidityUnits: { AccessToken: 'minutes' },
      ...oauth,
    },
  };
}

/** The web client the ALB signs users in with through the hosted UI (authorization code flow). */
export function renderWebClient(userAuth: UserAuth, model: ServiceModel): CfnResource {
  const validity = model.cognito.accessTokenValidityMinutes;
  // Cognito wants the refresh token to outlive the access and ID tokens, and at least an hour.
  const refreshMinutes = Math.max(60, validity, Math.ceil(userAuth.sessionTimeoutSeconds / 60));
  return {
    Type: 'AWS::Cognito::UserPoolClient',
    Properties: {
      ...baseProperties(userAuth.webClient.name, model),
      // The ALB authenticates to the token endpoint with the client secret.
      GenerateSecret: true,
      IdTokenValidity: validity,
      RefreshTokenValidity: refreshMinutes,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' },
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid', 'email'],
      CallbackURLs: [userAuth.webClient.callbackUrl],
      LogoutURLs: [`https://${userAuth.host}/`],
      SupportedIdentityProviders: ['COGNITO'],
    },
  };
}
