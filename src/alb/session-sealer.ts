/**
 * Encrypts and authenticates what the local ALB hands the browser (session cookies, the sign-in
 * `state`) with AES-256-GCM, so a value can be neither read, forged nor edited. The key is generated
 * once per repository into the git-ignored, owner-only `.eks-cognito-kit/local/alb-session-key`.
 * @see https://nvlpubs.nist.gov/nistpubs/Legacy/SP/nistspecialpublication800-38d.pdf
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { AlbConfigError } from './alb-config-error';
import { LOCAL_CREDENTIALS_DIR } from '../local/issuer-spec';
import { createSecretFile, readIfExists } from '../local/private/secret-files';

/** File of the session key, relative to the repository root. */
export const SESSION_KEY_PATH = `${LOCAL_CREDENTIALS_DIR}/alb-session-key`;

/** What a sealed value is for; bound into the ciphertext, so a `state` never opens as a session. */
export type SealPurpose = 'session' | 'state';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Seals and opens JSON values as base64url strings: IV, ciphertext, GCM tag. */
export class SessionSealer {
  /** The sealer of the repository at `dir`, creating its key on first use. */
  public static forRepository(dir: string): SessionSealer {
    const path = join(dir, SESSION_KEY_PATH);
    const text = readIfExists(path) ?? createSecretFile(path, `${randomBytes(32).toString('base64')}\n`);
    const key = Buffer.from(text.trim(), 'base64');
    if (key.length !== 32) throw new AlbConfigError(`${path} is not a 32-byte base64 key; delete it and run again to generate a new one (everyone is signed out).`);
    return new SessionSealer(key);
  }

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('an AES-256-GCM key is 32 bytes');
  }

  /** The value, encrypted and authenticated for `purpose`. */
  public seal(purpose: SealPurpose, value: object): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(Buffer.from(purpose));
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
  }

  /** The value sealed for `purpose`, or undefined for anything forged, edited, truncated or sealed for another purpose. */
  public open(purpose: SealPurpose, sealed: string): Record<string, unknown> | undefined {
    if (!/^[A-Za-z0-9_-]+$/.test(sealed)) return undefined;
    const bytes = Buffer.from(sealed, 'base64url');
    if (bytes.length <= IV_BYTES + TAG_BYTES) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES })
        .setAAD(Buffer.from(purpose));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      const text = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
      const value: unknown = JSON.parse(text);
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : undefined;
    } catch {
      // A failed tag check is the expected answer to a forged or edited value.
      return undefined;
    }
  }
}
