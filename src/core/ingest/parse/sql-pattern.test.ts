import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { contains, fullMatch, literal, literalList } from './sql-pattern.ts';

let db: Database;
beforeAll(async () => {
  db = await Database.open(':memory:');
});
afterAll(() => db.close());

describe('sql-pattern', () => {
  it('writes constant text as a literal with quotes doubled, binding nothing', async () => {
    const text = literal("1'234 \\d{3} %d/%m");
    expect(text.toQuery()).toEqual({ text: "'1''234 \\d{3} %d/%m'", values: [] });
    expect(await db.query(sql`SELECT ${text} AS t, ${literalList(['a', "b'c"])} AS l`)).toEqual([
      { t: "1'234 \\d{3} %d/%m", l: ['a', "b'c"] },
    ]);
  });

  it('tests the whole text with fullMatch and any part with contains', async () => {
    const rows = await db.query(
      sql`SELECT ${fullMatch(sql`${'12a'}`, String.raw`\d+`)} AS whole, ${contains(sql`${'12a'}`, String.raw`\d+`)} AS part`,
    );
    expect(rows).toEqual([{ whole: false, part: true }]);
  });
});
