import { describe, expect, it } from 'vitest';
import { tierBands, tierProblems } from './tier-form';

const range = { min: 28, max: 365 };

describe('tier form checks', () => {
  it('accepts the defaults and names each problem', () => {
    expect(tierProblems({ windowDays: 90, s: 5, a: 15, b: 40 }, range)).toEqual({});
    expect(tierProblems({ windowDays: 7, s: 0, a: 15, b: 100 }, range)).toEqual({
      windowDays: 'A whole number of days from 28 to 365.',
      s: 'A share above 0% and below 100%.',
      b: 'A share above 0% and below 100%.',
    });
    expect(tierProblems({ windowDays: 90, s: 20, a: 15, b: 15 }, range)).toEqual({ a: 'Must be more than tier S (20%).' });
    expect(tierProblems({ windowDays: 90, s: 5, a: 15, b: 12.25 }, range)).toEqual({ b: 'One decimal at most.' });
  });

  it('describes the bands', () => {
    expect(tierBands({ windowDays: 90, s: 5, a: 15, b: 40 }).map((b) => `${b.tier} ${b.band}`)).toEqual([
      'S top 5%',
      'A next 10% (to top 15%)',
      'B next 25% (to top 40%)',
      'C the other 60%, and sellers without sales',
    ]);
  });
});
