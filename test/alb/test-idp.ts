/**
 * A small Cognito-like IdP for the local ALB's tests, on node:http at 127.0.0.1: authorize (as if the
 * user already had a hosted-UI session), token (authorization_code, client secret by Basic or form),
 * userInfo and the pool's JWKS, with real RS256 signatures. Knobs let a test make it misbehave.
 */
import { createHash, generateKeyPairSync, KeyObject, randomBytes, sign } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cognitoIssuer, IssuerSpec } from '../../src/local/issuer-spec';
import { jwksPath } from '../../src/local/jwks';

/** The user the IdP signs in. */
export interface IdpUser {
  readonly sub: string;
  readonly email: string;
  readonly username: string;
}

interface Grant {
  readonly redirectUri: string;
  readonly nonce?: string;
  readonly scope: string;
  readonly exp: number;
  used: boolean;
}

/** A running test IdP; its public fields steer the next answers. */
export class TestIdp {
  /** Starts one for the pool of `spec` and the web client. */
  public static async start(spec: IssuerSpec, client: { clientId: string; clientSecret?: string }): Promise<TestIdp> {
    const idp = new TestIdp(spec, client);
    await new Promise<void>((resolve) => idp.server.listen(0, '127.0.0.1', resolve));
    idp.url = `http://127.0.0.1:${(idp.server.address() as AddressInfo).port}`;
    return idp;
  }

  public url = '';
  /** The only registered callback URL. */
  public redirectUri = '';
  public user: IdpUser = { sub: '7d8ca528-4931-4254-9273-ea5ee853f271', email: 'ana@example.com', username: 'ana' };
  /** Redirects back with this `error=` instead of a code. */
  public authorizeError?: string;
  /** Rewrites the ID token's claims before signing. */
  public editIdToken?: (claims: Record<string, unknown>) => Record<string, unknown>;
  /** Signs ID tokens with this key instead of the published one. */
  public signingKey?: KeyObject;
  /** Extra userInfo claims, or a replacement answer. */
  public userInfo?: (claims: Record<string, unknown>) => Record<string, unknown>;
  /** `expires_in` of access tokens; 0 makes the ALB refresh on the next request. */
  public accessTokenSeconds = 3600;
  /** Refuses refresh tokens (400 invalid_grant), as after a revocation. */
  public refuseRefresh = false;
  /** Endpoints that drop the connection instead of answering. */
  public readonly down = new Set<'token' | 'userInfo' | 'jwks'>();
  /** Authorize queries and token requests' client authentication, in order. */
  public readonly authorizeQueries: URLSearchParams[] = [];
  public readonly tokenAuthMethods: string[] = [];
  public readonly grantTypes: string[] = [];

  private readonly key = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly kid = randomBytes(8).toString('hex');
  private readonly grants = new Map<string, Grant>();
  private readonly accessTokens = new Map<string, IdpUser>();
  private readonly refreshTokens = new Map<string, IdpUser>();
  private readonly server = createServer((req, res) => void this.handle(req, res));

  private constructor(private readonly spec: IssuerSpec, private readonly client: { clientId: string; clientSecret?: string }) {}

