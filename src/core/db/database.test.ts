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

  describe('write generation', () => {
    it('stays the same across reads', async () => {
      const before = db.writeGeneration;
      await db.query(sql`SELECT count(*) AS n FROM t`);
      await db.query(sql`WITH x AS (SELECT 1 AS one) SELECT one FROM x`);
      expect(db.writeGeneration).toBe(before);
    });

    it('moves on after every kind of write', async () => {
      const writes: [string, () => Promise<unknown>][] = [
        ['run', () => db.run(sql`INSERT INTO t VALUES (${10}, ${'x'})`)],
        ['query with RETURNING', () => db.query(sql`INSERT INTO t VALUES (${11}, ${'y'}) RETURNING id`)],
        ['exec', () => db.exec('DELETE FROM t WHERE id = 10')],
        ['transaction', () => db.transaction((tx) => tx.run(sql`UPDATE t SET v = ${'w'} WHERE id = ${11}`))],
        ['raw connection', () => db.withConnection((_executor, connection) => connection.run('DELETE FROM t WHERE id = 11'))],
      ];
      for (const [kind, write] of writes) {
        const before = db.writeGeneration;
        await write();
        expect(db.writeGeneration, kind).toBeGreaterThan(before);
      }
    });

    it('moves on when a transaction commits, after its rows became visible', async () => {
      let insideTransaction = 0;
      await db.transaction(async (tx) => {
        await tx.run(sql`INSERT INTO t VALUES (${12}, ${'z'})`);
        insideTransaction = db.writeGeneration;
      });
      expect(db.writeGeneration).toBeGreaterThan(insideTransaction);
    });
  });
});
