import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { openMigratedMemoryDb } from '../../../../test/support/temp-db.ts';
import { D, insertSellers, type SellerSpec } from '../../../../test/support/seller-map-data.ts';
import { writeSegments } from './recompute-segments.sql.ts';
import { SELLER_TIERS } from './seller-tiers.sql.ts';
import { DEFAULT_TIER_THRESHOLDS, type TierThresholds } from './tier-thresholds.ts';

interface SegmentRow {
  seller_id: string;
  tier: string;
  tier_reason: string;
  lifecycle: string;
  lifecycle_reason: string;
  live_status: string;
  live_status_reason: string;
  gmv_window: number;
}

let db: Database;
async function segments(thresholds: TierThresholds = DEFAULT_TIER_THRESHOLDS): Promise<Map<string, SegmentRow>> {
  await writeSegments(db, { asOf: D, thresholds, currency: 'USD' });
  const rows = await db.query<SegmentRow>(sql`SELECT * EXCLUDE (computed_at) FROM seller_segments`);
  return new Map(rows.map((r) => [r.seller_id, r]));
}
function get(map: Map<string, SegmentRow>, id: string): SegmentRow {
  const row = map.get(id);
  if (!row) throw new Error(`no segment row for ${id}`);
  return row;
}

// Twenty sellers selling 1,000 … 20,000 a day for 90 days (so t20 is the biggest), and the
// lifecycle and live-status cases, each a seller of its own.
const ranked: SellerSpec[] = Array.from({ length: 20 }, (_, i) => ({ id: `t${i + 1}`, gmv: [{ back: [89, 0], gmv: (i + 1) * 1000 }] }));
const lifecycle: SellerSpec[] = [
  { id: 'churned', gmv: [{ back: [89, 61], gmv: 100 }] },
  { id: 'dormant_edge', gmv: [{ back: [89, 30], gmv: 100 }] },
  { id: 'active_edge', gmv: [{ back: [89, 29], gmv: 100 }] },
  { id: 'churn_edge', gmv: [{ back: [89, 60], gmv: 100 }] },
  { id: 'new', gmv: [{ back: [29, 0], gmv: 100 }] },
  { id: 'growing', gmv: [{ back: [55, 28], gmv: 100 }, { back: [27, 0], gmv: 150 }] },
  { id: 'growing_edge', gmv: [{ back: [55, 28], gmv: 100 }, { back: [27, 0], gmv: 120 }] },
  { id: 'steady_edge', gmv: [{ back: [55, 28], gmv: 100 }, { back: [27, 0], gmv: 119 }] },
  { id: 'declining', gmv: [{ back: [55, 28], gmv: 100 }, { back: [27, 0], gmv: 70 }] },
  { id: 'back_from_break', gmv: [{ back: [80, 60], gmv: 100 }, { back: [20, 0], gmv: 100 }] },
  { id: 'registered_only', tier: 'Gold' },
];
const live: SellerSpec[] = [
  { id: 'lapsed', gmv: [{ back: [89, 0], gmv: 100 }], sessions: [{ back: [60, 30] }] },
  { id: 'regular', gmv: [{ back: [89, 0], gmv: 100 }], sessions: [{ back: [49, 0], every: 7 }] },
  { id: 'regular_edge', gmv: [{ back: [89, 0], gmv: 100 }], sessions: [{ back: [27, 0], every: 7 }] },
  { id: 'occasional', gmv: [{ back: [89, 0], gmv: 100 }], sessions: [{ back: [20, 0], every: 10 }] },
];

beforeAll(async () => {
  db = await openMigratedMemoryDb();
  await insertSellers(db, [...ranked, ...lifecycle, ...live]);
});
afterAll(async () => {
  await db.close();
});

