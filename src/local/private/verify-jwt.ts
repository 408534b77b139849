/**
 * Checks a compact RS256 JWS against one key and returns its payload; for the issuer's own tokens only.
 * @see https://www.rfc-editor.org/rfc/rfc7515#section-5.2
 */
import { verify } from 'node:crypto';
import type { SigningKey } from '../credentials-store';

/** The payload of a token the key signed, or undefined for anything else (malformed, other key, other algorithm). */
export function verifiedPayload(token: string, key: SigningKey): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((p) => /^[A-Za-z0-9_-]+$/.test(p))) return undefined;
  try {
    const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
    if (header?.alg !== key.alg || header.kid !== key.kid) return undefined;
    const signed = verify('sha256', Buffer.from(`${parts[0]}.${parts[1]}`), key.publicKey, Buffer.from(parts[2], 'base64url'));
    if (!signed) return undefined;
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? payload : undefined;
  } catch {
    return undefined;
  }
}
