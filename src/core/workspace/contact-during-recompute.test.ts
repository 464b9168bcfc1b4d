// Regression: "Conflict on tuple deletion" — a contact logged while the seller map recomputes (it
// runs in the background after every import) made one of the two fail, because both rewrite the
// contact rules' opportunities. Contact changes now wait for a running recompute.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { CLI_ACTOR } from '../auth/actor.ts';
import { generateDemo } from '../demo/generate-demo.ts';
import { recomputeSellerMap } from '../sellers/segments/recompute.ts';
import { openMigratedMemoryDb } from '../../../test/support/temp-db.ts';
import { logCommunication } from './communications.ts';

describe('a contact logged during a seller-map recompute', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedMemoryDb();
    await generateDemo(db, { sellers: 600, days: 60, seed: 3, end: '2026-11-20' });
    // Segments exist, so a logged contact re-evaluates the contact rules.
    await recomputeSellerMap(db, { reason: 'setup' });
  }, 120_000);
  afterAll(() => db.close());

  it('neither fails: both finish, the contacts are saved, the recompute is recorded', async () => {
    const sellers = await db.query<{ id: string }>(sql`SELECT id FROM sellers ORDER BY id LIMIT 6`);
    const before = await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM communications`);
    const results = await Promise.allSettled([
      recomputeSellerMap(db, { reason: 'test' }),
      // Contacts logged at staggered moments while the recompute's transaction is open.
      ...sellers.map(async (s, i) => {
        await new Promise((resolve) => setTimeout(resolve, 15 * i));
        return logCommunication(db, CLI_ACTOR, { sellerId: s.id, channel: 'call', direction: 'outbound', subject: `Check-in ${i}`, at: '2026-11-20T10:00:00Z' });
      }),
      recomputeSellerMap(db, { reason: 'test again' }),
    ]);
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const [after] = await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM communications`);
    expect(Number(after?.n)).toBe(Number(before[0]?.n) + sellers.length);
  }, 120_000);
});
