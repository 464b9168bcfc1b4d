import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, GRAINS, postgresDialect } from './index.ts';
import { Database } from '../database.ts';
import { sql } from '../sql.ts';

// Every dialect is discovered from the registry; the suite fails if there is none, so a new
// engine cannot be added without passing the same invariants.
describe('dialects', () => {
  it('are registered', () => {
    expect(dialects.length).toBeGreaterThan(0);
  });

  for (const dialect of dialects.filter((d) => d.name === 'duckdb')) {
    describe(`${dialect.name} (run against the real engine)`, () => {
      let db: Database;
      beforeAll(async () => {
        db = await Database.open(':memory:');
      });
      afterAll(() => db.close());

      it('truncates dates to the first day of each grain, weeks starting on Monday', async () => {
        const day = sql`DATE '2026-11-11'`; // a Wednesday
        const expected = { day: '2026-11-11', week: '2026-11-09', month: '2026-11-01', quarter: '2026-10-01', year: '2026-01-01' };
        for (const grain of GRAINS) {
          const text = sql`SELECT ${dialect.dateTrunc(grain, day)} AS d`;
          expect(text.toQuery().text).toContain(grain);
          const rows = await db.query<{ d: string }>(text);
          expect(rows[0]?.d).toBe(expected[grain]);
        }
      });

      it('divides safely: a zero or null denominator gives null', async () => {
        const rows = await db.query(
          sql`SELECT ${dialect.safeDivide(sql`1`, sql`4`)} AS q, ${dialect.safeDivide(sql`1`, sql`0`)} AS z,
                     ${dialect.safeDivide(sql`1`, sql`NULL`)} AS n`,
        );
        expect(rows).toEqual([{ q: 0.25, z: null, n: null }]);
      });

      it('counts distinct values, adds days and finds the local date of an instant', async () => {
        const rows = await db.query(sql`SELECT ${dialect.countDistinct(sql`x`)} AS n,
            ${dialect.addDays(sql`DATE '2026-12-30'`, sql`${3}`)} AS later,
            ${dialect.localDate(sql`TIMESTAMPTZ '2026-11-10 18:30:00+00'`, sql`${'Asia/Jakarta'}`)} AS jakarta
          FROM (VALUES (1), (1), (2)) v(x)`);
        expect(rows).toEqual([{ n: 2, later: '2027-01-02', jakarta: '2026-11-11' }]);
      });

      it('compares NULLs as equal only in nullSafeEquals', async () => {
        const rows = await db.query(sql`SELECT ${dialect.nullSafeEquals(sql`NULL`, sql`NULL`)} AS nn,
          ${dialect.nullSafeEquals(sql`1`, sql`NULL`)} AS one_null, ${dialect.nullSafeEquals(sql`2`, sql`2`)} AS same`);
        expect(rows).toEqual([{ nn: true, one_null: false, same: true }]);
      });

      it('picks a value of the group and rounds money to cents', async () => {
        const rows = await db.query(sql`SELECT ${dialect.anyValue(sql`name`)} AS name,
            ${dialect.roundMoney(sql`CAST(2.675 AS DECIMAL(18, 3))`)} AS money, ${dialect.roundMoney(sql`CAST(1 AS DOUBLE) / 3`)} AS third
          FROM (VALUES ('Casa Rapi'), ('Casa Rapi')) v(name)`);
        expect(rows).toEqual([{ name: 'Casa Rapi', money: 2.68, third: 0.33 }]);
      });

      it('limits with validated integers only', async () => {
        expect(dialect.limit(10, 20).toQuery().text).toBe('LIMIT 10 OFFSET 20');
        expect(() => dialect.limit(-1)).toThrow();
        expect(() => dialect.limit(1.5)).toThrow();
      });
    });
  }

  // PostgreSQL runs only in `npm run bench:query` (which checks its answers against DuckDB's, row
  // by row); here its spelling is pinned, so a change that breaks PostgreSQL is seen in review.
  describe('postgres (the SQL it emits)', () => {
    const text = (query: ReturnType<typeof sql>) => query.toQuery().text;

    it('truncates through a plain timestamp, so the session time zone cannot shift the day', () => {
      expect(text(postgresDialect.dateTrunc('week', sql`sd.date`))).toBe(
        "CAST(date_trunc('week', CAST(sd.date AS timestamp)) AS date)",
      );
    });

    it('divides as double precision with a NULL for a zero denominator', () => {
      expect(text(postgresDialect.safeDivide(sql`a`, sql`b`))).toBe(
        '(CAST(a AS double precision) / NULLIF(CAST(b AS double precision), 0))',
      );
    });

    it('joins null-safely with a hash-joinable text equality instead of IS NOT DISTINCT FROM', () => {
      const equals = text(postgresDialect.nullSafeEquals(sql`x.d`, sql`y.d`));
      expect(equals).toBe(String.raw`(coalesce(CAST(x.d AS text), E'\x01<null>') = coalesce(CAST(y.d AS text), E'\x01<null>'))`);
      expect(equals).not.toContain('DISTINCT');
    });

    it('has no any_value() (PostgreSQL 15) and rounds money as numeric', () => {
      expect(text(postgresDialect.anyValue(sql`s.name`))).toBe('min(s.name)');
      expect(text(postgresDialect.roundMoney(sql`v`))).toBe('round(CAST(v AS numeric), 2)');
    });

    it('adds days and converts instants with typed parameters', () => {
      const added = postgresDialect.addDays(sql`${'2026-12-30'}`, sql`${3}`).toQuery();
      expect(added).toEqual({ text: '(CAST($1 AS date) + CAST($2 AS integer))', values: ['2026-12-30', 3] });
      expect(text(postgresDialect.localDate(sql`t`, sql`${'Asia/Jakarta'}`))).toBe('CAST(timezone(CAST($1 AS text), t) AS date)');
      expect(text(postgresDialect.countDistinct(sql`x`))).toBe('COUNT(DISTINCT x)');
    });

    it('limits with validated integers only', () => {
      expect(text(postgresDialect.limit(10, 20))).toBe('LIMIT 10 OFFSET 20');
      expect(() => postgresDialect.limit(-1)).toThrow();
    });
  });
});
