import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from './database.ts';
import { sql } from './sql.ts';
import { DuckDBDecimalValue } from '@duckdb/node-api';
import { convertValue } from './convert-row.ts';

describe('row conversion', () => {
  let db: Database;
  beforeAll(async () => {
    db = await Database.open(':memory:');
  });
  afterAll(() => db.close());

  it('turns DuckDB values into plain JSON values', async () => {
    const [row] = await db.query(sql`SELECT
      42::BIGINT AS big, 7::HUGEINT AS huge, 1234.5::DECIMAL(18,2) AS money, 0.034::DOUBLE AS rate,
      DATE '2026-11-11' AS day, TIMESTAMPTZ '2026-11-11 08:30:00+07' AS instant,
      TIMESTAMP '2026-11-11 08:30:00' AS local_ts, '{"a":[1,2]}'::JSON AS doc, ['x','y'] AS list,
      {'k': 1::BIGINT} AS struct, NULL::INTEGER AS nothing, true AS yes, 'text' AS s`);
    expect(row).toEqual({
      big: 42,
      huge: 7,
      money: 1234.5,
      rate: 0.034,
      day: '2026-11-11',
      instant: '2026-11-11T01:30:00.000Z',
      local_ts: '2026-11-11T08:30:00.000',
      doc: { a: [1, 2] },
      list: ['x', 'y'],
      struct: { k: 1 },
      nothing: null,
      yes: true,
      s: 'text',
    });
  });

  it('keeps decimals exact to the cent', async () => {
    const [row] = await db.query<{ v: number }>(sql`SELECT 11674555.88::DECIMAL(18,2) AS v`);
    expect(row?.v).toBe(11674555.88);
  });

  it('throws instead of losing precision on huge integers', async () => {
    await expect(db.query(sql`SELECT 9007199254740993::BIGINT AS too_big`)).rejects.toThrow(/too_big.*too large/);
  });
});

describe('DECIMAL to number', () => {
  it('gives the same number as parsing the decimal text, for every cent value and at the limits', () => {
    for (let cents = -100_000n; cents <= 100_000n; cents += 7n) {
      const value = new DuckDBDecimalValue(cents, 18, 2);
      expect(convertValue(value, 'amount')).toBe(Number(value.toString()));
    }
    for (const [raw, scale] of [[9_007_199_254_740_991n, 2], [123_456_789_012_345_678n, 2], [-5n, 0], [1n, 6], [10n ** 30n + 1n, 4]] as const) {
      const value = new DuckDBDecimalValue(raw, 38, scale);
      expect(convertValue(value, 'amount')).toBe(Number(value.toString()));
    }
  });
});
