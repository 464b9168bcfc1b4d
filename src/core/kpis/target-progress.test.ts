import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import { openMigratedMemoryDb } from '../../../test/support/temp-db.ts';
import { TINY_DATASET } from '../../../test/support/tiny-dataset.ts';
import { setTargets, targetProgress } from './targets.ts';
import { targetStatus } from './target-progress.ts';

let db: Database;

// TINY_DATASET, November 2026: s1 (tier A, kitchen) sells 100 on the 9th and 300 on the 10th with
// 4 + 6 orders; s2 (tier B, skin care) sells 50.50 on the 10th (1 order) and 1000 on the 16th
// (10 orders). The latest day with data in November is the 16th: 16 of 30 days elapsed.
beforeAll(async () => {
  db = await openMigratedMemoryDb();
  await db.exec(TINY_DATASET);
  await setTargets(db, SYSTEM_ACTOR, [
    { metric: 'gmv', period: '2026-11', value: 3000 },
    { metric: 'gmv', scope: 'subcategory:kitchen', period: '2026-11', value: 700 },
    { metric: 'orders', scope: 'seller:s2', period: '2026-11', value: 20 },
    { metric: 'aov', period: '2026-11', value: 100 },
    { metric: 'gmv', scope: 'seller_tier:A', period: '2026-W46', value: 1000 },
    { metric: 'gmv', period: '2026-12', value: 5000 },
  ]);
});
afterAll(async () => db.close());

describe('targetProgress', () => {
  it('projects additive metrics at the run rate and others at their current value', async () => {
    const report = await targetProgress(db, { period: '2026-11' });
    expect(report).toMatchObject({ period: '2026-11', from: '2026-11-01', to: '2026-11-30', asOf: '2026-11-16', elapsedDays: 16, totalDays: 30 });
    const byKey = new Map(report.items.map((i) => [`${i.metric}|${i.scope}`, i]));
    // 1450.50 so far → 1450.50 / 16 × 30 = 2719.6875, 90.7 % of 3000: behind.
    expect(byKey.get('gmv|category')).toMatchObject({ target: 3000, actual: 1450.5, progress: 0.4835, projection: 2719.6875, projectionBasis: 'run_rate', status: 'behind' });
    // Kitchen is s1 only: 400 → 750, 107 % of 700: ahead.
    expect(byKey.get('gmv|subcategory:kitchen')).toMatchObject({ actual: 400, projection: 750, status: 'ahead' });
    // s2: 11 orders → 20.625, 103 % of 20: on track.
    expect(byKey.get('orders|seller:s2')).toMatchObject({ actual: 11, projection: 20.625, status: 'on_track' });
    // AOV 1450.50 / 21 orders = 69.07 stays 69.07 (a ratio is not extrapolated).
    expect(byKey.get('aov|category')).toMatchObject({ actual: 69.07, projection: 69.07, projectionBasis: 'current', status: 'behind' });
    expect(report.items).toHaveLength(4);
  });

  it('measures a week to its own latest day with data, for a tier', async () => {
    const report = await targetProgress(db, { period: '2026-w46' });
    // W46 is 9–15 Nov; data on the 9th and 10th → 2 of 7 days. Tier A (s1) sold 400 → 1400.
    expect(report).toMatchObject({ from: '2026-11-09', to: '2026-11-15', asOf: '2026-11-10', elapsedDays: 2, totalDays: 7 });
    expect(report.items.map((i) => [i.scope, i.actual, i.projection, i.progress, i.status])).toEqual([['seller_tier:A', 400, 1400, 0.4, 'ahead']]);
  });

  it('filters by scope and metric, and reports no status before any data', async () => {
    const filtered = await targetProgress(db, { period: '2026-11', scope: 'seller:s2' });
    expect(filtered.items.map((i) => i.metric)).toEqual(['orders']);
    expect((await targetProgress(db, { period: '2026-11', metrics: ['aov'] })).items.map((i) => i.scope)).toEqual(['category']);
    const december = await targetProgress(db, { period: '2026-12' });
    expect(december).toMatchObject({ asOf: null, elapsedDays: 0, totalDays: 31 });
    expect(december.items.map((i) => [i.actual, i.progress, i.projection, i.status])).toEqual([[null, null, null, null]]);
  });

  it('documents the status rule: behind below 95 %, ahead from 105 %', () => {
    expect([targetStatus(94.99, 100), targetStatus(95, 100), targetStatus(104.99, 100), targetStatus(105, 100)]).toEqual(['behind', 'on_track', 'on_track', 'ahead']);
    expect([targetStatus(0, 0), targetStatus(1, 0), targetStatus(null, 10)]).toEqual(['on_track', 'ahead', null]);
  });

  it('refuses a malformed period', async () => {
    await expect(targetProgress(db, { period: '2026-11-01' })).rejects.toThrow(/not a month YYYY-MM or an ISO week/);
  });
});
