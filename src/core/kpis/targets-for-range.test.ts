import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openMigratedMemoryDb } from '../../../test/support/temp-db.ts';
import { targetKey, targetsForRange } from './targets.ts';
import { rangeTargetsQuery } from './targets.sql.ts';

let db: Database;

beforeAll(async () => {
  db = await openMigratedMemoryDb();
  await db.exec(`
    INSERT INTO kpi_targets (metric, scope, period, value) VALUES
      ('gmv', 'category', '2026-01', 3100), ('gmv', 'category', '2026-02', 2800),
      ('gmv', 'seller:s1', '2026-01', 3100), ('gmv', 'seller:s1', '2026-W02', 700), ('gmv', 'seller:s1', '2026-W03', 1400),
      ('aov', 'category', '2026-01', 50), ('aov', 'category', '2026-02', 80),
      ('engagement_rate', 'subcategory:kitchen', '2026-W01', 0.02), ('engagement_rate', 'subcategory:kitchen', '2026-W02', 0.05);
  `);
});
afterAll(async () => db.close());

describe('targetsForRange', () => {
  it('pro-rates an additive metric by overlap days across a month boundary', async () => {
    // 25–31 Jan: 3100 × 7/31 = 700; 1–3 Feb: 2800 × 3/28 = 300.
    const targets = await targetsForRange(db, { metrics: ['gmv'], scopes: ['category'], from: '2026-01-25', to: '2026-02-03' });
    expect(targets.get(targetKey('gmv', 'category'))).toBeCloseTo(1000, 9);
  });

  it('prefers week targets when they cover the whole range, else falls back to months', async () => {
    const weeks = await targetsForRange(db, { metrics: ['gmv'], scopes: ['seller:s1'], from: '2026-01-05', to: '2026-01-18' });
    expect(weeks.get('gmv|seller:s1')).toBeCloseTo(700 + 1400, 9); // W02 + W03, whole weeks
    const partialWeek = await targetsForRange(db, { metrics: ['gmv'], scopes: ['seller:s1'], from: '2026-01-08', to: '2026-01-14' });
    expect(partialWeek.get('gmv|seller:s1')).toBeCloseTo(700 * (4 / 7) + 1400 * (3 / 7), 9);
    // 19 Jan is in W04, which has no target: the month covers the range instead (3100 × 15/31).
    const months = await targetsForRange(db, { metrics: ['gmv'], scopes: ['seller:s1'], from: '2026-01-05', to: '2026-01-19' });
    expect(months.get('gmv|seller:s1')).toBeCloseTo(1500, 9);
  });

  it('takes the overlap-day-weighted average for non-additive metrics', async () => {
    const targets = await targetsForRange(db, {
      metrics: ['aov', 'engagement_rate'],
      scopes: ['category', 'subcategory:kitchen'],
      from: '2026-01-29',
      to: '2026-02-01',
    });
    expect(targets.get('aov|category')).toBeCloseTo((50 * 3 + 80 * 1) / 4, 9); // 57.5, not pro-rated
    expect(targets.get('engagement_rate|subcategory:kitchen')).toBeNull();
    const weeks = await targetsForRange(db, { metrics: ['engagement_rate'], scopes: ['subcategory:kitchen'], from: '2026-01-03', to: '2026-01-06' });
    // 2026-W01 is 29 Dec – 4 Jan: 3–4 Jan at 0.02, 5–6 Jan (W02) at 0.05.
    expect(weeks.get('engagement_rate|subcategory:kitchen')).toBeCloseTo(0.035, 12);
  });

  it('gives null unless every day of the range is covered, and a key for every metric × scope', async () => {
    const targets = await targetsForRange(db, {
      metrics: ['gmv', 'orders'],
      scopes: ['category', 'seller:nobody'],
      from: '2026-02-20',
      to: '2026-03-02',
    });
    expect([...targets.entries()].sort()).toEqual([
      ['gmv|category', null], // March has no target
      ['gmv|seller:nobody', null],
      ['orders|category', null],
      ['orders|seller:nobody', null],
    ]);
    const inside = await targetsForRange(db, { metrics: ['gmv'], scopes: ['category'], from: '2026-02-01', to: '2026-02-28' });
    expect(inside.get('gmv|category')).toBeCloseTo(2800, 9);
  });

  it('refuses unknown metrics and backwards ranges', async () => {
    await expect(targetsForRange(db, { metrics: ['gmvv'], scopes: ['category'], from: '2026-01-01', to: '2026-01-02' })).rejects.toThrow(/unknown metric "gmvv"/);
    await expect(targetsForRange(db, { metrics: ['gmv'], scopes: ['category'], from: '2026-01-03', to: '2026-01-02' })).rejects.toThrow(/after/);
  });

  it('binds every request value as a parameter in one query', () => {
    const { text, values } = rangeTargetsQuery({ metrics: [{ name: 'gmv', additive: true }], scopes: ["seller:o'brien"], from: '2026-01-01', to: '2026-01-31' }).toQuery();
    expect(text).not.toContain("o'brien");
    expect(text).not.toContain('2026-01-01');
    expect(values).toEqual(['gmv', true, "seller:o'brien", '2026-01-01', '2026-01-31']);
  });

});
