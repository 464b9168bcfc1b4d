import { describe, expect, it, vi } from 'vitest';
import { RefreshLimiter, VersionedCache, type CachedAnswer } from './versioned-cache.ts';

describe('versioned cache', () => {
  it('reuses an answer while the data version is unchanged and recomputes when it changes', async () => {
    const cache = new VersionedCache<number>();
    let calls = 0;
    const compute = async () => ++calls;
    expect(await cache.get('overview', 'v1', compute)).toBe(1);
    expect(await cache.get('overview', 'v1', compute)).toBe(1);
    expect(await cache.get('overview', 'v2', compute)).toBe(2);
    expect(await cache.get('other', 'v2', compute)).toBe(3);
  });

  it('shares one computation between identical requests arriving together', async () => {
    const cache = new VersionedCache<string>();
    let calls = 0;
    const compute = () => new Promise<string>((resolve) => setTimeout(() => resolve(`answer ${++calls}`), 10));
    const answers = await Promise.all(Array.from({ length: 20 }, () => cache.get('k', 'v', compute)));
    expect(new Set(answers)).toEqual(new Set(['answer 1']));
    expect(calls).toBe(1);
  });

  it('forgets failures and evicts the least recently used entries', async () => {
    const cache = new VersionedCache<number>(2);
    await expect(cache.get('bad', 'v', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.get('bad', 'v', async () => 7)).toBe(7);
    await cache.get('a', 'v', async () => 1);
    await cache.get('bad', 'v', async () => 99); // touch: 'a' is now the oldest
    await cache.get('b', 'v', async () => 2);
    expect(await cache.get('bad', 'v', async () => 100)).toBe(7);
    expect(await cache.get('a', 'v', async () => 11)).toBe(11);
  });
});

describe('versioned cache: stale while refreshing', () => {
  const slow = (value: number, ms: number) => () => new Promise<number>((resolve) => setTimeout(() => resolve(value), ms));

  it('answers with the previous version at once while a slow new answer is computed, then with the new one', async () => {
    const cache = new VersionedCache<number>();
    expect(await cache.answer('overview', 'v1', async () => 1, 50)).toEqual({ value: 1, stale: false });
    let calls = 0;
    const recompute = () => {
      calls += 1;
      return slow(2, 200)();
    };
    expect(await cache.answer('overview', 'v2', recompute, 20)).toEqual({ value: 1, stale: true });
    expect(await cache.answer('overview', 'v2', recompute, 20)).toEqual({ value: 1, stale: true });
    expect(calls).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await cache.answer('overview', 'v2', recompute, 20)).toEqual({ value: 2, stale: false });
    expect(calls).toBe(1);
  });

  it('makes only the first request of a slow refresh wait: the ones after it get the previous answer at once', async () => {
    const cache = new VersionedCache<number>();
    expect(await cache.answer('k', 'v1', async () => 1, 50)).toEqual({ value: 1, stale: false });
    vi.useFakeTimers();
    try {
      const later = <V>(value: V, ms: number) => new Promise<V>((resolve) => setTimeout(() => resolve(value), ms));
      /** The answer once `ms` of (fake) time have passed, or 'waiting'. */
      const after = async (ms: number, answering: Promise<CachedAnswer<number>>) => {
        let answer: CachedAnswer<number> | 'waiting' = 'waiting';
        void answering.then((a) => (answer = a));
        await vi.advanceTimersByTimeAsync(ms);
        return answer;
      };
      // A slow new answer: the first request waits the 300 ms, the next one not at all.
      const first = cache.answer('k', 'v2', () => later(2, 1_000), 300);
      expect(await after(299, first)).toBe('waiting');
      expect(await after(1, first)).toEqual({ value: 1, stale: true });
      expect(await after(0, cache.answer('k', 'v2', () => later(9, 0), 300))).toEqual({ value: 1, stale: true });
      await vi.advanceTimersByTimeAsync(700);
      expect(await after(0, cache.answer('k', 'v2', () => later(9, 0), 300))).toEqual({ value: 2, stale: false });
      // Another key refreshing to a version whose refreshes proved slow here: no wait either.
      expect(await after(0, cache.answer('other', 'v1', async () => 10, 300))).toEqual({ value: 10, stale: false });
      const slowOne = cache.answer('k', 'v2b', () => later(20, 1_000), 300);
      expect(await after(300, slowOne)).toEqual({ value: 2, stale: true });
      expect(await after(0, cache.answer('other', 'v2b', () => later(11, 1_000), 300))).toEqual({ value: 10, stale: true });
      await vi.advanceTimersByTimeAsync(1_000);
      expect(await after(0, cache.answer('other', 'v2b', () => later(99, 0), 300))).toEqual({ value: 11, stale: false });
      // A version still being counted: the same.
      const counting = later('v3', 1_000);
      const waiting = cache.answer('k', counting, () => later(3, 0), 300);
      expect(await after(299, waiting)).toBe('waiting');
      expect(await after(1, waiting)).toEqual({ value: 20, stale: true });
      expect(await after(0, cache.answer('k', counting, () => later(3, 0), 300))).toEqual({ value: 20, stale: true });
      await vi.advanceTimersByTimeAsync(700);
      expect(await after(1, cache.answer('k', counting, () => later(3, 0), 300))).toEqual({ value: 3, stale: false });
    } finally {
      vi.useRealTimers();
    }
  });

  it('waits for a new answer that is ready within the wait, and never answers stale without a previous one', async () => {
    const cache = new VersionedCache<number>();
    expect(await cache.answer('k', 'v1', slow(1, 30), 0)).toEqual({ value: 1, stale: false });
    expect(await cache.answer('k', 'v2', slow(2, 10), 500)).toEqual({ value: 2, stale: false });
    expect(await cache.answer('other', 'v2', slow(3, 50), 0)).toEqual({ value: 3, stale: false });
    // No limit (the default outside `aisle serve`): always the current answer.
    expect(await cache.answer('k', 'v3', slow(4, 30), Number.POSITIVE_INFINITY)).toEqual({ value: 4, stale: false });
  });

  it('answers the last answer, marked stale, while the data version itself is still being counted; waits when there is none', async () => {
    const later = <V>(value: V, ms: number) => new Promise<V>((resolve) => setTimeout(() => resolve(value), ms));
    const cache = new VersionedCache<number>();
    let calls = 0;
    const compute = async () => ++calls;
    expect(await cache.answer('k', 'v1', compute, 20)).toEqual({ value: 1, stale: false });
    const counting = later('v1', 200);
    expect(await cache.answer('k', counting, compute, 20)).toEqual({ value: 1, stale: true });
    expect(calls).toBe(1);
    await counting;
    // Counted: the same version, so the answer is current again without a recomputation.
    expect(await cache.answer('k', counting, compute, 20)).toEqual({ value: 1, stale: false });
    expect(calls).toBe(1);
    // A key never answered, or no limit: the version is waited for.
    expect(await cache.answer('first', later('v1', 50), compute, 10)).toEqual({ value: 2, stale: false });
    expect(await cache.answer('k', later('v2', 50), compute, Number.POSITIVE_INFINITY)).toEqual({ value: 3, stale: false });
    // A version that fails after a stale answer went out reaches nobody; the next request sees it.
    const failing = new Promise<string>((_, reject) => setTimeout(() => reject(new Error('count failed')), 50));
    expect(await cache.answer('k', failing, compute, 10)).toEqual({ value: 3, stale: true });
    await expect(cache.answer('never', failing, compute, 10)).rejects.toThrow('count failed');
  });

  it('keeps the last good answer when a recomputation fails, and tries again on the next request', async () => {
    const cache = new VersionedCache<number>();
    await cache.answer('k', 'v1', async () => 1, 10);
    await expect(cache.answer('k', 'v2', () => Promise.reject(new Error('boom')), 1000)).rejects.toThrow('boom');
    expect(await cache.answer('k', 'v2', slow(2, 200), 10)).toEqual({ value: 1, stale: true });
  });
});

describe('versioned cache: refreshes take turns', () => {
  it('runs at most two refreshes at a time across caches, while a first computation never waits', async () => {
    const limiter = new RefreshLimiter(2);
    const caches = [new VersionedCache<number>(10, limiter), new VersionedCache<number>(10, limiter), new VersionedCache<number>(10, limiter)];
    for (const [i, cache] of caches.entries()) await cache.get('k', 'v1', async () => i);
    let running = 0;
    let most = 0;
    const refresh = (value: number) => async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 30));
      running -= 1;
      return value;
    };
    const refreshed = Promise.all(caches.map((cache, i) => cache.get('k', 'v2', refresh(10 + i))));
    // A key never computed before is computed at once, even while the refreshes queue.
    let firstRan = false;
    await new VersionedCache<number>(10, limiter).get('new', 'v2', async () => {
      firstRan = true;
      return 0;
    });
    expect(firstRan).toBe(true);
    expect(await refreshed).toEqual([10, 11, 12]);
    expect(most).toBe(2);
  });
});
