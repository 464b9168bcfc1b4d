/**
 * Test support: runs a parser's expressions in a real DuckDB over a tiny inline table of raw
 * values (bound as parameters, like the staging table's VARCHAR cells) and returns what each row
 * parsed to. The parsers are SQL, so the only honest test runs that SQL.
 */
import type { Executor } from '../../db/database.ts';
import type { PlainValue } from '../../db/convert-row.ts';
import { sql, type Sql } from '../../db/sql.ts';
import type { ParsedExpr } from './types.ts';

export interface ParsedRow {
  raw: string | null;
  value: PlainValue;
  error: string | null;
}

export async function evaluateParser(
  db: Executor,
  parser: (raw: Sql) => ParsedExpr,
  raws: readonly (string | null)[],
): Promise<ParsedRow[]> {
  if (raws.length === 0) return [];
  const { value, error } = parser(sql.ident('raw'));
  const rows = sql.join(raws.map((raw, i) => sql`(${i}, CAST(${raw} AS VARCHAR))`));
  return db.query<ParsedRow>(
    sql`SELECT raw, ${value} AS value, ${error} AS error FROM (VALUES ${rows}) AS t(i, raw) ORDER BY i`,
  );
}

/** One value through a parser: `[value, error]`. */
export async function parseOne(
  db: Executor,
  parser: (raw: Sql) => ParsedExpr,
  raw: string | null,
): Promise<[PlainValue, string | null]> {
  const [row] = await evaluateParser(db, parser, [raw]);
  if (!row) throw new Error('parser returned no row');
  return [row.value, row.error];
}
