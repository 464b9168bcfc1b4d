/**
 * Answers reused while the data they were computed from is unchanged. Each entry remembers the
 * data version (core/kpis/data-version.ts) it was computed at; a request computes the current
 * version first and recomputes when it differs. Identical requests arriving together share one
 * computation (so twenty people opening the Overview after an import cost one query set, not
 * twenty). Bounded: the least recently used entries go first.
 *
 * `answer` adds stale-while-refreshing: when the data changed and the new answer is not ready
 * within `waitMs`, the previous answer comes back at once, marked stale, while the new one is
 * computed (once) in the background. On a large workspace an import would otherwise make everyone
 * who opens the page in the next seconds wait for the recomputation; a small workspace, whose
 * answers are ready within the wait, never sees a stale one. The wait is paid once per refresh:
 * once a request has been answered stale because the new answer (or the version) was late, the
 * requests after it — for that key, or for any key of the same cache at that version — get the
 * previous answer at once until the new one is there. Otherwise, while imports run, every request
 * to a large workspace would wait the whole `waitMs` for nothing.
 */
import { settleWithin } from '../core/shared/settle-within.ts';
export interface CachedAnswer<T> {
  value: T;
  /** Computed from an earlier data version; the current one is being computed. */
  stale: boolean;
}

interface Entry<T> {
  version: string;
  value: Promise<T>;
  /** The last answer that finished, and its version (kept while a newer one is computed). */
  settled?: { version: string; value: T };
  /** A request already waited `waitMs` for `value` in vain: the next ones do not wait again. */
  overdue?: boolean;
}

/** Versions still being worked out that a request already waited for in vain (see `answer`). */
const lateVersions = new WeakSet<Promise<string>>();

/**
 * Refreshes (recomputing an answer that has a previous one to show meanwhile) run at most
 * `concurrency` at a time, in arrival order: after an import every cached page is outdated at
 * once, and recomputing them all together would take the cores from the people reading. A first
 * computation, which somebody is waiting for, never queues.
 */
export class RefreshLimiter {
  private running = 0;
  private readonly queue: (() => void)[] = [];

  constructor(private readonly concurrency: number) {}

  async run<T>(compute: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.running += 1;
    try {
      return await compute();
    } finally {
      this.running -= 1;
      this.queue.shift()?.();
    }
  }
}

/** The server's refreshes, shared by every cache: two at a time on a 2-core machine leaves room for reads. */
const SERVER_REFRESHES = new RefreshLimiter(2);

export class VersionedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  /**
   * A version whose refreshes proved slow here: one of them kept a request waiting in vain. The
   * other keys' refreshes to it (another seller's figures, another session) are as slow — they
   * queue behind it — so their requests get the previous answer at once too.
   */
  private slowVersion: string | undefined;

  constructor(
    private readonly maxEntries = 200,
    private readonly refreshes: RefreshLimiter = SERVER_REFRESHES,
  ) {}

  async get(key: string, version: string, compute: () => Promise<T>): Promise<T> {
    return this.entry(key, version, compute).value;
  }

  /**
   * `version` may still be being worked out (a data version is counted again after each write,
   * which takes seconds while imports and rebuilds share the cores): when it is not known within
   * `waitMs` either and the key has an answer, that answer comes back marked stale — the page asks
   * again shortly, by when the version is known. The wait covers both steps.
   */
  async answer(key: string, version: string | Promise<string>, compute: () => Promise<T>, waitMs: number): Promise<CachedAnswer<T>> {
    const started = performance.now();
    let known: string;
    if (typeof version === 'string') known = version;
    else {
      const shown = this.entries.get(key)?.settled;
      if (!shown || !Number.isFinite(waitMs)) known = await version;
      else {
        // Answered stale, nobody awaits `version` any more: its failure is the next request's to see.
        version.catch(() => undefined);
        const first = await settleWithin(version.then((value) => ({ value })), lateVersions.has(version) ? 0 : waitMs);
        if (first === 'late') {
          if (!lateVersions.has(version)) {
            lateVersions.add(version);
            const known = () => lateVersions.delete(version);
            version.then(known, known);
          }
          return { value: shown.value, stale: true };
        }
        known = first.value;
      }
    }
    const entry = this.entry(key, known, compute);
    const previous = entry.settled;
    if (!previous || previous.version === known || !Number.isFinite(waitMs)) return { value: await entry.value, stale: false };
    const fresh = entry.value.then((value) => ({ value }));
    // Answered stale, nobody awaits `fresh` any more: its failure is the next request's to see.
    fresh.catch(() => undefined);
    const slow = entry.overdue || this.slowVersion === known;
    const first = await settleWithin(fresh, slow ? 0 : Math.max(0, waitMs - (performance.now() - started)));
    if (first !== 'late') return { value: first.value, stale: false };
    entry.overdue = true;
    this.slowVersion = known;
    return { value: previous.value, stale: true };
  }

  private entry(key: string, version: string, compute: () => Promise<T>): Entry<T> {
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      // Re-insert to mark it recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = hit?.settled ? this.refreshes.run(compute) : compute();
    const entry: Entry<T> = { version, value, ...(hit?.settled ? { settled: hit.settled } : {}) };
    this.entries.delete(key);
    this.entries.set(key, entry);
    value.then(
      (settled) => {
        entry.settled = { version, value: settled };
      },
      () => {
        // A failed computation is not remembered: the next request tries again (the last good answer stays).
        if (this.entries.get(key) === entry) {
          if (entry.settled) this.entries.set(key, { version: entry.settled.version, value: Promise.resolve(entry.settled.value), settled: entry.settled });
          else this.entries.delete(key);
        }
      },
    );
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return entry;
  }

  clear(): void {
    this.entries.clear();
  }
}
