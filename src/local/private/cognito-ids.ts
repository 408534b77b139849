/**
 * Random and derived identifiers shaped like the ones Cognito and the ALB hand out.
 */
import { createHash, KeyObject, randomInt } from 'node:crypto';

const BASE36 = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A Cognito-shaped app client id: 26 lower-case letters and digits. */
export function randomClientId(): string {
  return randomBase36(26);
}

/** A Cognito-shaped client secret: 52 lower-case letters and digits (about 268 bits). */
export function randomClientSecret(): string {
  return randomBase36(52);
}

/** A Cognito-shaped key id: base64 of the SHA-256 of the public key, so it is stable for as long as the key is. */
export function cognitoKeyId(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('base64');
}

/** A UUID (version 4 layout) derived from the public key, as the ALB's key ids are UUIDs. */
export function albKeyId(publicKey: KeyObject): string {
  return uuidFrom(createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest());
}

/** A stable UUID derived from a string, for default local user subjects. */
export function uuidFromString(value: string): string {
  return uuidFrom(createHash('sha256').update(value).digest());
}

function uuidFrom(bytes: Buffer): string {
  const b = Buffer.from(bytes.subarray(0, 16));
  // Version nibble 4 and variant bits 10, as in a random UUID.
  b[6] = 0x40 + (b[6] % 0x10);
  b[8] = 0x80 + (b[8] % 0x40);
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function randomBase36(length: number): string {
  return Array.from({ length }, () => BASE36[randomInt(BASE36.length)]).join('');
}
