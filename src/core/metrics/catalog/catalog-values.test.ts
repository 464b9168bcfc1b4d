/**
 * Every metric of the catalog against a value worked out by hand from the tiny dataset
 * (test/support/tiny-dataset.ts). The table must name every metric, so a metric added to the
 * catalog without a hand-checked value fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { openMigratedMemoryDb } from '../../../../test/support/temp-db.ts';
import { TINY_DATASET } from '../../../../test/support/tiny-dataset.ts';
import { queryMetrics } from '../query-metrics.ts';
import { METRICS } from './index.ts';

const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };

// Seller-days: s1 09 (gmv 100, cancelled 10, refunds 5, orders 4, items 5, live 60) and 10 (300, 6
// orders, 8 items), both from lines; s2 10 (50.50, 1 order, 1 item, 1 buyer) and 16 (1000, 10, 12,
// 9 buyers), imported. Sessions: l1 (1 h, 5000 impressions, 1000 views, 800 viewers, peak 120, 45 s average view,
// 50/30/20 likes/comments/shares, 16 follows, 60.00 GMV, 100 clicks of 400 impressions, 3 orders,
// 3 buyers) and l2 (2 h, 100 impressions, 10 views, 10 viewers, peak 4, 30 s, 5 likes, 0 GMV, 1 click of 10, 0).
const EXPECTED: Record<string, number | null> = {
  gmv: 1450.5,
  net_gmv: 1435.5, // 1450.50 − 10 cancelled − 5 refunded
  orders: 21,
  items_sold: 26,
  buyers_in_lines: 6, // b1…b6; o9 has no buyer id
  buyers_daily: 10, // s2's imported 1 + 9
  buyers: 16,
  aov: 69.07, // 1450.50 / 21 = 69.0714…
  active_sellers: 2,
  engaged_sellers: 2,
  new_sellers: 2, // first seen 11-09 and 11-10
  live_sessions: 2,
  live_hours: 3,
  live_gmv: 60,
  live_impressions: 5100,
  views: 1010,
  viewers: 810,
  likes: 55,
  comments: 30,
  shares: 20,
  new_followers: 16,
  live_product_clicks: 101,
  live_product_impressions: 410,
  live_orders: 3,
  live_buyers: 3,
  peak_viewers: 120,
  view_seconds: 45_300, // 45 × 1000 + 30 × 10
  engagements: 105,
  live_sellers: 1,
  live_gmv_share: 60 / 1450.5,
  avg_view_duration_s: 45_300 / 1010,
  engagement_rate: 105 / 1010,
  like_rate: 55 / 1010,
  comment_rate: 30 / 1010,
  share_rate: 20 / 1010,
  follow_rate: 16 / 810,
  live_view_rate: 1010 / 5100,
  ctr: 101 / 1010,
  product_ctr: 101 / 410,
  ctor: 3 / 101,
  live_conversion: 3 / 810,
  live_aov: 20, // 60 / 3 orders
  gpm: 59.41, // 60 / 1010 × 1000 = 59.405…, money to 2 decimals
  seller_adoption_rate: 0.5, // s1 went live; s1 and s2 were active
  gmv_per_live_hour: 20,
};

describe('metric catalog values on the hand-built dataset', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedMemoryDb();
    await db.exec(TINY_DATASET);
  });
  afterAll(() => db.close());

  it('has a hand-worked value for every metric', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...METRICS.keys()].sort());
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name} for November`, async () => {
      const { rows } = await queryMetrics(db, { metrics: [name], ...NOVEMBER });
      const value = rows[0]?.[name];
      if (expected === null) expect(value).toBeNull();
      else expect(value as number).toBeCloseTo(expected, 9);
    });
  }

  it('marks buyers approximate only when imported daily buyers are part of the value', async () => {
    const withDaily = await queryMetrics(db, { metrics: ['buyers'], ...NOVEMBER });
    expect(withDaily.approximate).toEqual(['buyers']);
    const linesOnly = await queryMetrics(db, { metrics: ['buyers', 'gmv'], from: '2026-11-09', to: '2026-11-09' });
    expect(linesOnly.rows).toEqual([{ buyers: 3, gmv: 100 }]);
    expect(linesOnly.approximate).toBeUndefined();
  });

  it('counts a buyer once across days and sellers, but imported daily buyers per day', async () => {
    const { rows } = await queryMetrics(db, { metrics: ['buyers'], by: ['seller'], ...NOVEMBER });
    expect(rows).toEqual([
      { seller: 's1', seller_name: 'Casa Rapi', buyers: 6 }, // b1 bought on both days
      { seller: 's2', seller_name: 'Glow Lab', buyers: 10 },
    ]);
  });

  it('splits GMV by channel so that the channels add up to GMV', async () => {
    const { rows } = await queryMetrics(db, { metrics: ['gmv'], by: ['channel'], ...NOVEMBER });
    // live: o1 (60); video: o3 25 + o6 50; product_card: o2 10 + o4 5 + o5 100 + o7 40 + o8 30 + o9 35;
    // other: o5 line 2 (20) + o10 (25) + s2's imported days without a split (1050.50).
    expect(rows).toEqual([
      { channel: 'live', gmv: 60 },
      { channel: 'other', gmv: 1095.5 },
      { channel: 'product_card', gmv: 220 },
      { channel: 'video', gmv: 75 },
    ]);
    expect(rows.reduce((sum, row) => sum + (row.gmv as number), 0)).toBeCloseTo(1450.5, 6);
  });

  it('reads orders and items by channel from the order lines', async () => {
    const { rows } = await queryMetrics(db, { metrics: ['orders', 'items_sold'], by: ['channel'], ...NOVEMBER });
    // o5 has lines in two channels, so it counts in both.
    expect(rows).toEqual([
      { channel: 'live', orders: 1, items_sold: 2 },
      { channel: 'other', orders: 2, items_sold: 2 },
      { channel: 'product_card', orders: 6, items_sold: 7 },
      { channel: 'video', orders: 2, items_sold: 2 },
    ]);
  });

  it('filters by channel', async () => {
    const { rows } = await queryMetrics(db, { metrics: ['gmv', 'orders'], ...NOVEMBER, where: [{ dimension: 'channel', values: ['live'] }] });
    expect(rows).toEqual([{ gmv: 60, orders: 1 }]);
  });

  it('computes seller adoption within each slice', async () => {
    const { rows } = await queryMetrics(db, { metrics: ['seller_adoption_rate', 'live_sellers', 'engaged_sellers'], by: ['subcategory'], ...NOVEMBER });
    expect(rows).toEqual([
      { subcategory: 'kitchen', seller_adoption_rate: 1, live_sellers: 1, engaged_sellers: 1 },
      { subcategory: 'skin_care', seller_adoption_rate: 0, live_sellers: 0, engaged_sellers: 1 },
    ]);
  });

  it('counts new sellers in the period of their first activity', async () => {
    const { rows } = await queryMetrics(db, { metrics: ['new_sellers'], by: ['period'], grain: 'day', ...NOVEMBER });
    expect(rows).toEqual([
      { period: '2026-11-09', new_sellers: 1 },
      { period: '2026-11-10', new_sellers: 1 },
    ]);
    const later = await queryMetrics(db, { metrics: ['new_sellers'], from: '2026-11-11', to: '2026-11-30' });
    expect(later.rows).toEqual([{ new_sellers: 0 }]);
  });

  it('keeps a value nobody reported empty instead of 0', async () => {
    await db.exec(`INSERT INTO livestreams (id, seller_id, started_at, start_date, duration_s, gmv) VALUES
      ('l9', 's2', TIMESTAMPTZ '2026-12-01 19:00:00+00', DATE '2026-12-01', 600, 0)`);
    const { rows } = await queryMetrics(db, { metrics: ['views', 'live_sessions', 'engagement_rate', 'avg_view_duration_s'], from: '2026-12-01', to: '2026-12-01' });
    expect(rows).toEqual([{ views: null, live_sessions: 1, engagement_rate: null, avg_view_duration_s: null }]);
  });

  it('refuses a dimension no source of the metric can split by, naming both', async () => {
    await expect(queryMetrics(db, { metrics: ['live_gmv'], by: ['channel'], ...NOVEMBER })).rejects.toThrow(/dimension "channel" does not apply to live_gmv/);
  });
});
