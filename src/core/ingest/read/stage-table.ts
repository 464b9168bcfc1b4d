/**
 * The staging table every import lands in before parsing: a DuckDB TEMP table with
 * `row_no INTEGER` (the row number the user sees in Excel, 1-based, title and header rows
 * included) and one VARCHAR per source column, `c0 … c<n-1>`, holding the raw cell text (NULL for
 * an empty cell). Nothing is parsed here; values stay exactly as the file had them.
 *
 * A TEMP table lives on one DuckDB connection, so a whole import (read, parse, validate, load)
 * runs on the connection given here, e.g. inside `db.withConnection((executor, connection) => …)`.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Executor } from '../../db/database.ts';
import { sql, type Sql } from '../../db/sql.ts';

export interface StageTarget {
  executor: Executor;
  /** The same connection as `executor`; the xlsx reader appends through it. */
  connection: DuckDBConnection;
}

export interface StagedFile {
  /** The TEMP table holding the rows. */
  table: string;
  /** Number of `c<i>` columns. */
  columnCount: number;
  /** Rows in the table (title and header rows included). */
  rowCount: number;
  /** The sheet read, or null for CSV. */
  sheet: string | null;
  /** Every sheet of a workbook, in order. */
  sheets?: string[];
  /**
   * The first rows as text for header detection: `head[i]` is row `i + 1`, empty cells are '',
   * and in a workbook merged cells carry their value into every cell of the merge.
   */
  head: string[][];
}

export const DEFAULT_STAGE_TABLE = 'stage';

export function stageColumnName(index: number): string {
  return `c${index}`;
}

/** `"c0" VARCHAR, "c1" VARCHAR, …` — names are generated, never taken from the file. */
export function stageColumnsDdl(first: number, count: number): Sql {
  return sql.join(
    Array.from({ length: count }, (_, i) => sql`${sql.ident(stageColumnName(first + i))} VARCHAR`),
  );
}

export async function createStageTable(
  executor: Executor,
  table: string,
  columnCount: number,
): Promise<void> {
  await executor.run(
    sql`CREATE OR REPLACE TEMP TABLE ${sql.ident(table)} (row_no INTEGER NOT NULL, ${stageColumnsDdl(0, columnCount)})`,
  );
}

export async function dropStageTable(executor: Executor, table: string): Promise<void> {
  await executor.run(sql`DROP TABLE IF EXISTS ${sql.ident(table)}`);
}

/** The first `count` rows as dense text rows (a row missing from the table is an empty row). */
export async function readHeadRows(
  executor: Executor,
  table: string,
  columnCount: number,
  count: number,
): Promise<string[][]> {
  const columns = sql.join(Array.from({ length: columnCount }, (_, i) => sql.ident(stageColumnName(i))));
  const rows = await executor.query<Record<string, string | number | null>>(
    sql`SELECT row_no, ${columns} FROM ${sql.ident(table)} WHERE row_no <= ${count} ORDER BY row_no`,
  );
  const last = Math.max(0, ...rows.map((r) => Number(r.row_no)));
  const head: string[][] = Array.from({ length: last }, () => []);
  for (const row of rows) {
    head[Number(row.row_no) - 1] = trimTrailingBlanks(
      Array.from({ length: columnCount }, (_, i) => String(row[stageColumnName(i)] ?? '')),
    );
  }
  return head;
}

export function trimTrailingBlanks(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && !cells[end - 1]) end -= 1;
  return cells.slice(0, end);
}

export async function countRows(executor: Executor, table: string): Promise<number> {
  const [row] = await executor.query<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.ident(table)}`);
  return row?.n ?? 0;
}
