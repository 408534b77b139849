/**
 * Signed-in sessions: sealed into the sharded session cookie, and listed in memory so that a session
 * the service signed out (or one from before a restart) is refused even though its cookie still opens.
 */
import { randomBytes } from 'node:crypto';
import type { CognitoAuth } from './ingress-model';
import { hasShards, readShards, shardCookies } from './session-cookies';
import type { SessionSealer } from './session-sealer';

/** What a session cookie holds. */
export interface Session {
  /** Random session id, the key of the in-memory list. */
  readonly sid: string;
  /** The Ingress (`<namespace>/<name>`) it was signed in through; it is valid there only. */
  readonly ingress: string;
  /** The userInfo claims, `sub` included. */
  readonly claims: Readonly<Record<string, unknown>>;
  /** The IdP's access token, forwarded unchanged. */
  readonly accessToken: string;
  /** When the access token expires (seconds since the epoch); then the ALB refreshes the session. */
  readonly accessTokenExp: number;
  /** The IdP's refresh token, when it gave one. */
  readonly refreshToken?: string;
  /** End of the session, seconds since the epoch: sign-in time plus `auth-session-timeout`. */
  readonly exp: number;
}

/** What a sign-in or a refresh puts in the session. */
export type SessionTokens = Pick<Session, 'claims' | 'accessToken' | 'accessTokenExp' | 'refreshToken'>;

/** What a request's cookies amount to. */
export type SessionLookup =
  | { readonly kind: 'none' }
  | { readonly kind: 'valid'; readonly session: Session }
  | { readonly kind: 'expired' }
  | { readonly kind: 'invalid' };

/** Creates, reads and revokes sessions. */
export class SessionStore {
  private readonly active = new Map<string, number>();

  constructor(private readonly sealer: SessionSealer) {}

  /** A new session and the `Set-Cookie` values that store it. */
  public create(ingress: string, auth: CognitoAuth, fields: SessionTokens,
    held: Map<string, string | undefined>, now: number = Date.now()): { session: Session; cookies: string[] } {
    this.prune(now);
    const session: Session = { sid: randomBytes(16).toString('base64url'), ingress, ...fields, exp: Math.floor(now / 1000) + auth.sessionTimeoutSeconds };
    this.active.set(session.sid, session.exp);
    return { session, cookies: this.cookiesFor(session, auth, held, now) };
  }

  /** The session with refreshed tokens and claims, same id and end, and the `Set-Cookie` values that store it. */
  public update(session: Session, auth: CognitoAuth, fields: SessionTokens,
    held: Map<string, string | undefined>, now: number = Date.now()): { session: Session; cookies: string[] } {
    const updated: Session = { ...session, ...fields };
    return { session: updated, cookies: this.cookiesFor(updated, auth, held, now) };
  }

  private cookiesFor(session: Session, auth: CognitoAuth, held: Map<string, string | undefined>, now: number): string[] {
    // The cookie lives exactly as long as the session, whenever it is rewritten.
    const maxAge = Math.max(0, session.exp - Math.floor(now / 1000));
    return shardCookies(auth.sessionCookie, this.sealer.seal('session', session), maxAge, held, now);
  }

  /** The session the cookies carry for this Ingress. */
  public read(cookies: Map<string, string | undefined>, ingress: string, auth: CognitoAuth, now: number = Date.now()): SessionLookup {
    if (!hasShards(cookies, auth.sessionCookie)) return { kind: 'none' };
    const sealed = readShards(cookies, auth.sessionCookie);
    const value = sealed === undefined ? undefined : this.sealer.open('session', sealed);
    if (!value || !isSession(value) || value.ingress !== ingress) return { kind: 'invalid' };
    if (value.exp <= Math.floor(now / 1000)) return { kind: 'expired' };
    return this.active.has(value.sid) ? { kind: 'valid', session: value } : { kind: 'invalid' };
  }

  /** Ends the session: its cookie is refused from now on, even when replayed. */
  public revoke(sid: string): void {
    this.active.delete(sid);
  }

  private prune(now: number): void {
    const seconds = Math.floor(now / 1000);
    for (const [sid, exp] of this.active) if (exp <= seconds) this.active.delete(sid);
  }
}

function isSession(value: Record<string, unknown>): value is Record<string, unknown> & Session {
  return typeof value.sid === 'string' && typeof value.ingress === 'string' && typeof value.accessToken === 'string'
    && typeof value.exp === 'number' && typeof value.accessTokenExp === 'number' && typeof value.claims === 'object' && value.claims !== null
    && typeof (value.claims as Record<string, unknown>).sub === 'string';
}
