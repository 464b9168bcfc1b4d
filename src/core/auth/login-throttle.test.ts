import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.ts';

describe('login throttle', () => {
  it('lets the first attempts through, then doubles the wait per failure up to the cap', () => {
    let now = 0;
    const throttle = new LoginThrottle({ freeAttempts: 2, baseDelayMs: 1000, maxDelayMs: 8000, now: () => now });
    const key = ['account:a@b.c'];
    throttle.recordFailure(key);
    throttle.recordFailure(key);
    expect(throttle.waitMs(key)).toBe(0);
    const waits: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      throttle.recordFailure(key);
      waits.push(throttle.waitMs(key));
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
    now += 8000;
    expect(throttle.waitMs(key)).toBe(0);
  });

  it('keeps keys apart and clears an account on success', () => {
    const throttle = new LoginThrottle({ freeAttempts: 0, now: () => 0 });
    throttle.recordFailure(['account:x', 'ip:1']);
    expect(throttle.waitMs(['account:y'])).toBe(0);
    expect(throttle.waitMs(['account:x'])).toBeGreaterThan(0);
    throttle.recordSuccess(['account:x']);
    expect(throttle.waitMs(['account:x'])).toBe(0);
    expect(throttle.waitMs(['ip:1'])).toBeGreaterThan(0);
  });
});
