import { describe, expect, it } from 'vitest';
import { UserError } from '../shared/errors.ts';
import { planDemo, validateDemoOptions } from './demo-plan.ts';

const UTC = { timezone: 'UTC', currency: 'USD' };

describe('validateDemoOptions', () => {
  it.each([
    [{ sellers: 0 }, /sellers must be a whole number from 1 to 1,000,000/],
    [{ sellers: 1_000_001 }, /sellers/],
    [{ sellers: 2.5 }, /sellers/],
    [{ days: 0 }, /days must be a whole number from 1 to 3,660/],
    [{ days: 3661 }, /days/],
    [{ seed: -1 }, /seed/],
    [{ end: '2026-02-30' }, /end must be a calendar date/],
    [{ end: '30/11/2025' }, /YYYY-MM-DD/],
    [{ end: '1999-12-31' }, /out of range/],
  ])('refuses %o with a UserError', (change, message) => {
    const options = { sellers: 10, days: 10, seed: 1, end: '2025-11-30', ...change };
    expect(() => validateDemoOptions(options)).toThrow(UserError);
    expect(() => validateDemoOptions(options)).toThrow(message);
  });

  it('accepts the limits', () => {
    expect(validateDemoOptions({ sellers: 1_000_000, days: 3660, seed: 0, end: '2026-01-01' })).toEqual({
      sellers: 1_000_000,
      days: 3660,
      seed: 0,
      end: '2026-01-01',
    });
  });
});

describe('planDemo', () => {
  it('covers every day exactly once with chunks sized for bounded memory', () => {
    for (const [sellers, days] of [
      [2000, 180],
      [100_000, 365],
      [1, 1],
      [1_000_000, 30],
    ] as const) {
      const plan = planDemo({ sellers, days, seed: 1, end: '2026-03-31' }, UTC);
      expect(plan.chunks[0]?.fromDay).toBe(0);
      expect(plan.chunks.at(-1)?.toDay).toBe(days - 1);
      plan.chunks.forEach((chunk, i) => {
        if (i > 0) expect(chunk.fromDay).toBe((plan.chunks[i - 1]?.toDay ?? 0) + 1);
        expect((chunk.toDay - chunk.fromDay + 1) * sellers * 5).toBeLessThanOrEqual(
          Math.max(3_000_000, sellers * 5),
        );
      });
    }
    expect(planDemo({ sellers: 2000, days: 180, seed: 1, end: '2026-03-31' }, UTC).chunks).toHaveLength(1);
  });

  it('dates the range in local days and windows the stories at the end', () => {
    const plan = planDemo(
      { sellers: 150, days: 60, seed: 1, end: '2025-11-30' },
      { timezone: 'Asia/Jakarta', currency: 'IDR' },
    );
    expect(plan).toMatchObject({
      from: '2025-10-02',
      to: '2025-11-30',
      timezone: 'Asia/Jakarta',
      price: { rate: 16000 },
    });
    expect(plan.stories).toEqual({
      collapseFrom: 39,
      dipFrom: 46,
      hostFrom: 4,
      hostWeeks: 8,
      neverLive: true,
    });
  });

  it('plants only the stories a small dataset can hold', () => {
    expect(planDemo({ sellers: 5, days: 20, seed: 1, end: '2025-11-30' }, UTC).stories).toEqual({
      collapseFrom: null,
      dipFrom: null,
      hostFrom: null,
      hostWeeks: 2,
      neverLive: false,
    });
    expect(planDemo({ sellers: 20, days: 30, seed: 1, end: '2025-11-30' }, UTC).stories).toEqual({
      collapseFrom: null,
      dipFrom: 16,
      hostFrom: 2,
      hostWeeks: 4,
      neverLive: true,
    });
  });
});
