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

  it('builds an earlier version asked for again beside the newer one being built, without a conflict', async () => {
    const tables = new CachedTables('test_again', 4);
    await tables.get(db, 'k', 'v1', quick(1));
    // v2 builds; a request that counted its version before v2 asks for v1 again; then v2 again.
    const v2 = tables.get(db, 'k', 'v2', slow(2));
    const v1 = tables.get(db, 'k', 'v1', slow(1));
    const v2again = tables.get(db, 'k', 'v2', slow(2));
    const [a, b, c] = await Promise.all([v2, v1, v2again]);
    expect([await answer(b), await answer(c)]).toEqual([1, 2]);
    expect(new Set([a, b, c].map((t) => t.table.toQuery().text)).size).toBe(3);
  });

  it('forgets a key only when its current table is missing, not when a request missed the one before it', async () => {
    const tables = new CachedTables('test_forget', 4);
    const first = await tables.get(db, 'k', 'v1', quick(1));
    const second = await tables.get(db, 'k', 'v2', quick(2));
    // The v1 table is dropped once v2 is built (what a request still reading it then misses).
    const exists = async (table: { table: ReturnType<typeof sql.raw> }) =>
      (await db.query<{ n: number }>(sql`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE database_name = 'aisle_cache' AND table_name = ${table.table.toQuery().text.split('.').at(-1) ?? ''}`))[0]?.n === 1;
    for (let tries = 0; tries < 100 && (await exists(first)); tries++) await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(answer(first)).rejects.toThrow(/does not exist/);
    await tables.forgetIfMissing(db, 'k');
    const again = await tables.get(db, 'k', 'v2', () => {
      throw new Error('built again although its table is there');
    });
    expect(again.table.toQuery().text).toBe(second.table.toQuery().text);
    // Its current table gone (evicted): forgotten, built again on the next request.
    await db.exec(`DROP TABLE ${second.table.toQuery().text}`);
    await tables.forgetIfMissing(db, 'k');
    expect(await answer(await tables.get(db, 'k', 'v2', quick(3)))).toBe(3);
  });
});
