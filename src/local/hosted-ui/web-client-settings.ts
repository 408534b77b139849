/**
 * What the hosted UI needs from the user pool and its web client, read from the rendered Cognito
 * template itself, so the local sign-in cannot drift from what `cognito/cognito-stack.yaml` deploys.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-userpool.html
 */
import type { PasswordPolicy } from './password-policy';
import { renderCognitoTemplate } from '../../cognito/cognito-template';
import type { ServiceModel } from '../../spec';

/** The user pool and web client settings of issuer.json's `userAuth`. */
export interface WebClientSettings {
  /** The web client's `CallbackURLs`. */
  readonly callbackUrls: readonly string[];
  /** The web client's `LogoutURLs`. */
  readonly logoutUrls: readonly string[];
  /** The web client's `AllowedOAuthScopes`. */
  readonly scopes: readonly string[];
  readonly idTokenValiditySeconds: number;
  readonly refreshTokenValiditySeconds: number;
  readonly passwordPolicy: PasswordPolicy;
  /** The negation of the pool's `AdminCreateUserConfig.AllowAdminCreateUserOnly`. */
  readonly selfSignUp: boolean;
  /** The pool's `AutoVerifiedAttributes`: with `email`, sign-up sends a confirmation code. */
  readonly autoVerifiedAttributes: readonly string[];
}

/** Reads the settings out of the template the model renders; undefined without `userAuth`. */
export function webClientSettings(model: ServiceModel): WebClientSettings | undefined {
  if (!model.userAuth) return undefined;
  const resources = renderCognitoTemplate(model).Resources;
  const pool = resources.UserPool.Properties as Record<string, any>;
  const client = resources[model.userAuth.webClient.logicalId].Properties as Record<string, any>;
  const units = client.TokenValidityUnits as Record<string, string>;
  const policy = pool.Policies.PasswordPolicy as Record<string, any>;
  return {
    callbackUrls: client.CallbackURLs,
    logoutUrls: client.LogoutURLs,
    scopes: client.AllowedOAuthScopes,
    idTokenValiditySeconds: seconds(client.IdTokenValidity, units.IdToken),
    refreshTokenValiditySeconds: seconds(client.RefreshTokenValidity, units.RefreshToken),
    passwordPolicy: {
      minimumLength: policy.MinimumLength,
      requireLowercase: policy.RequireLowercase,
      requireUppercase: policy.RequireUppercase,
      requireNumbers: policy.RequireNumbers,
      requireSymbols: policy.RequireSymbols,
    },
    selfSignUp: pool.AdminCreateUserConfig.AllowAdminCreateUserOnly === false,
    autoVerifiedAttributes: pool.AutoVerifiedAttributes ?? [],
  };
}

function seconds(value: number, unit: string): number {
  const factor: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };
  if (!(unit in factor)) throw new Error(`the Cognito template uses token validity unit "${unit}", which the local issuer does not know; add it to web-client-settings.ts.`);
  return value * factor[unit];
}
