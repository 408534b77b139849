/**
 * What the local issuer needs to imitate the service's user pool: rendered from the model into
 * `.eks-cognito-kit/issuer.json`, read back by `eks-cognito-kit issuer`. Public values only.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html
 */
import { createHash } from 'node:crypto';
import type { ServiceModel } from '../spec';
import { webClientSettings, WebClientSettings } from './hosted-ui/web-client-settings';

/** Path of the issuer spec, relative to the service repository root. */
export const ISSUER_SPEC_PATH = '.eks-cognito-kit/issuer.json';

/** Folder of the git-ignored dev credentials, relative to the service repository root. */
export const LOCAL_CREDENTIALS_DIR = '.eks-cognito-kit/local';

/** An app client the issuer knows, with the full scope names it may request. */
export interface IssuerClientSpec {
  readonly name: string;
  /** Suffix of `CLIENT_CREDENTIALS_<envName>`. */
  readonly envName: string;
  readonly generateSecret: boolean;
  /** Full scope names (`<identifier>/<name>`), as they appear in the token's `scope` claim. */
  readonly scopes: readonly string[];
}

/** The ALB sign-in half, present when the service has `userAuth`; the hosted UI's settings come from the Cognito template. */
export interface IssuerUserAuthSpec extends WebClientSettings {
  /** The web app client the ALB signs users in with; its id becomes the token header's `client`. */
  readonly webClientName: string;
  /** A well-formed but fake ALB ARN; the header's `signer`. */
  readonly albArn: string;
  /** How long a signed `x-amzn-oidc-data` token stays valid. */
  readonly sessionTimeoutSeconds: number;
}

/** An outbound call of the service, for `--print-env`: where the call goes locally and which client's credentials it uses. */
export interface IssuerCallSpec {
  readonly name: string;
  /** Suffix of `CALL_<envName>_BASE_URL`. */
  readonly envName: string;
  /** The app client's name; `CLIENT_ID_<clientEnvName>` and `CLIENT_SECRET_<clientEnvName>` hold its credentials. */
  readonly client: string;
  readonly clientEnvName: string;
  /** The spec's base URL; a call to the service's own host goes to the local service instead. */
  readonly baseUrl: string;
  readonly self: boolean;
}

/** The content of `.eks-cognito-kit/issuer.json`. */
export interface IssuerSpec {
  readonly service: string;
  readonly region: string;
  /** `<region>_LocalDev<hash>`, shaped like a real user pool id so the Cognito verifier accepts it. */
  readonly userPoolId: string;
  readonly issuerPort: number;
  readonly servicePort: number;
  readonly accessTokenValiditySeconds: number;
  readonly resourceServer: string;
  readonly clients: readonly IssuerClientSpec[];
  readonly userAuth?: IssuerUserAuthSpec;
  /** The service's outbound calls; absent when it makes none. */
  readonly calls?: readonly IssuerCallSpec[];
}

/** Renders the issuer spec from the model; pure, so the same model always gives the same file. */
export function toIssuerSpec(model: ServiceModel): IssuerSpec {
  const userAuth = model.userAuth;
  return {
    service: model.name,
    region: model.region,
    userPoolId: localUserPoolId(model.name, model.region),
    issuerPort: model.local.issuerPort,
    servicePort: model.workload.port,
    accessTokenValiditySeconds: model.cognito.accessTokenValidityMinutes * 60,
    resourceServer: model.cognito.resourceServer.identifier,
    clients: model.cognito.clients.map((c) => ({
      name: c.name,
      envName: c.envName,
      generateSecret: c.generateSecret,
      scopes: c.scopes.map((s) => s.fullName),
    })),
    ...(userAuth && {
      userAuth: {
        webClientName: userAuth.webClient.name,
        albArn: localAlbArn(model.name, model.region),
        sessionTimeoutSeconds: userAuth.sessionTimeoutSeconds,
        ...webClientSettings(model)!,
      },
    }),
    ...(model.calls.length > 0 && {
      calls: model.calls.map((c) => ({
        name: c.name,
        envName: c.envName,
        client: c.client.name,
        clientEnvName: c.client.envName,
        baseUrl: c.baseUrl,
        self: c.self,
      })),
    }),
  };
}

/** The `iss` claim Cognito puts in tokens of the given pool. */
export function cognitoIssuer(spec: Pick<IssuerSpec, 'region' | 'userPoolId'>): string {
  return `https://cognito-idp.${spec.region}.amazonaws.com/${spec.userPoolId}`;
}

/** A stable local user pool id: `<region>_LocalDev` and six hex digits of the service name's hash. */
export function localUserPoolId(service: string, region: string): string {
  return `${region}_LocalDev${digest(service).slice(0, 6)}`;
}

/** A fake ALB ARN in the service's region; account 000000000000 never exists, so it cannot be mistaken for a real one. */
export function localAlbArn(service: string, region: string): string {
  // ALB names are at most 32 characters and may not end with a hyphen.
  const name = `${service.slice(0, 26).replace(/-+$/, '')}-local`;
  return `arn:aws:elasticloadbalancing:${region}:000000000000:loadbalancer/app/${name}/${digest(`alb:${service}`).slice(0, 16)}`;
}

function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
