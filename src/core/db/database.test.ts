import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from './database.ts';
import { sql } from './sql.ts';

describe('Database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await Database.open(':memory:', { connections: 2 });
    await db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v VARCHAR)');
  });
  afterAll(() => db.close());

  it('commits a transaction as a whole', async () => {
    await db.transaction(async (tx) => {
      await tx.run(sql`INSERT INTO t VALUES (${1}, ${'a'})`);
      await tx.run(sql`INSERT INTO t VALUES (${2}, ${'b'})`);
    });
    expect(await db.query(sql`SELECT count(*) AS n FROM t`)).toEqual([{ n: 2 }]);
  });

  it('rolls back everything when any statement fails', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.run(sql`INSERT INTO t VALUES (${3}, ${'c'})`);
        await tx.run(sql`INSERT INTO t VALUES (${1}, ${'duplicate key'})`);
      }),
    ).rejects.toThrow(/constraint|duplicate/i);
    expect(await db.query(sql`SELECT id FROM t ORDER BY id`)).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('serves more concurrent queries than it has connections', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => db.query<{ x: number }>(sql`SELECT ${i}::INTEGER AS x`)),
    );
    expect(results.map((rows) => rows[0]?.x)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('reports the number of changed rows', async () => {
    expect(await db.run(sql`UPDATE t SET v = ${'z'} WHERE id <= ${2}`)).toBe(2);
  });
});
