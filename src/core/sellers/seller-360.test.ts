import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { queryMetrics } from '../metrics/query-metrics.ts';
import { openMigratedMemoryDb } from '../../../test/support/temp-db.ts';
import { TINY_DATASET } from '../../../test/support/tiny-dataset.ts';
import { sellerPerformance, SELLER_KPIS } from './seller-360.ts';

// Two more kitchen sellers next to s1, so the kitchen median seller is worked out by hand:
// daily GMV on Nov 9 — s1 100, k2 40, k3 0 (no row) → median 40; on Nov 10 — 300, 20, 500 → 300.
const KITCHEN = `
INSERT INTO sellers (id, name, name_key, category_id, subcategory_id) VALUES
  ('k2', 'Panci Jaya', 'panci jaya', 'home_living', 'kitchen'), ('k3', 'Wajan Kita', 'wajan kita', 'home_living', 'kitchen');
INSERT INTO seller_days (seller_id, date, source, gmv, orders, items_sold) VALUES
  ('k2', DATE '2026-11-09', 'import', 40.00, 1, 1), ('k2', DATE '2026-11-10', 'import', 20.00, 1, 1),
  ('k3', DATE '2026-11-10', 'import', 500.00, 5, 5);
INSERT INTO products (id, seller_id, name, subcategory_id, status) VALUES
  ('p1', 's1', 'Pan', 'kitchen', 'active'), ('p2', 's1', 'Pot', 'kitchen', 'active'), ('p3', 's1', 'Soap', 'skin_care', 'active'), ('p4', 's1', 'Old', 'kitchen', 'deleted');
UPDATE order_lines SET subcategory_id = 'kitchen' WHERE seller_id = 's1' AND order_id <> 'o5';
UPDATE order_lines SET subcategory_id = 'skin_care' WHERE order_id = 'o5';
`;

describe('the Seller 360 figures', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedMemoryDb();
    await db.exec(TINY_DATASET);
    await db.exec(KITCHEN);
  });
  afterAll(() => db.close());

  it('gives KPI tiles from the catalog with the previous period and the subcategory median seller', async () => {
    const result = await sellerPerformance(db, 's1', { from: '2026-11-10', to: '2026-11-10' });
    const catalog = await queryMetrics(db, { metrics: [...SELLER_KPIS], where: [{ dimension: 'seller', values: ['s1'] }], from: '2026-11-10', to: '2026-11-10' });
    for (const kpi of result.kpis) expect(kpi.value, kpi.metric).toBe(catalog.rows[0]?.[kpi.metric] ?? null);
    expect(result.kpis.find((k) => k.metric === 'gmv')).toMatchObject({ value: 300, previous: 100, change: 200, changeRatio: 2, median: 300 });
    // Orders on Nov 10: s1 6, k2 1, k3 5 → median 5.
    expect(result.kpis.find((k) => k.metric === 'orders')).toMatchObject({ value: 6, median: 5 });
    expect(result.subcategory).toEqual({ id: 'kitchen', name: 'Kitchen', sellers: 3 });
  });

  it('draws the daily GMV trend next to the median seller, the live calendar, the sessions and the category mix', async () => {
    const result = await sellerPerformance(db, 's1', { from: '2026-11-09', to: '2026-11-10' });
    expect(result.trend.range).toEqual({ from: '2026-10-14', to: '2026-11-10' });
    expect(result.trend.points).toHaveLength(28);
    expect(result.trend.points.slice(-2)).toEqual([
      { date: '2026-11-09', gmv: 100, median: 40 },
      { date: '2026-11-10', gmv: 300, median: 300 },
    ]);
    expect(result.trend.points[0]).toEqual({ date: '2026-10-14', gmv: 0, median: 0 });
    expect(result.calendar.days).toEqual([
      { date: '2026-11-09', sessions: 1, liveGmv: 60 },
      { date: '2026-11-10', sessions: 1, liveGmv: 0 },
    ]);
    expect(result.sessions.map((s) => s.id)).toEqual(['l2', 'l1']);
    // Lines: o5 (120) is skin care, the other 280 kitchen.
    expect(result.mix.sales).toEqual([
      { subcategory: 'kitchen', name: 'Kitchen', amount: 280, share: 0.7 },
      { subcategory: 'skin_care', name: 'Skin care', amount: 120, share: 0.3 },
    ]);
    expect(result.mix.products).toEqual([
      { subcategory: 'kitchen', name: 'Kitchen', products: 2 },
      { subcategory: 'skin_care', name: 'Skin care', products: 1 },
    ]);
  });

  it('answers "not found" for an unknown seller', async () => {
    await expect(sellerPerformance(db, 'ghost')).rejects.toMatchObject({ code: 'not_found' });
  });
});
