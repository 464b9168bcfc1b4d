/**
 * Workspace tables (tasks, notes…) take their ids from sequences, which never go back: a second
 * `aisle demo` would number its rows differently from the first. The demo therefore writes explicit
 * ids after the highest id left in the table (rows the demo did not delete keep theirs) and then
 * moves the sequence past them, so the app's next insert cannot collide.
 */
import type { Executor } from '../db/database.ts';
import { queryOne } from '../db/database.ts';
import { sql } from '../db/sql.ts';

export type WorkspaceTable = 'communications' | 'tasks' | 'notes' | 'livestream_reviews';

/** The highest id in use, so demo rows can be numbered base + 1, base + 2, … */
export async function idBase(tx: Executor, table: WorkspaceTable): Promise<number> {
  const row = await queryOne<{ base: number }>(
    tx,
    sql`SELECT CAST(coalesce(max(id), 0) AS BIGINT) AS base FROM ${sql.ident(table)}`,
  );
  return row.base;
}

/** Advances `<table>_id_seq` until its next value is above every id in the table. */
export async function advanceSequence(tx: Executor, table: WorkspaceTable): Promise<void> {
  const sequence = `${table}_id_seq`;
  const row = await queryOne<{ top: number; last: number | null }>(
    tx,
    sql`SELECT (SELECT CAST(coalesce(max(id), 0) AS BIGINT) FROM ${sql.ident(table)}) AS top,
      (SELECT last_value FROM duckdb_sequences() WHERE sequence_name = ${sequence}) AS last`,
  );
  const missing = row.top - (row.last ?? 0);
  if (missing > 0) {
    await tx.run(sql`SELECT max(nextval(${sequence})) FROM range(CAST(${missing} AS BIGINT))`);
  }
}
