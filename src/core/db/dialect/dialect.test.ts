import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, GRAINS } from './index.ts';
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

      it('limits with validated integers only', async () => {
        expect(dialect.limit(10, 20).toQuery().text).toBe('LIMIT 10 OFFSET 20');
        expect(() => dialect.limit(-1)).toThrow();
        expect(() => dialect.limit(1.5)).toThrow();
      });
    });
  }
});
