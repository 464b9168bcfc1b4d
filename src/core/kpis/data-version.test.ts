import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { openMigratedMemoryDb } from '../../../test/support/temp-db.ts';
import { TINY_DATASET } from '../../../test/support/tiny-dataset.ts';
import { dataVersion } from './data-version.ts';

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
});
