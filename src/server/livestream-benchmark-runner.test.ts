import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../core/db/database.ts';
import { sql } from '../core/db/sql.ts';
import { buildApp } from './app.ts';
import { openMigratedMemoryDb } from '../../test/support/temp-db.ts';
import { insertSessions, insertSessionSellers } from '../../test/support/hand-built-sessions.ts';

// Sessions every third day from 2026-01-05 to 2026-03-06: at start the server ranks the latest
// 8 weeks (Jan 12 – Mar 8) before anyone opens the page; older weeks wait for a reader.
describe('livestream benchmark warm-up', () => {
  let db: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await openMigratedMemoryDb();
    await insertSessionSellers(db);
    const days = Array.from({ length: 21 }, (_, i) => new Date(Date.UTC(2026, 0, 5 + 3 * i)).toISOString().slice(0, 10));
    await insertSessions(db, days.map((day, i) => ({ id: `s${i}`, day, clicks: 10 + i })));
    app = await buildApp({ db, dataDir: '/tmp', webDir: '/nonexistent', warmLivestreamBenchmarks: true });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const pools = () => db.query<{ week: string }>(sql`SELECT CAST(week AS VARCHAR) AS week FROM livestream_benchmark_pools ORDER BY week`);

  it('ranks the latest 8 weeks with data at start, and nothing older', async () => {
    await app.livestreamBenchmarkRunner.idle();
    expect((await pools()).map((p) => p.week)).toEqual([
      '2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23', '2026-03-02',
    ]);
    const [ranked] = await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM livestream_benchmarks`);
    expect(ranked?.n).toBe(18); // every session but those of Jan 5, 8 and 11
  });

  it('re-ranks only the weeks whose sessions changed when asked again (after an import)', async () => {
    const before = await db.query<{ week: string; computed_at: string }>(sql`SELECT CAST(week AS VARCHAR) AS week, CAST(computed_at AS VARCHAR) AS computed_at FROM livestream_benchmark_pools ORDER BY week`);
    await db.run(sql`UPDATE livestreams SET product_clicks = 99 WHERE id = 's20'`); // Mar 6: the pool of Mar 2 only
    app.livestreamBenchmarkRunner.request('import');
    await app.livestreamBenchmarkRunner.idle();
    const after = await db.query<{ week: string; computed_at: string }>(sql`SELECT CAST(week AS VARCHAR) AS week, CAST(computed_at AS VARCHAR) AS computed_at FROM livestream_benchmark_pools ORDER BY week`);
    const changed = after.filter((p, i) => p.computed_at !== before[i]?.computed_at).map((p) => p.week);
    expect(changed).toEqual(['2026-03-02']);
  });
});
