/**
 * In-memory entries that lapse after a time to live: hosted-UI sessions, authorization codes and
 * refresh tokens. The issuer is a dev tool, so a restart signing everyone out is acceptable.
 */

/** Milliseconds since the epoch; injectable so tests can move time without waiting. */
export type Clock = () => number;

/** Entries beyond this many are dropped oldest first, so a flood of requests cannot exhaust memory. */
const MAX_ENTRIES = 10_000;

/** A map whose entries expire; expired entries are never returned. */
export class ExpiringMap<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(private readonly now: Clock) {}

  /** Stores the value for `ttlMs` milliseconds from now. */
  public set(key: string, value: V, ttlMs: number): void {
    this.sweep();
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
  }

  /** The live value, or undefined. */
  public get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Removes the entry. */
  public delete(key: string): void {
    this.entries.delete(key);
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
    while (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }
}
