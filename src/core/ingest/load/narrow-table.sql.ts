/**
 * `parsed` and `valid` hold a column for every field of the kind, but a file fills only some of
 * them: the others are NULL on every row. DuckDB's in-memory tables store a NULL column in full
 * (about 7 MB per million rows), so each is kept as a table of the columns that hold data
 * (`<name>_rows`) behind a view `<name>` that adds the constant ones — the same columns to every
 * reader, without storing them.
 */
import type { Executor } from '../../db/database.ts';
import { sql, type Sql } from '../../db/sql.ts';

export interface NarrowColumn {
  name: string;
  /** The column's value for every row, when it holds no data (a typed NULL); else it is stored. */
  constant?: Sql;
}

export function rowsTable(name: string): string {
  return `${name}_rows`;
}

export async function dropNarrow(executor: Executor, name: string): Promise<void> {
  await executor.run(sql`DROP VIEW IF EXISTS ${sql.ident(name)}`);
  await executor.run(sql`DROP TABLE IF EXISTS ${sql.ident(rowsTable(name))}`);
}

/** Creates `<name>_rows` from `select` (which yields the stored columns) and the view `<name>`. */
export async function createNarrow(executor: Executor, name: string, columns: readonly NarrowColumn[], select: Sql): Promise<void> {
  await dropNarrow(executor, name);
  await executor.run(sql`CREATE TEMP TABLE ${sql.ident(rowsTable(name))} AS ${select}`);
  await viewOverRows(executor, name, columns);
}

/** (Re)creates the view `<name>` over `<name>_rows`, in the order of `columns`. */
export async function viewOverRows(executor: Executor, name: string, columns: readonly NarrowColumn[]): Promise<void> {
  const list = columns.map((c) => (c.constant ? sql`${c.constant} AS ${sql.ident(c.name)}` : sql.ident(c.name)));
  await executor.run(sql`CREATE OR REPLACE TEMP VIEW ${sql.ident(name)} AS SELECT ${sql.join(list)} FROM ${sql.ident(rowsTable(name))}`);
}
