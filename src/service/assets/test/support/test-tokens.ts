import { createHmac, generateKeyPairSync, randomBytes, randomUUID, sign, type KeyObject } from 'node:crypto';

/** Options of TestTokens.create. */
export interface TestTokensOptions {
  /**
   * The region of the user pool.
   * @default 'eu-west-1'
   */
  readonly region?: string;
  /**
   * The user pool id.
   * @default '<region>_KitTest01'
   */
  readonly userPoolId?: string;
}

/** Options of TestTokens.accessToken. */
export interface AccessTokenOptions {
  /**
   * The granted scopes.
   * @default []
   */
  readonly scopes?: readonly string[];
  /**
   * The app client the token is issued to.
   * @default this.clientId
   */
  readonly clientId?: string;
  /**
   * Seconds until `exp`; negative for an expired token.
   * @default 3600
   */
  readonly expiresInSeconds?: number;
  /**
   * Claims to add or replace; a claim set to undefined is removed (e.g. `{ exp: undefined }`).
   * @default {}
   */
  readonly claims?: Record<string, unknown>;
  /**
   * Header fields to add or replace (e.g. another `kid`).
   * @default {}
   */
  readonly header?: Record<string, unknown>;
}

/** Options of TestTokens.albUser. */
export interface AlbUserOptions {
  /**
   * The user's subject.
   * @default a random UUID
   */
  readonly sub?: string;
  /**
   * The `x-amzn-oidc-identity` header value.
   * @default the subject
   */
  readonly identity?: string;
  /**
   * The load balancer ARN in the `signer` header field.
   * @default this.albArn
   */
  readonly signer?: string;
  /**
   * Seconds until `exp`; negative for expired claims.
   * @default 120
   */
  readonly expiresInSeconds?: number;
  /**
   * Payload claims to add or replace; undefined removes one.
   * @default {}
   */
  readonly claims?: Record<string, unknown>;
  /**
   * Header fields to add or replace (e.g. another `kid`).
   * @default {}
   */
  readonly header?: Record<string, unknown>;
}

/**
 * Mints tokens shaped like Amazon Cognito's client-credentials access tokens (RS256, fresh 2048-bit
 * key per run) and like the ALB's `x-amzn-oidc-data` header (ES256 P-256, padded base64url), with
 * the public keys a verifier needs to check them offline.
 */
export class TestTokens {
  /** Generates fresh keys for a test run. */
  static create(options: TestTokensOptions = {}): TestTokens {
    const region = options.region ?? 'eu-west-1';
    return new TestTokens(region, options.userPoolId ?? `${region}_KitTest01`);
  }

  /** The app client id tokens are issued to by default (26 lowercase alphanumerics, like Cognito's). */
  readonly clientId = randomClientId();
  /** The key id of the RSA signing key. */
  readonly kid = randomBytes(16).toString('base64');
  /** The JWKS with the RSA public key, as Cognito publishes it. */
  readonly jwks: { keys: object[] };
  /** The RSA public key in PEM, e.g. to forge an HS256 token with it. */
  readonly publicKeyPem: string;
  /** The token issuer, `https://cognito-idp.<region>.amazonaws.com/<userPoolId>`. */
  readonly issuer: string;
  /** The load balancer ARN that signs ALB user claims. */
  readonly albArn: string;
  /** The app client the load balancer authenticates with. */
  readonly albClientId = randomClientId();
  /** The key id (a UUID) of the ALB signing key. */
  readonly albKid = randomUUID();
  /** The ALB public key in PEM, as served at `<public keys URL>/<albKid>`. */
  readonly albPublicKeyPem: string;
  private readonly privateKey: KeyObject;
  private readonly albPrivateKey: KeyObject;

