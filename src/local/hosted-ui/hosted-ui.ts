/**
 * The hosted UI's state and rules: who is signed in (a random opaque session id in the `cognito`
 * cookie, kept server-side for an hour), the authorization codes handed to the web client (single
 * use, five minutes, bound to the redirect URI and the PKCE challenge), and the refresh tokens.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.6
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { DevCredentials } from '../credentials-store';
import type { IssuerSpec } from '../issuer-spec';
import { OAuthError } from '../oauth-error';
import type { AuthorizeRequest } from './authorize-request';
import { CsrfGuard } from './csrf-guard';
import { Clock, ExpiringMap } from './expiring-map';
import { Lockout } from './lockout';
import { PoolUser, UserStore } from './user-store';
import { issueUserTokens, UserTokens } from './user-tokens';
import { WebClient } from './web-client';

/** How long a hosted-UI session lasts, in seconds (Cognito's is one hour). */
export const SESSION_SECONDS = 3600;
/** How long an authorization code may be redeemed, in milliseconds. */
export const CODE_TTL_MS = 5 * 60 * 1000;

/** A signed-in browser. */
export interface HostedUiSession {
  readonly sub: string;
  /** Seconds since the epoch. */
  readonly authTime: number;
}

interface CodeGrant extends HostedUiSession {
  readonly request: AuthorizeRequest;
  /** Set once redeemed: a second redemption is refused and revokes what the first one issued. */
  redeemed?: { readonly refreshToken?: string };
}

interface RefreshGrant extends HostedUiSession {
  readonly clientId: string;
  readonly scopes: readonly string[];
  readonly originJti: string;
}

/** A full token response of the authorization-code grant. */
export interface CodeTokens extends UserTokens {
  readonly refreshToken: string;
}

/** Options of the hosted UI. */
export interface HostedUiOptions {
  readonly spec: IssuerSpec;
  readonly credentials: DevCredentials;
  readonly client: WebClient;
  readonly users: UserStore;
  /** Receives the confirmation codes, as Cognito would e-mail them. */
  readonly log: (line: string) => void;
  /** @default Date.now */
  readonly now?: Clock;
}

/** Sessions, codes and refresh tokens of the web client, and the users they belong to. */
export class HostedUi {
  public readonly spec: IssuerSpec;
  public readonly client: WebClient;
  public readonly users: UserStore;
  public readonly lockout: Lockout;
  public readonly csrf = new CsrfGuard();
  public readonly log: (line: string) => void;
  public readonly now: Clock;
  private readonly credentials: DevCredentials;
  private readonly sessions: ExpiringMap<HostedUiSession>;
  private readonly codes: ExpiringMap<CodeGrant>;
  private readonly refreshTokens: ExpiringMap<RefreshGrant>;

  constructor(options: HostedUiOptions) {
    this.spec = options.spec;
    this.credentials = options.credentials;
    this.client = options.client;
    this.users = options.users;
    this.log = options.log;
    this.now = options.now ?? Date.now;
    this.lockout = new Lockout(this.now);
    this.sessions = new ExpiringMap(this.now);
    this.codes = new ExpiringMap(this.now);
    this.refreshTokens = new ExpiringMap(this.now);
  }

  /** Starts a session for the user; returns the cookie value. */
  public startSession(user: PoolUser): string {
    const id = randomBytes(32).toString('base64url');
    this.sessions.set(id, { sub: user.sub, authTime: Math.floor(this.now() / 1000) }, SESSION_SECONDS * 1000);
    return id;
  }

  /** The session of the cookie value, while its user still exists and is confirmed; unknown or forged values give none. */
  public session(cookie: string | undefined): HostedUiSession | undefined {
    const session = cookie === undefined ? undefined : this.sessions.get(cookie);
    const user = session && this.users.findBySub(session.sub);
    return user?.confirmed ? session : undefined;
  }

  /** Ends the session of the cookie value. */
  public endSession(cookie: string | undefined): void {
    if (cookie !== undefined) this.sessions.delete(cookie);
  }

  /** A fresh authorization code for the request, signed in as the session's user. */
  public issueCode(request: AuthorizeRequest, session: HostedUiSession): string {
    const code = randomUUID();
    this.codes.set(code, { ...session, request }, CODE_TTL_MS);
    return code;
  }

  /** Redeems a code for the authenticated client; throws `OAuthError` `invalid_grant` for anything amiss. */
  public redeemCode(code: string, clientId: string, redirectUri: string | null, verifier: string | null): CodeTokens {
    const grant = this.codes.get(code);
    if (!grant) throw new OAuthError('invalid_grant', 'unknown or expired code');
    if (grant.redeemed) {
      // RFC 6749 section 4.1.2: a replayed code revokes the tokens issued for it.
      if (grant.redeemed.refreshToken) this.refreshTokens.delete(grant.redeemed.refreshToken);
      this.codes.delete(code);
      throw new OAuthError('invalid_grant', 'code already redeemed; its refresh token is revoked');
    }
    // Single use even when this attempt fails: a code is never tried twice.
    grant.redeemed = {};
    const { request } = grant;
    if (request.clientId !== clientId) throw new OAuthError('invalid_grant', 'code was issued to another client');
    if (redirectUri !== request.redirectUri) throw new OAuthError('invalid_grant', 'redirect_uri differs from the authorization request');
    if (!pkceMatches(request.codeChallenge, verifier)) throw new OAuthError('invalid_grant', 'code_verifier does not match the code_challenge');
    const user = this.confirmedUser(grant.sub);
    const refreshToken = randomBytes(48).toString('base64url');
    grant.redeemed = { refreshToken };
    const originJti = randomUUID();
    const refresh: RefreshGrant = { sub: user.sub, authTime: grant.authTime, clientId, scopes: request.scopes, originJti };
    this.refreshTokens.set(refreshToken, refresh, this.spec.userAuth!.refreshTokenValiditySeconds * 1000);
    return { ...this.tokens(user, refresh, request.nonce), refreshToken };
  }

  /** New access and ID tokens for a refresh token of the client; no new refresh token, as with Cognito. */
  public refresh(refreshToken: string, clientId: string): UserTokens {
    const grant = this.refreshTokens.get(refreshToken);
    if (!grant || grant.clientId !== clientId) throw new OAuthError('invalid_grant', 'unknown, expired or foreign refresh token');
    return this.tokens(this.confirmedUser(grant.sub), grant);
  }

  private tokens(user: PoolUser, grant: RefreshGrant, nonce?: string): UserTokens {
    return issueUserTokens(this.spec, this.credentials.signingKey, user, { ...grant, nonce }, this.now());
  }

  private confirmedUser(sub: string): PoolUser {
    const user = this.users.findBySub(sub);
    if (!user?.confirmed) throw new OAuthError('invalid_grant', 'the user no longer exists');
    return user;
  }
}

function pkceMatches(challenge: string | undefined, verifier: string | null): boolean {
  // OAuth 2.1: a verifier for a code issued without a challenge is refused too (a downgrade sign).
  if (challenge === undefined) return verifier === null;
  if (verifier === null || !/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return false;
  const computed = Buffer.from(createHash('sha256').update(verifier).digest('base64url'));
  const expected = Buffer.from(challenge);
  return computed.length === expected.length && timingSafeEqual(computed, expected);
}
