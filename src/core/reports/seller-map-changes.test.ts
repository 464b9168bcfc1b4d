import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { openMigratedMemoryDb } from '../../../test/support/temp-db.ts';
import { insertReportMonth, REPORT_MONTH } from '../../../test/support/report-data.ts';
import { recomputeSellerMap } from '../sellers/segments/recompute.ts';
import { parseReportPeriod } from './report-period.ts';
import { sellerMapChanges } from './seller-map-changes.ts';

// The snapshots are written to a temp table shadowing `seller_segments`; the live table, filled
// here by a real recompute, must come out exactly as it went in — also when a recompute runs at
// the same time (the comparison no longer waits for it).
describe('seller map changes over a period', () => {
  let db: Database;
  const range = parseReportPeriod('monthly', REPORT_MONTH).range;
  const liveSegments = () => db.query(sql`SELECT * EXCLUDE (computed_at) FROM seller_segments ORDER BY seller_id`);

  beforeAll(async () => {
    db = await openMigratedMemoryDb();
    await insertReportMonth(db);
    await recomputeSellerMap(db, { asOf: '2026-02-15', today: '2026-02-15' });
  });
  afterAll(() => db.close());

  it('compares the segments before and after the period without touching the live seller map', async () => {
    const before = await liveSegments();
    expect(before.length).toBeGreaterThan(0);
    const changes = await sellerMapChanges(db, range);
    expect(changes.newList.map((s) => s.sellerId).sort()).toEqual(['newbie', 'riser']);
    expect(changes.churnedList.map((s) => s.sellerId)).toEqual(['gone']);
    expect(changes.tierMoves.map((m) => [m.sellerId, m.from, m.to, m.direction])).toEqual([
      ['riser', 'C', 'B', 'up'],
      ['fall', 'B', 'C', 'down'],
    ]);
    expect(await liveSegments()).toEqual(before);
    // Nothing of the comparison is left on the pooled connections.
    expect(await db.query(sql`SELECT table_name FROM duckdb_tables() WHERE database_name = 'temp'`)).toEqual([]);
  });

  it('gives the same answer while a seller map recompute runs, and the recompute lands', async () => {
    const alone = await sellerMapChanges(db, range);
    // A setting no figure reads: the data version moves, so the comparison is made again (not reused) alongside the recompute.
    await db.run(sql`INSERT INTO settings (key, value) VALUES ('test.unrelated', 'x')`);
    const [during] = await Promise.all([sellerMapChanges(db, range), recomputeSellerMap(db, { asOf: '2026-03-31', today: '2026-03-31' })]);
    // The comparison of snapshots is the same; the open opportunities are the live ones, read either
    // before or after the recompute replaced them (it ran as of another day).
    const snapshots = (changes: typeof alone) => ({ ...changes, opportunities: [], opportunitiesTotal: 0, opportunitiesUpside: 0 });
    const opportunities = (changes: typeof alone) => [changes.opportunities, changes.opportunitiesTotal, changes.opportunitiesUpside];
    expect(snapshots(during)).toEqual(snapshots(alone));
    const after = await sellerMapChanges(db, range);
    expect([opportunities(alone), opportunities(after)]).toContainEqual(opportunities(during));
    const [riser] = await db.query<{ tier: string }>(sql`SELECT tier FROM seller_segments WHERE seller_id = 'riser'`);
    expect(riser?.tier).toBe('B');
  });

  it('keeps the comparison while the data is unchanged and compares again once it changes', async () => {
    const first = await sellerMapChanges(db, range);
    first.newList.length = 0; // a caller's copy: changing it changes nothing kept
    const again = await sellerMapChanges(db, range);
    expect(again.newList.map((s) => s.sellerId).sort()).toEqual(['newbie', 'riser']);

    // A seller first seen in the period arrives: the data version moves.
    await db.run(sql`INSERT INTO sellers (id, name, name_key, first_seen, last_seen)
      VALUES ('late', 'Late Bloomer', 'late bloomer', DATE '2026-03-20', DATE '2026-03-20')`);
    const generation = db.writeGeneration;
    const after = await sellerMapChanges(db, range);
    // Computed again, on temp tables only: nothing counts as a write of the workspace's data.
    expect(db.writeGeneration).toBe(generation);
    expect(after.newSellers).toBe(again.newSellers + 1);
    expect(after.newList.map((s) => s.sellerId).sort()).toEqual(['late', 'newbie', 'riser']);
  });
});
