/**
 * Login rate limiting with a growing back-off, per account and per client address: the first few
 * failures are free, then each further failure doubles the wait (up to 15 minutes). A success
 * clears the account's counter. Kept in memory: one Aisle process serves a workspace.
 */
export interface ThrottleOptions {
  freeAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  now: () => number;
}

const DEFAULTS: ThrottleOptions = { freeAttempts: 5, baseDelayMs: 1000, maxDelayMs: 15 * 60_000, now: Date.now };

interface Entry {
  failures: number;
  blockedUntil: number;
}

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();
  private readonly options: ThrottleOptions;

  constructor(options: Partial<ThrottleOptions> = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** Milliseconds to wait before any of these keys may try again (0 = go ahead). */
  waitMs(keys: readonly string[]): number {
    const now = this.options.now();
    return Math.max(0, ...keys.map((key) => (this.entries.get(key)?.blockedUntil ?? 0) - now));
  }

  recordFailure(keys: readonly string[]): void {
    const now = this.options.now();
    for (const key of keys) {
      const entry = this.entries.get(key) ?? { failures: 0, blockedUntil: 0 };
      entry.failures += 1;
      const over = entry.failures - this.options.freeAttempts;
      if (over > 0) {
        entry.blockedUntil = now + Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (over - 1));
      }
      this.entries.set(key, entry);
    }
    if (this.entries.size > 50_000) this.forgetOld(now);
  }

  recordSuccess(keys: readonly string[]): void {
    for (const key of keys) this.entries.delete(key);
  }

  private forgetOld(now: number): void {
    for (const [key, entry] of this.entries) if (entry.blockedUntil < now - this.options.maxDelayMs) this.entries.delete(key);
  }
}
