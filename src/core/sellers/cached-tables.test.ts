import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { openMigratedMemoryDb } from '../../../test/support/temp-db.ts';
import { CachedTables } from './cached-tables.ts';

describe('cached tables: the previous table while a new one builds', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedMemoryDb();
  });
  afterAll(() => db.close());

  const quick = (value: number) => () => sql`SELECT ${sql.raw(String(value))} AS answer`;
  // Long enough to still be building after the first request's wait.
  const slow = (value: number) => () => sql`SELECT CASE WHEN s >= 0 THEN ${sql.raw(String(value))} END AS answer FROM (SELECT count(DISTINCT i * 7919 % 10000019) AS s FROM range(20000000) t(i))`;
  const answer = async (table: { table: ReturnType<typeof sql.raw> }) => (await db.query<{ answer: number }>(sql`SELECT answer FROM ${table.table}`))[0]?.answer;

  it('makes only the first request wait for a slow build; the ones after it read the previous table at once', async () => {
    const tables = new CachedTables('test_cached', 4);
    const first = await tables.get(db, 'k', 'v1', quick(1), 50);
    expect(first.stale).toBe(false);
    expect(await answer(first)).toBe(1);

    const waited = await tables.get(db, 'k', 'v2', slow(2), 50);
    expect(waited.stale).toBe(true);
    expect(await answer(waited)).toBe(1);
    // A wait far longer than the build: without the first request's verdict this one would wait for it.
    const next = await tables.get(db, 'k', 'v2', slow(2), 600_000);
    expect(next.stale).toBe(true);
    expect(await answer(next)).toBe(1);
    // Built: the new table, without waiting (no limit).
    const built = await tables.get(db, 'k', 'v2', slow(2));
    expect(built.stale).toBe(false);
    expect(await answer(built)).toBe(2);
  });
});
