import { decomposeUnverifiedJwt, type DecomposedJwt } from 'aws-jwt-verify/jwt';

// aws-jwt-verify's own shape check: three base64url segments, optionally padded.
const JWT_SHAPE = /^[A-Za-z0-9_-]+={0,2}\.[A-Za-z0-9_-]+={0,2}\.[A-Za-z0-9_-]+={0,2}$/;

type JsonObject = Record<string, unknown>;

/**
 * aws-jwt-verify's decomposeUnverifiedJwt, with the same result and the same errors, at a third of
 * the cost for ordinary tokens. The library parses with a JSON reviver that deletes `__proto__` and
 * `constructor` keys; a reviver makes JSON.parse several times slower. A segment whose text cannot
 * name those keys (no such word, no `\u` escape) parses the same without it. Anything else, or
 * anything the library would reject, is handed to the library itself, which returns or throws as usual.
 */
export function decomposeJwt(token: string): DecomposedJwt {
  if (!JWT_SHAPE.test(token)) return decomposeUnverifiedJwt(token);
  const first = token.indexOf('.');
  const second = token.indexOf('.', first + 1);
  const headerB64 = token.slice(0, first);
  const payloadB64 = token.slice(first + 1, second);
  const header = parseSegment(headerB64);
  const payload = parseSegment(payloadB64);
  if (header === undefined || payload === undefined || !isOrdinaryHeader(header) || !isOrdinaryPayload(payload)) {
    return decomposeUnverifiedJwt(token);
  }
  return { header, headerB64, payload, payloadB64, signatureB64: token.slice(second + 1) } as DecomposedJwt;
}

function parseSegment(b64: string): JsonObject | undefined {
  // The same decoding as the library's Node.js build.
  const text = Buffer.from(b64, 'base64').toString('utf8');
  if (text.includes('__proto__') || text.includes('constructor') || text.includes('\\u')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

// The type checks the library applies to the header and payload; a token failing one goes to the
// library, which throws its own error.
function isOrdinaryHeader(header: JsonObject): boolean {
  return optional(header.alg, isString) && optional(header.kid, isString);
}

function isOrdinaryPayload(payload: JsonObject): boolean {
  return optional(payload.exp, Number.isFinite) && optional(payload.nbf, Number.isFinite) && optional(payload.iat, Number.isFinite)
    && optional(payload.iss, isString) && optional(payload.sub, isString) && optional(payload.scope, isString)
    && optional(payload.jti, isString) && optional(payload.aud, isAudience);
}

function optional(value: unknown, check: (value: unknown) => boolean): boolean {
  return value === undefined || check(value);
}

function isString(value: unknown): boolean {
  return typeof value === 'string';
}

function isAudience(value: unknown): boolean {
  return typeof value === 'string' || (Array.isArray(value) && value.every(isString));
}
