import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Database } from '../db/database.ts';
import { openMigratedMemoryDb } from '../../../test/support/temp-db.ts';
import { TINY_DATASET } from '../../../test/support/tiny-dataset.ts';
import { writeTableWorkbook } from '../shared/xlsx-table.ts';
import { breakdownTable, getOverview, type Overview } from './overview.ts';

function kpi(overview: Overview, metric: string) {
  const found = overview.kpis.find((k) => k.metric === metric);
  if (!found) throw new Error(`no ${metric} tile`);
  return found;
}

describe('overview', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedMemoryDb();
    await db.exec(TINY_DATASET);
  });
  afterAll(() => db.close());

  it('is honestly empty on an empty workspace', async () => {
    const empty = await openMigratedMemoryDb();
    try {
      expect(await getOverview(empty)).toMatchObject({ asOf: null, current: null, kpis: [], trend: [], breakdown: [], movers: { up: [], down: [] } });
    } finally {
      await empty.close();
    }
  });

  it('gives every tile its value, comparison and daily sparkline for the last 7 days with data', async () => {
    const overview = await getOverview(db, { period: 'last_7_days', compare: 'previous' });
    expect(overview.asOf).toBe('2026-11-16');
    expect(overview.current).toEqual({ from: '2026-11-10', to: '2026-11-16' });
    expect(overview.comparisonRange).toEqual({ from: '2026-11-03', to: '2026-11-09' });
    expect(overview.kpis.map((k) => k.metric)).toEqual([
      'gmv', 'orders', 'buyers', 'aov', 'live_gmv_share', 'seller_adoption_rate', 'live_sessions', 'engagement_rate', 'gpm',
    ]);
    // Current: s1 11-10 (300) + s2 11-10 (50.50) + s2 11-16 (1000); previous: s1 11-09 (100).
    expect(kpi(overview, 'gmv')).toMatchObject({ value: 1350.5, comparison: 100, change: 1250.5, changeRatio: 12.505, direction: 'higher_is_better' });
    expect(kpi(overview, 'gmv').sparkline).toEqual([350.5, null, null, null, null, null, 1000]);
    expect(kpi(overview, 'orders')).toMatchObject({ value: 17, comparison: 4 });
    // Buyers: b1 b2 b4 b5 b6 of 11-10's lines + s2's imported 1 + 9 (approximate) vs b1 b2 b3.
    expect(kpi(overview, 'buyers')).toMatchObject({ value: 15, comparison: 3, approximate: true });
    expect(kpi(overview, 'aov')).toMatchObject({ value: 79.44, comparison: 25 });
    expect(kpi(overview, 'live_gmv_share')).toMatchObject({ value: 0, comparison: 0.6 });
    expect(kpi(overview, 'seller_adoption_rate')).toMatchObject({ value: 0.5, comparison: 1 });
    expect(kpi(overview, 'engagement_rate')).toMatchObject({ value: 0.5, comparison: 0.1 });
    expect(kpi(overview, 'gpm')).toMatchObject({ value: 0, comparison: 60 });
    expect(kpi(overview, 'gmv').target).toBeNull();
  });

  it('shows a 28-day trend with live share, nulls on days without data', async () => {
    const overview = await getOverview(db, { period: 'yesterday' });
    expect(overview.current).toEqual({ from: '2026-11-16', to: '2026-11-16' });
    expect(overview.trend).toHaveLength(28);
    expect(overview.trend.find((p) => p.date === '2026-11-09')).toEqual({ date: '2026-11-09', gmv: 100, liveGmv: 60, liveGmvShare: 0.6, comparisonGmv: null });
    expect(overview.trend.find((p) => p.date === '2026-11-12')).toMatchObject({ gmv: null, liveGmv: null });
    // The comparison line is the previous 28 days, day by day: 11-10 is matched with 10-13.
    const week = await getOverview(db, { period: 'custom', from: '2026-11-16', to: '2026-11-16', compare: 'previous' });
    expect(week.trend.find((p) => p.date === '2026-11-16')?.comparisonGmv).toBeNull();
  });

  it('breaks down by subcategory and ranks the sellers that moved most', async () => {
    const overview = await getOverview(db, { period: 'last_7_days' });
    expect(overview.breakdown.map((row) => [row.name, row.values.gmv, row.comparison.gmv, row.changeRatio.gmv])).toEqual([
      ['Skin care', 1050.5, null, null],
      ['Kitchen', 300, 100, 2],
    ]);
    expect(overview.movers.up).toEqual([
      { seller: 's2', name: 'Glow Lab', subcategory: 'skin_care', value: 1050.5, previous: 0, change: 1050.5, changeRatio: null },
      { seller: 's1', name: 'Casa Rapi', subcategory: 'kitchen', value: 300, previous: 100, change: 200, changeRatio: 2 },
    ]);
    expect(overview.movers.down).toEqual([]);
    const reversed = await getOverview(db, { period: 'custom', from: '2026-11-03', to: '2026-11-09' });
    expect(reversed.movers.down.map((m) => [m.seller, m.change])).toEqual([]);
    expect(reversed.movers.up.map((m) => [m.seller, m.change])).toEqual([['s1', 100]]);
  });

  it('compares with the target, pro-rated to the period, and shows progress', async () => {
    await db.exec(`INSERT INTO kpi_targets (metric, scope, period, value) VALUES ('gmv', 'category', '2026-11', 3000), ('live_gmv_share', 'category', '2026-11', 0.25)`);
    try {
      const overview = await getOverview(db, { period: 'last_7_days', compare: 'target' });
      // 3000 × 7/30 = 700; 1350.50 / 700 = 1.9293.
      expect(kpi(overview, 'gmv')).toMatchObject({ value: 1350.5, comparison: 700, target: 700, targetProgress: 1.9293, change: 650.5, targetStatus: 'ahead' });
      expect(kpi(overview, 'live_gmv_share')).toMatchObject({ value: 0, target: 0.25, targetProgress: 0, targetStatus: 'behind' });
      expect(kpi(overview, 'orders')).toMatchObject({ target: null, targetProgress: null, targetStatus: null, comparison: null });
    } finally {
      await db.exec(`DELETE FROM kpi_targets`);
    }
  });

  it('exports the breakdown as a styled workbook with real numbers and neutralised text', async () => {
    {
      const overview = await getOverview(db, { period: 'last_7_days' });
      const kitchen = overview.breakdown[1];
      if (kitchen) kitchen.name = '=HYPERLINK("http://x")'; // a subcategory name typed by someone
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await writeTableWorkbook(breakdownTable(overview))) as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('Subcategories');
      if (!sheet) throw new Error('no Subcategories sheet');
      expect(sheet.getCell('A1').value).toBe('GMV and livestreams by subcategory');
      expect(sheet.getCell('A2').value).toMatch(/2026-11-10 to 2026-11-16, compared with the previous period \(2026-11-03 to 2026-11-09\)/);
      expect(sheet.getRow(4).getCell(1).value).toBe('Subcategory');
      expect(sheet.getRow(4).getCell(2).value).toBe('GMV');
      expect(sheet.getRow(5).getCell(1).value).toBe('Skin care');
      expect(sheet.getRow(5).getCell(2).value).toBe(1050.5);
      expect(sheet.getColumn(2).numFmt).toBe('#,##0.00 "USD"');
      expect(sheet.getRow(6).getCell(1).value).toBe(`'=HYPERLINK("http://x")`);
      expect(sheet.getRow(6).getCell(3).value).toBe(2); // GMV change ratio, formatted as a percentage
      expect(sheet.getColumn(3).numFmt).toBe('+0.0%;-0.0%;0.0%');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    }
  });
});
