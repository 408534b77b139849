import { albUserAuth, createAlbUserVerifier } from './alb-user-verifier';
import { CLIENT_ID, readUrl, type EnvReader } from './config';
import type { ServerExtension } from './server';
import { signOut } from './sign-out';

/** Options of userSignIn, written into main.ts from the spec's userAuth. */
export interface UserSignInOptions {
  /** The path of the sign-out route (userAuth.signOutPath). */
  readonly signOutPath: string;
}

const ALB_ARN = /^arn:(?:aws|aws-cn|aws-us-gov):elasticloadbalancing:[a-z]{2}-(?:gov-)?[a-z]+-\d:\d{12}:loadbalancer\/app\/[^/\s]+\/[0-9a-f]+$/;

/**
 * User sign-in at the ALB for startServer: reads ALB_ARN, ALB_CLIENT_ID and ALB_PUBLIC_KEYS_URI for the
 * `alb-user` check, COGNITO_HOSTED_UI_URL and SIGN_OUT_REDIRECT_URI for the sign-out route, naming each
 * variable in its problem, and adds both to the app.
 */
export function userSignIn(options: UserSignInOptions): ServerExtension {
  return (read, problems, issuer) => {
    const found = problems.length;
    const clientId = required(read, 'ALB_CLIENT_ID', 'set it to the app client id the load balancer authenticates with', problems);
    if (clientId && !CLIENT_ID.test(clientId)) problems.push(`ALB_CLIENT_ID="${clientId}" is not an app client id: copy it from the user pool's app clients`);
    const albArn = readAlbArn(read, problems);
    const publicKeysUri = readUrl(read, 'ALB_PUBLIC_KEYS_URI', problems);
    const hostedUi = required(read, 'COGNITO_HOSTED_UI_URL', 'set it to the hosted UI origin, e.g. https://my-api-123.auth.eu-west-1.amazoncognito.com', problems);
    const hostedUiUrl = hostedUi && readUrl(read, 'COGNITO_HOSTED_UI_URL', problems);
    // Only an origin: /logout is appended to it, and nothing else may steer where the browser goes.
    if (hostedUiUrl && `${new URL(hostedUiUrl).origin}/` !== new URL(hostedUiUrl).href) {
      problems.push(`COGNITO_HOSTED_UI_URL="${hostedUiUrl}" is not an origin: drop the path, query and fragment, e.g. https://my-api-123.auth.eu-west-1.amazoncognito.com`);
    }
    const redirect = required(read, 'SIGN_OUT_REDIRECT_URI', 'set it to a sign-out URL of the web app client, e.g. https://<userAuth.host>/', problems);
    const redirectUri = redirect && readUrl(read, 'SIGN_OUT_REDIRECT_URI', problems);
    if (problems.length > found || !albArn || !clientId || !hostedUiUrl || !redirectUri || !issuer) return undefined;
    return {
      albUser: albUserAuth(createAlbUserVerifier({ albArn, clientId, issuer, publicKeysUri })),
      signOut: { path: options.signOutPath, handler: signOut({ hostedUiUrl: new URL(hostedUiUrl).origin, clientId, redirectUri }) },
    };
  };
}

function required(read: EnvReader, name: string, fix: string, problems: string[]): string | undefined {
  const value = read(name);
  if (value === undefined) problems.push(`${name} is not set but the service signs users in at the ALB: ${fix}`);
  return value;
}

function readAlbArn(read: EnvReader, problems: string[]): string | undefined {
  const fix = 'set it to the load balancer ARN, e.g. arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/my-alb/50dc6c495c0c9188';
  const albArn = required(read, 'ALB_ARN', fix, problems);
  if (albArn && !ALB_ARN.test(albArn)) {
    problems.push(`ALB_ARN="${albArn}" is not an application load balancer ARN: use arn:aws:elasticloadbalancing:<region>:<account>:loadbalancer/app/<name>/<id>`);
  }
  return albArn;
}
