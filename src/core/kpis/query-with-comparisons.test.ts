import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openMigratedMemoryDb } from '../../../test/support/temp-db.ts';
import { TINY_DATASET } from '../../../test/support/tiny-dataset.ts';
import { addMonths, comparisonRange, periodRowRange, resolvePeriod, shiftDate, weekStart } from './periods.ts';
import { parseComparisons, queryMetricsWithComparisons } from './query-with-comparisons.ts';

describe('periods', () => {
  it('adds months clamping to the month end', () => {
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', -12)).toBe('2023-02-28');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonths('2026-11-01', 2)).toBe('2027-01-01');
  });

  it('resolves presets ending on the latest day with data', () => {
    const asOf = '2026-11-18'; // a Wednesday
    expect(resolvePeriod('yesterday', asOf)).toEqual({ from: '2026-11-18', to: '2026-11-18' });
    expect(resolvePeriod('last_7_days', asOf)).toEqual({ from: '2026-11-12', to: '2026-11-18' });
    expect(resolvePeriod('last_28_days', asOf)).toEqual({ from: '2026-10-22', to: '2026-11-18' });
    expect(resolvePeriod('week', asOf)).toEqual({ from: '2026-11-16', to: '2026-11-18' });
    expect(resolvePeriod('month', asOf)).toEqual({ from: '2026-11-01', to: '2026-11-18' });
    expect(resolvePeriod('custom', asOf, { from: '2026-10-01', to: '2026-10-31' })).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(() => resolvePeriod('custom', asOf, { from: '2026-10-31', to: '2026-10-01' })).toThrow(/starts/);
    expect(weekStart('2026-11-22')).toBe('2026-11-16'); // Sunday belongs to the week starting Monday
  });

  it('compares whole months with whole months and other spans day for day', () => {
    expect(comparisonRange({ from: '2026-11-01', to: '2026-11-30' }, 'previous', null)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(comparisonRange({ from: '2026-02-01', to: '2026-02-28' }, 'previous', null)).toEqual({ from: '2026-01-01', to: '2026-01-31' });
    expect(comparisonRange({ from: '2026-11-12', to: '2026-11-18' }, 'previous', null)).toEqual({ from: '2026-11-05', to: '2026-11-11' });
    expect(comparisonRange({ from: '2026-11-01', to: '2026-11-30' }, 'last_year', null)).toEqual({ from: '2025-11-01', to: '2025-11-30' });
    // 52 weeks back: a Thursday–Wednesday week is compared with a Thursday–Wednesday week.
    expect(comparisonRange({ from: '2026-11-12', to: '2026-11-18' }, 'last_year', null)).toEqual({ from: '2025-11-13', to: '2025-11-19' });
  });

  it('shifts period rows by one period of their grain', () => {
    const range = { from: '2026-11-01', to: '2026-11-30' };
    expect(shiftDate('2026-11-09', 'previous', { grain: 'week', range })).toBe('2026-11-02');
    expect(shiftDate('2026-11-01', 'previous', { grain: 'month', range })).toBe('2026-10-01');
    expect(shiftDate('2026-11-09', 'last_year', { grain: 'week', range })).toBe('2025-11-10'); // a Monday again
    expect(periodRowRange('2026-10-26', 'week', { from: '2026-10-29', to: '2026-11-30' })).toEqual({ from: '2026-10-29', to: '2026-11-01' });
  });

  it('refuses unknown comparisons', () => {
    expect(parseComparisons(['previous,target'])).toEqual(['previous', 'target']);
    expect(() => parseComparisons(['yesterday'])).toThrow(
      expect.objectContaining({ message: 'unknown comparison "yesterday"', hint: 'valid comparisons: previous, last_year, target' }),
    );
  });
});

describe('metric query with comparisons', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedMemoryDb();
    await db.exec(TINY_DATASET);
    // Last year's same week for s2 and a target for November.
    await db.exec(`
      INSERT INTO seller_days (seller_id, date, source, gmv, orders, items_sold) VALUES ('s2', DATE '2025-11-17', 'import', 400.00, 4, 4);
      INSERT INTO kpi_targets (metric, scope, period, value) VALUES
        ('gmv', 'category', '2026-11', 3000), ('gmv', 'subcategory:skin_care', '2026-11', 900), ('aov', 'category', '2026-11', 50);`);
  });
  afterAll(() => db.close());

  it('adds previous, last year and target with absolute and relative change', async () => {
    // 2026-11-16 … 22 (Mon–Sun): s2 1000.00. Previous 11-09 … 15: 100 + 300 + 50.50 = 450.50.
    // Last year, 364 days back: 2025-11-17 … 23: 400.00. Target: 3000 × 7/30 = 700.
    const result = await queryMetricsWithComparisons(db, {
      metrics: ['gmv'],
      from: '2026-11-16',
      to: '2026-11-22',
      compare: ['previous', 'last_year', 'target'],
    });
    expect(result.comparisons).toEqual({
      previous: { from: '2026-11-09', to: '2026-11-15' },
      last_year: { from: '2025-11-17', to: '2025-11-23' },
    });
    expect(result.rows).toEqual([
      {
        gmv: 1000,
        gmv_previous: 450.5,
        gmv_previous_change: 549.5,
        gmv_previous_change_ratio: 1.219756, // 549.50 / 450.50
        gmv_last_year: 400,
        gmv_last_year_change: 600,
        gmv_last_year_change_ratio: 1.5,
        gmv_target: 700,
        gmv_target_change: 300,
        gmv_target_change_ratio: 0.428571, // 1000 / 700 − 1
      },
    ]);
  });

  it('matches each period row with its previous period and each group with the same group', async () => {
    const result = await queryMetricsWithComparisons(db, {
      metrics: ['gmv'],
      by: ['subcategory'],
      grain: 'week',
      from: '2026-11-09',
      to: '2026-11-22',
      compare: ['previous', 'target'],
    });
    const pick = (period: string, subcategory: string) => result.rows.find((r) => r.period === period && r.subcategory === subcategory);
    // Week of 11-16, skin care: 1000 vs week of 11-09: 50.50; target 900 × 7/30 = 210.
    expect(pick('2026-11-16', 'skin_care')).toMatchObject({ gmv: 1000, gmv_previous: 50.5, gmv_target: 210, gmv_target_change: 790 });
    // Week of 11-09, kitchen: 400 vs week of 11-02: nothing (null, not 0); no kitchen target.
    expect(pick('2026-11-09', 'kitchen')).toMatchObject({ gmv: 400, gmv_previous: null, gmv_previous_change: null, gmv_target: null });
  });

  it('gives non-additive metrics their target value, not a pro-rated share', async () => {
    const result = await queryMetricsWithComparisons(db, { metrics: ['aov'], from: '2026-11-09', to: '2026-11-10', compare: ['target'] });
    // AOV = 450.50 / 11 = 40.95 against the month's AOV target of 50.
    expect(result.rows).toEqual([{ aov: 40.95, aov_target: 50, aov_target_change: -9.05, aov_target_change_ratio: -0.181 }]);
  });

  it('has no target for rows that are not one scope', async () => {
    const result = await queryMetricsWithComparisons(db, { metrics: ['gmv'], by: ['region'], from: '2026-11-01', to: '2026-11-30', compare: ['target'] });
    expect(result.rows.every((row) => row.gmv_target === null)).toBe(true);
  });
});

describe('preset comparisons', () => {
  it('compares to-date periods with the same days of the previous week or month', async () => {
    const { presetComparisonRange } = await import('./periods.ts');
    expect(presetComparisonRange('month', { from: '2026-11-01', to: '2026-11-23' }, 'previous')).toEqual({ from: '2026-10-01', to: '2026-10-23' });
    expect(presetComparisonRange('month', { from: '2026-03-01', to: '2026-03-31' }, 'previous')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetComparisonRange('month', { from: '2026-11-01', to: '2026-11-23' }, 'last_year')).toEqual({ from: '2025-11-01', to: '2025-11-23' });
    expect(presetComparisonRange('week', { from: '2026-11-16', to: '2026-11-18' }, 'previous')).toEqual({ from: '2026-11-09', to: '2026-11-11' });
    expect(presetComparisonRange('last_7_days', { from: '2026-11-12', to: '2026-11-18' }, 'previous')).toEqual({ from: '2026-11-05', to: '2026-11-11' });
  });
});
