import { describe, expect, it } from 'vitest';
import { VersionedCache } from './versioned-cache.ts';

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
