import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { openMigratedMemoryDb } from '../../../test/support/temp-db.ts';
import { TINY_DATASET } from '../../../test/support/tiny-dataset.ts';
import { dataVersion } from './data-version.ts';
import { importFile } from '../ingest/run-import.ts';
import { ensureRollups } from '../metrics/pre-aggregation.ts';

describe('data version', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedMemoryDb();
    await db.exec(TINY_DATASET);
  });
  afterAll(() => db.close());

  it('changes when facts are loaded and stays the same otherwise', async () => {
    const before = await dataVersion(db);
    expect(await dataVersion(db)).toBe(before);
    await db.run(sql`INSERT INTO seller_days (seller_id, date, source, gmv) VALUES ('s1', DATE '2026-12-05', 'import', 10)`);
    const after = await dataVersion(db);
    expect(after).not.toBe(before);
    expect(await dataVersion(db)).toBe(after);
  });

  it('does not count the fact tables again while nothing was written', async () => {
    await dataVersion(db);
    const queries = vi.spyOn(db, 'query');
    try {
      await Promise.all([dataVersion(db), dataVersion(db), dataVersion(db)]);
      expect(queries).not.toHaveBeenCalled();
      await db.run(sql`UPDATE settings SET value = value`);
      await dataVersion(db);
      expect(queries).toHaveBeenCalledTimes(1);
    } finally {
      queries.mockRestore();
    }
  });

  it('sees rows written through a raw connection (an import appender)', async () => {
    const before = await dataVersion(db);
    await db.withConnection(async (_executor, connection) => {
      await connection.run(`INSERT INTO livestreams (id, seller_id, started_at, start_date) VALUES ('l-raw', 's1', TIMESTAMPTZ '2026-12-06 10:00:00+00', DATE '2026-12-06')`);
    });
    expect(await dataVersion(db)).not.toBe(before);
  });

  it('changes when a newer orders export only changes amounts (order lines are not counted, the import is)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'aisle-data-version-'));
    try {
      const orders = async (name: string, amount: string) => {
        const target = path.join(dir, name);
        await writeFile(target, ['Order ID,Created Time,Order Amount', `V-1,2026-12-07 10:00:00,${amount}`].join('\n'));
        return target;
      };
      await importFile(db, await orders('first.csv', '25.00'), { kind: 'orders', by: 'cli', seller: 's1' });
      const before = await dataVersion(db);
      const counts = await db.query(sql`SELECT (SELECT count(*) FROM order_lines) AS lines, (SELECT count(*) FROM seller_days) AS days`);
      await importFile(db, await orders('newer.csv', '30.00'), { kind: 'orders', by: 'cli', seller: 's1' });
      // Same number of order lines and seller-days: only the amount moved.
      expect(await db.query(sql`SELECT (SELECT count(*) FROM order_lines) AS lines, (SELECT count(*) FROM seller_days) AS days`)).toEqual(counts);
      expect(await db.query(sql`SELECT amount FROM order_lines WHERE order_id = 'V-1'`)).toEqual([{ amount: 30 }]);
      expect(await dataVersion(db)).not.toBe(before);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('is not counted again after pre-aggregations are built (they write only in-memory tables)', async () => {
    await ensureRollups(db);
    await dataVersion(db);
    const queries = vi.spyOn(db, 'query');
    try {
      await db.run(sql`INSERT INTO seller_days (seller_id, date, source, gmv) VALUES ('s1', DATE '2026-12-08', 'import', 5)`);
      await ensureRollups(db); // rebuilds both levels for the new data
      const calls = queries.mock.calls.length;
      await dataVersion(db);
      expect(queries.mock.calls.length).toBe(calls);
    } finally {
      queries.mockRestore();
    }
  });
});