describe('tiers from GMV percentiles over the rolling window', () => {
  it('cuts S, A, B and C from the ranks of the sellers with sales, biggest first', async () => {
    const map = await segments();
    // 34 sellers have GMV in the 90 days; S = top 5% → ceil(1.7) = 2 sellers, A = top 15% → 6, B = top 40% → 14.
    expect(['t20', 't19'].map((id) => get(map, id).tier)).toEqual(['S', 'S']);
    expect(['t18', 't15'].map((id) => get(map, id).tier)).toEqual(['A', 'A']);
    expect(['t14', 't7'].map((id) => get(map, id).tier)).toEqual(['B', 'B']);
    expect(['t6', 't1', 'lapsed'].map((id) => get(map, id).tier)).toEqual(['C', 'C', 'C']);
    expect(get(map, 't20')).toMatchObject({
      gmv_window: 1_800_000,
      tier_reason: 'GMV $1.8M over the last 90 days, #1 of 34 sellers with sales (top 3%); S is the top 5%',
    });
    expect(get(map, 't1').tier_reason).toBe('GMV $90K over the last 90 days, #20 of 34 sellers with sales (top 59%); C is below the top 40%');
  });

  it('puts sellers without sales in the window in C and says so', async () => {
    const map = await segments();
    expect(get(map, 'registered_only')).toMatchObject({ tier: 'C', tier_reason: 'no GMV in the last 90 days', gmv_window: 0 });
  });

  it('follows edited thresholds and window', async () => {
    const map = await segments({ windowDays: 28, s: 10, a: 20, b: 50 });
    // 30 sellers sold in the last 28 days: S = top 10% → 3 sellers.
    expect(['t18', 't17'].map((id) => get(map, id).tier)).toEqual(['S', 'A']);
    expect(get(map, 't18').tier_reason).toBe('GMV $504K over the last 28 days, #3 of 30 sellers with sales (top 10%); S is the top 10%');
    expect(get(map, 'churned')).toMatchObject({ tier: 'C', tier_reason: 'no GMV in the last 28 days' });
  });
});

describe('lifecycle from the trend', () => {
  it('gives each seller the first state that matches, with the numbers in the reason', async () => {
    const map = await segments();
    const states = Object.fromEntries(lifecycle.map((s) => [s.id, get(map, s.id).lifecycle]));
    expect(states).toEqual({
      churned: 'churned',
      dormant_edge: 'dormant',
      active_edge: 'declining', // active 29 days ago: not dormant yet, but nothing sold in the last 4 weeks
      churn_edge: 'churned',
      new: 'new',
      growing: 'growing',
      growing_edge: 'growing',
      steady_edge: 'steady',
      declining: 'declining',
      back_from_break: 'growing',
      registered_only: 'dormant',
    });
    expect(get(map, 'churned').lifecycle_reason).toBe('no sales or livestreams for 61 days (last active 2026-01-29)');
    expect(get(map, 'new').lifecycle_reason).toBe('first active 2026-03-02, 29 days ago; GMV $2.8K since');
    expect(get(map, 'growing').lifecycle_reason).toBe('$4.2K in the last 4 weeks, up 50% on the 4 weeks before ($2.8K)');
    expect(get(map, 'declining').lifecycle_reason).toBe('$2K in the last 4 weeks, down 30% on the 4 weeks before ($2.8K)');
    expect(get(map, 'steady_edge').lifecycle_reason).toBe('$3.3K in the last 4 weeks, within ±20% of the 4 weeks before ($2.8K)');
    expect(get(map, 'back_from_break').lifecycle_reason).toBe('$2.1K in the last 4 weeks, none in the 4 weeks before');
    expect(get(map, 'registered_only').lifecycle_reason).toBe('no sales or livestreams recorded yet');
  });
});

describe('livestream adopter status', () => {
  it('tells never, lapsed, occasional and regular apart', async () => {
    const map = await segments();
    expect(Object.fromEntries(['t1', 'lapsed', 'regular', 'regular_edge', 'occasional'].map((id) => [id, get(map, id).live_status]))).toEqual({
      t1: 'never',
      lapsed: 'lapsed',
      regular: 'regular',
      regular_edge: 'regular',
      occasional: 'occasional',
    });
    expect(get(map, 't1').live_status_reason).toBe('no livestream recorded');
    expect(get(map, 'lapsed').live_status_reason).toBe('last livestream 2026-03-01, 30 days ago');
    expect(get(map, 'regular').live_status_reason).toBe('live in 8 of the last 8 weeks; last on 2026-03-31');
    expect(get(map, 'occasional').live_status_reason).toBe('live in 3 of the last 8 weeks; last on 2026-03-31');
  });
});

describe('the tier the seller_tier dimension reads', () => {
  it('is the computed tier, else the platform tier from the export', async () => {
    await segments();
    const [row] = await db.query(sql`SELECT tier FROM (${SELLER_TIERS}) t WHERE seller_id = 'registered_only'`);
    expect(row).toEqual({ tier: 'C' });
    await db.run(sql`DELETE FROM seller_segments`);
    const [platform] = await db.query(sql`SELECT tier FROM (${SELLER_TIERS}) t WHERE seller_id = 'registered_only'`);
    expect(platform).toEqual({ tier: 'Gold' });
  });
});