  private constructor(
    /** The region of the user pool. */
    readonly region: string,
    /** The user pool id. */
    readonly userPoolId: string,
  ) {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = rsa.privateKey;
    this.publicKeyPem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    this.jwks = { keys: [{ ...rsa.publicKey.export({ format: 'jwk' }), kid: this.kid, alg: 'RS256', use: 'sig' }] };
    this.issuer = `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.albPrivateKey = ec.privateKey;
    this.albPublicKeyPem = ec.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    this.albArn = `arn:aws:elasticloadbalancing:${region}:123456789012:loadbalancer/app/kit-test/${randomBytes(8).toString('hex')}`;
  }

  /** Mints a signed access token with Cognito's claims: sub, token_use, scope, auth_time, iss, exp, iat, version, jti, client_id. */
  accessToken(options: AccessTokenOptions = {}): string {
    const input = this.accessTokenInput(options);
    return `${input}.${sign('sha256', Buffer.from(input), this.privateKey).toString('base64url')}`;
  }

  /** Mints `count` distinct access tokens, signing on the thread pool in parallel (load tests). */
  async accessTokens(count: number, options: AccessTokenOptions = {}): Promise<string[]> {
    return Promise.all(Array.from({ length: count }, () => {
      const input = this.accessTokenInput(options);
      return new Promise<string>((resolve, reject) => {
        sign('sha256', Buffer.from(input), this.privateKey, (err, signature) => {
          if (err) reject(err);
          else resolve(`${input}.${signature.toString('base64url')}`);
        });
      });
    }));
  }

  /** Signs header and payload with HS256 using `secret` (e.g. the public key, to test algorithm confusion). */
  hs256Token(secret: string, payload: Record<string, unknown>, header: Record<string, unknown> = {}): string {
    const input = `${encode({ kid: this.kid, alg: 'HS256', ...header })}.${encode(payload)}`;
    return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
  }

  /** Mints the headers the ALB adds after authenticating a user: `x-amzn-oidc-data` and `x-amzn-oidc-identity`. */
  albUser(options: AlbUserOptions = {}): Record<'x-amzn-oidc-data' | 'x-amzn-oidc-identity', string> {
    const sub = options.sub ?? randomUUID();
    const exp = Math.floor(Date.now() / 1000) + (options.expiresInSeconds ?? 120);
    const header = { typ: 'JWT', kid: this.albKid, alg: 'ES256', iss: this.issuer, client: this.albClientId, signer: options.signer ?? this.albArn, exp, ...options.header };
    const payload = withOverrides({ sub, email: `${sub}@example.com`, email_verified: 'true', username: sub, exp, iss: this.issuer }, options.claims);
    const input = `${encodePadded(header)}.${encodePadded(payload)}`;
    const signature = sign('sha256', Buffer.from(input), { key: this.albPrivateKey, dsaEncoding: 'ieee-p1363' });
    return { 'x-amzn-oidc-data': `${input}.${pad(signature.toString('base64url'))}`, 'x-amzn-oidc-identity': options.identity ?? sub };
  }

  private accessTokenInput(options: AccessTokenOptions): string {
    const now = Math.floor(Date.now() / 1000);
    const clientId = options.clientId ?? this.clientId;
    const payload = withOverrides({
      sub: clientId,
      token_use: 'access',
      scope: (options.scopes ?? []).join(' '),
      auth_time: now,
      iss: this.issuer,
      exp: now + (options.expiresInSeconds ?? 3600),
      iat: now,
      version: 2,
      jti: randomUUID(),
      client_id: clientId,
    }, options.claims);
    return `${encode({ kid: this.kid, alg: 'RS256', ...options.header })}.${encode(payload)}`;
  }
}

function withOverrides(claims: Record<string, unknown>, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...claims, ...overrides };
  for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name];
  return merged;
}

function encode(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

// The ALB keeps base64 padding on each segment, and the padding is part of the signed input.
function encodePadded(value: object): string {
  return pad(encode(value));
}

function pad(segment: string): string {
  return segment + '='.repeat((4 - (segment.length % 4)) % 4);
}

function randomClientId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(26), (byte) => alphabet[byte % alphabet.length]).join('');
}
