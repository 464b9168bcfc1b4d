import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database, type SlowStatement } from './database.ts';
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

  it('passes statements at or over the slow-statement threshold to the log, with their text but never their values', async () => {
    const logged: SlowStatement[] = [];
    const traced = await Database.open(':memory:', { connections: 1, slowStatementMs: 0, onSlowStatement: (s) => logged.push(s) });
    try {
      await traced.exec('CREATE TABLE secrets (email VARCHAR)');
      await traced.run(sql`INSERT INTO secrets VALUES (${'someone@example.com'})`);
      expect(await traced.query(sql`SELECT count(*) AS n FROM secrets WHERE email = ${'someone@example.com'}`)).toEqual([{ n: 1 }]);
      await traced.transaction(async (tx) => tx.run(sql`DELETE FROM secrets`));
      expect(logged.map((s) => s.text)).toEqual([
        'CREATE TABLE secrets (email VARCHAR)',
        'INSERT INTO secrets VALUES ($1)',
        'SELECT count(*) AS n FROM secrets WHERE email = $1',
        'BEGIN TRANSACTION',
        'DELETE FROM secrets',
        'COMMIT',
      ]);
      for (const s of logged) {
        expect(s.waitedMs).toBeGreaterThanOrEqual(0);
        expect(s.ranMs).toBeGreaterThanOrEqual(0);
      }
      expect(JSON.stringify(logged)).not.toContain('someone@example.com');
    } finally {
      await traced.close();
    }
  });

  it('logs nothing below the threshold, and shortens long statements to one line', async () => {
    const logged: SlowStatement[] = [];
    const quiet = await Database.open(':memory:', { slowStatementMs: 60_000, onSlowStatement: (s) => logged.push(s) });
    const traced = await Database.open(':memory:', { slowStatementMs: 0, onSlowStatement: (s) => logged.push(s) });
    try {
      await quiet.query(sql`SELECT 1 AS one`);
      expect(logged).toEqual([]);
      const columns = Array.from({ length: 100 }, (_, i) => `${i} AS\n  column_${i}`).join(', ');
      await traced.exec(`SELECT ${columns}`);
      expect(logged).toHaveLength(1);
      expect(logged[0]?.text).toHaveLength(240);
      expect(logged[0]?.text).toMatch(/^SELECT 0 AS column_0, 1 AS column_1, .*\.\.\.$/);
    } finally {
      await quiet.close();
      await traced.close();
    }
  });

  it('moves the write generation on after a write, but not for work that writes only in-memory caches', async () => {
    const before = db.writeGeneration;
    await db.inMemoryOnly(async (cache) => {
      await cache.exec(`ATTACH IF NOT EXISTS ':memory:' AS scratch_cache`);
      await cache.run(sql`CREATE OR REPLACE TABLE scratch_cache.ids AS SELECT id FROM t`);
    });
    expect(db.writeGeneration).toBe(before);
    expect(await db.query(sql`SELECT (SELECT count(*) FROM scratch_cache.ids) = (SELECT count(*) FROM t) AS copied`)).toEqual([{ copied: true }]);
    await db.run(sql`UPDATE t SET v = v`);
    expect(db.writeGeneration).toBeGreaterThan(before);
  });
});