  /** Stops the server. */
  public close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const json = (status: number, body: object): void => void res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    const which = url.pathname === '/oauth2/token' ? 'token' : url.pathname === '/oauth2/userInfo' ? 'userInfo' : url.pathname === jwksPath(this.spec) ? 'jwks' : undefined;
    if (which && this.down.has(which)) return void req.socket.destroy();
    if (url.pathname === '/oauth2/authorize') return this.authorize(url.searchParams, res);
    if (which === 'token') return json(...this.token(req, await readBody(req)));
    if (which === 'userInfo') {
      const user = this.accessTokens.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
      if (!user) return json(401, { error: 'invalid_token' });
      const claims = { sub: user.sub, email_verified: 'true', email: user.email, username: user.username };
      return json(200, this.userInfo ? this.userInfo(claims) : claims);
    }
    if (which === 'jwks') return json(200, { keys: [{ ...this.key.publicKey.export({ format: 'jwk' }), kid: this.kid, alg: 'RS256', use: 'sig' }] });
    json(404, { message: 'not found' });
  }

  private authorize(q: URLSearchParams, res: ServerResponse): void {
    this.authorizeQueries.push(q);
    const redirectUri = q.get('redirect_uri');
    if (q.get('client_id') !== this.client.clientId || redirectUri !== this.redirectUri) {
      return void res.writeHead(400).end('redirect_mismatch');
    }
    const back = new URL(redirectUri);
    if (this.authorizeError) {
      back.searchParams.set('error', this.authorizeError);
    } else {
      const code = randomBytes(16).toString('hex');
      this.grants.set(code, { redirectUri, nonce: q.get('nonce') ?? undefined, scope: q.get('scope') ?? '', exp: Date.now() + 300_000, used: false });
      back.searchParams.set('code', code);
    }
    back.searchParams.set('state', q.get('state') ?? '');
    res.writeHead(302, { Location: back.toString() }).end();
  }

  private token(req: IncomingMessage, text: string): [number, object] {
    const form = new URLSearchParams(text);
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const [id, secret] = basic
      ? Buffer.from(basic, 'base64').toString().split(':').map((s) => decodeURIComponent(s.replace(/\+/g, ' ')))
      : [form.get('client_id'), form.get('client_secret') ?? undefined];
    this.tokenAuthMethods.push(basic ? 'basic' : form.has('client_secret') ? 'post' : 'none');
    this.grantTypes.push(form.get('grant_type') ?? '');
    if (id !== this.client.clientId || secret !== this.client.clientSecret) return [400, { error: 'invalid_client' }];
    if (form.get('grant_type') === 'refresh_token') {
      const user = this.refreshTokens.get(form.get('refresh_token') ?? '');
      if (!user || this.refuseRefresh) return [400, { error: 'invalid_grant' }];
      const { access_token, id_token, token_type, expires_in } = this.issue(user, { scope: 'openid' });
      return [200, { access_token, id_token, token_type, expires_in }];
    }
    if (form.get('grant_type') !== 'authorization_code') return [400, { error: 'unsupported_grant_type' }];
    const grant = this.grants.get(form.get('code') ?? '');
    if (!grant || grant.used || grant.exp < Date.now() || grant.redirectUri !== form.get('redirect_uri')) return [400, { error: 'invalid_grant' }];
    grant.used = true;
    return [200, this.issue(this.user, grant)];
  }

  private issue(user: IdpUser, grant: { scope: string; nonce?: string }) {
    const now = Math.floor(Date.now() / 1000);
    const iss = cognitoIssuer(this.spec);
    const accessToken = this.jwt({ sub: user.sub, token_use: 'access', scope: grant.scope, auth_time: now, iss, exp: now + 3600, iat: now, client_id: this.client.clientId, username: user.username, jti: randomBytes(8).toString('hex') });
    this.accessTokens.set(accessToken, user);
    const idClaims = {
      'sub': user.sub,
      'aud': this.client.clientId,
      'email_verified': true,
      'token_use': 'id',
      'auth_time': now,
      iss,
      'cognito:username': user.username,
      'exp': now + 3600,
      'iat': now,
      'email': user.email,
      'at_hash': createHash('sha256').update(accessToken).digest().subarray(0, 16).toString('base64url'),
      ...(grant.nonce !== undefined && { nonce: grant.nonce }),
    };
    const idToken = this.jwt(this.editIdToken ? this.editIdToken(idClaims) : idClaims, this.signingKey);
    const refreshToken = randomBytes(32).toString('hex');
    this.refreshTokens.set(refreshToken, user);
    return { access_token: accessToken, id_token: idToken, refresh_token: refreshToken, token_type: 'Bearer', expires_in: this.accessTokenSeconds };
  }

  private jwt(claims: object, key: KeyObject = this.key.privateKey): string {
    const input = [{ kid: this.kid, alg: 'RS256' }, claims].map((o) => Buffer.from(JSON.stringify(o)).toString('base64url')).join('.');
    return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString();
}
