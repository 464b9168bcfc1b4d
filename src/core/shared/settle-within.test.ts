import { describe, expect, it } from 'vitest';
import { settleWithin } from './settle-within.ts';

describe('settleWithin', () => {
  it('gives the outcome of work that settles in time, and late for work that does not', async () => {
    expect(await settleWithin(Promise.resolve('done'), 1_000)).toBe('done');
    expect(await settleWithin(new Promise(() => undefined), 10)).toBe('late');
    await expect(settleWithin(Promise.reject(new Error('failed')), 1_000)).rejects.toThrow('failed');
  });
});
