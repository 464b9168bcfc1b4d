import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from './sql.ts';
import { Database } from './database.ts';

describe('sql tagged template', () => {
  it('turns every interpolated value into a numbered parameter', () => {
    const name = "O'Brien";
    const q = sql`SELECT * FROM sellers WHERE name = ${name} AND followers > ${10}`;
    expect(q.toQuery()).toEqual({ text: 'SELECT * FROM sellers WHERE name = $1 AND followers > $2', values: ["O'Brien", 10] });
  });

  it('nests fragments and renumbers their parameters', () => {
    const where = sql`tier = ${'A'} AND region = ${'Jakarta'}`;
    const q = sql`SELECT 1 WHERE ${where} AND x = ${3}`;
    expect(q.toQuery()).toEqual({ text: 'SELECT 1 WHERE tier = $1 AND region = $2 AND x = $3', values: ['A', 'Jakarta', 3] });
  });

  it('joins values and fragments', () => {
    const q = sql`x IN (${sql.join(['a', 'b', 'c'])})`;
    expect(q.toQuery()).toEqual({ text: 'x IN ($1, $2, $3)', values: ['a', 'b', 'c'] });
  });

  it('accepts only plain identifiers and quotes them', () => {
    expect(sql`SELECT ${sql.ident('gmv')}`.toQuery().text).toBe('SELECT "gmv"');
    expect(() => sql.ident('gmv"; DROP TABLE sellers; --')).toThrow(/not a plain identifier/);
  });

  it('refuses undefined and non-finite numbers instead of guessing', () => {
    expect(() => sql`SELECT ${undefined}`).toThrow(/undefined/);
    expect(() => sql`SELECT ${Number.NaN}`).toThrow(/non-finite/);
  });
});

describe('parameter binding against a real DuckDB', () => {
  let db: Database;
  beforeAll(async () => {
    db = await Database.open(':memory:');
    await db.exec(`CREATE TABLE t (id INTEGER, name VARCHAR); INSERT INTO t VALUES (1, 'safe');`);
  });
  afterAll(() => db.close());

  it('keeps a value with quotes and semicolons a value', async () => {
    const hostile = "x'); DROP TABLE t; --";
    await db.run(sql`INSERT INTO t VALUES (${2}, ${hostile})`);
    const rows = await db.query<{ id: number; name: string }>(sql`SELECT id, name FROM t WHERE name = ${hostile}`);
    expect(rows).toEqual([{ id: 2, name: hostile }]);
    const count = await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM t`);
    expect(count[0]?.n).toBe(2);
  });

  it('binds dates and timestamps so they compare with typed columns', async () => {
    const rows = await db.query(
      sql`SELECT DATE '2026-11-11' >= ${'2026-11-01'} AS d, TIMESTAMPTZ '2026-11-11 00:00:00+00' > ${new Date('2026-11-10T23:59:59Z')} AS t`,
    );
    expect(rows).toEqual([{ d: true, t: true }]);
  });
});
