// Slots of the admission filter: 16384 x 4 bytes, allocated once.
const FILTER_SLOTS = 16_384;
// The tail of a token is its signature, which differs between any two tokens.
const FINGERPRINT_CHARS = 24;

/** Remembers tokens that passed every check until their `exp`, so one that comes back skips verification. */
export class VerifiedTokenCache<T> {
  // Found by a fingerprint of the token's tail (cheaper than hashing a kilobyte string per request);
  // an entry matches only the exact token.
  private readonly entries = new Map<number, { readonly token: string; readonly value: T; readonly expiresAtMs: number }>();
  private readonly seen = new Int32Array(FILTER_SLOTS);

  /** Keeps at most `maxEntries` tokens, dropping the oldest to make room. */
  constructor(private readonly maxEntries = 10_000) {}

  /** Returns the stored value of this exact token, if it has not yet expired. */
  get(token: string, nowMs: number = Date.now()): T | undefined {
    const key = fingerprint(token);
    const entry = this.entries.get(key);
    if (entry === undefined || entry.token !== token) return undefined;
    if (nowMs < entry.expiresAtMs) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  /** Records a verified token; from its second verification on, stores it until `expSeconds` (its `exp`). */
  set(token: string, value: T, expSeconds: number): void {
    const expiresAtMs = expSeconds * 1000;
    if (!(expiresAtMs > Date.now()) || this.maxEntries < 1) return;
    const key = fingerprint(token);
    // Admitted on its second verification: callers reuse a token for its lifetime, while a flood of
    // distinct tokens would churn the cache. A direct-mapped filter; a collision only admits early.
    if (this.seen[key % FILTER_SLOTS] !== key) {
      this.seen[key % FILTER_SLOTS] = key;
      return;
    }
    this.entries.delete(key);
    // Oldest insertion first: O(1), and tokens minted earlier tend to expire earlier.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as number);
    this.entries.set(key, { token, value, expiresAtMs });
  }
}

// A polynomial hash of the last characters in 32-bit integer arithmetic, folded to 30 bits so the key
// stays a small integer (no heap number per lookup).
function fingerprint(token: string): number {
  let hash = 7;
  for (let i = Math.max(0, token.length - FINGERPRINT_CHARS); i < token.length; i++) {
    // eslint-disable-next-line no-bitwise -- 32-bit integer arithmetic is the point of this hash
    hash = (Math.imul(hash, 31) + token.charCodeAt(i)) | 0;
  }
  // eslint-disable-next-line no-bitwise -- fold to 30 bits: a small-integer Map key
  return hash & 0x3fffffff;
}
