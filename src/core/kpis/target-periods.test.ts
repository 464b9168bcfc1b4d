import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { openMigratedMemoryDb } from '../../../test/support/temp-db.ts';
import { isoWeekOf, parsePeriod, periodBoundsSql } from './target-periods.ts';

let db: Database;
beforeAll(async () => {
  db = await openMigratedMemoryDb();
});
afterAll(async () => db.close());

describe('target periods', () => {
  it('knows month lengths, leap years and ISO weeks that start in the previous year', () => {
    expect(parsePeriod('2024-02')).toEqual({ period: '2024-02', kind: 'month', from: '2024-02-01', to: '2024-02-29', days: 29 });
    expect(parsePeriod('2026-W01')).toEqual({ period: '2026-W01', kind: 'week', from: '2025-12-29', to: '2026-01-04', days: 7 });
    expect(parsePeriod('2026-W53')?.from).toBe('2026-12-28'); // 2026 starts on a Thursday: 53 weeks
    expect(parsePeriod('2025-W53')).toBeNull(); // 2025 has 52
    for (const bad of ['2026-13', '2026-00', '2026-W00', '2026-W54', '2026-1', '2026-W1', 'W10', '2026-11-01']) expect(parsePeriod(bad)).toBeNull();
  });

  it('finds the ISO week of a date around new year', () => {
    expect(isoWeekOf('2025-12-29')).toBe('2026-W01');
    expect(isoWeekOf('2027-01-03')).toBe('2026-W53');
    expect(isoWeekOf('2026-11-16')).toBe('2026-W47');
  });

  it('agrees with the SQL bounds used by targetsForRange for every month and week of 2020–2027', async () => {
    const periods: string[] = [];
    for (let year = 2020; year <= 2027; year++) {
      for (let m = 1; m <= 12; m++) periods.push(`${year}-${String(m).padStart(2, '0')}`);
      for (let w = 1; w <= 53; w++) if (parsePeriod(`${year}-W${String(w).padStart(2, '0')}`)) periods.push(`${year}-W${String(w).padStart(2, '0')}`);
    }
    const bounds = periodBoundsSql(sql`p`);
    const rows = await db.query<{ p: string; start: string; end: string }>(sql`
      SELECT p, ${bounds.start} AS start, ${bounds.end} AS "end"
      FROM (VALUES ${sql.join(periods.map((p) => sql`(${p})`))}) AS v(p)`);
    expect(rows).toHaveLength(periods.length);
    for (const row of rows) {
      const range = parsePeriod(row.p);
      expect({ p: row.p, start: row.start, end: row.end }).toEqual({ p: row.p, start: range?.from, end: range?.to });
    }
  });
});
