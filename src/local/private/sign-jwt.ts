/**
 * Compact JWS signing with node:crypto, for the two token formats the issuer imitates.
 * @see https://www.rfc-editor.org/rfc/rfc7515#section-7.1
 */
import { sign } from 'node:crypto';
import type { SigningKey } from '../credentials-store';

/** Segment encoding: `base64url` per RFC 7515, or `padded` base64url as the ALB writes it. */
export type SegmentEncoding = 'base64url' | 'padded';

/** Signs header and payload with the key (SHA-256; RS256 or ES256 by key type); the caller writes `kid` and `alg`. */
export function signJwt(header: object, payload: object, key: SigningKey, encoding: SegmentEncoding = 'base64url'): string {
  const input = `${encode(header, encoding)}.${encode(payload, encoding)}`;
  // JWS wants ECDSA signatures as raw r||s, not DER (RFC 7518 section 3.4).
  const signature = sign('sha256', Buffer.from(input), { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
  return `${input}.${pad(signature.toString('base64url'), encoding)}`;
}

function encode(value: object, encoding: SegmentEncoding): string {
  return pad(Buffer.from(JSON.stringify(value)).toString('base64url'), encoding);
}

function pad(segment: string, encoding: SegmentEncoding): string {
  return encoding === 'padded' ? segment + '='.repeat((4 - (segment.length % 4)) % 4) : segment;
}
