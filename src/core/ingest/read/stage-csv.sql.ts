/**
 * Loads a scanned CSV into the staging table inside DuckDB. The columns are given explicitly
 * (`c0 … c<n-1>`, all VARCHAR, the width the scanner measured) so nothing is sniffed or typed,
 * and `row_number() OVER ()` over the scan numbers records in file order (DuckDB keeps insertion
 * order for `read_csv`; a test checks it on a file large enough for several threads). Blank lines,
 * which `read_csv` skips, are added back to the row numbers with an ASOF join on the runs the
 * scanner found. The path and the delimiter are bound parameters, so any file name is safe.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Executor } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import type { CsvShape } from './scan-csv.ts';
import { stageColumnName } from './stage-table.ts';

export interface StageCsvInput {
  executor: Executor;
  connection: DuckDBConnection;
  /** A UTF-8 file (the original, or the scanner's UTF-8 copy). */
  file: string;
  delimiter: string;
  shape: CsvShape;
  table: string;
  /** `max_line_size` in bytes; above the scanner's own limit so the scanner reports first. */
  maxLineBytes: number;
}

async function writeBlankRuns(
  connection: DuckDBConnection,
  executor: Executor,
  table: string,
  shape: CsvShape,
): Promise<void> {
  await executor.run(
    sql`CREATE OR REPLACE TEMP TABLE ${sql.ident(table)} (after_records BIGINT, blank_lines_so_far BIGINT)`,
  );
  const appender = await connection.createAppender(table);
  try {
    for (const run of shape.blankRuns) {
      appender.appendBigInt(BigInt(run.afterRecords));
      appender.appendBigInt(BigInt(run.blankLinesSoFar));
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

export async function stageCsv(input: StageCsvInput): Promise<void> {
  const { executor, connection, shape, table } = input;
  const columns = Array.from(
    { length: shape.maxFields },
    (_, i) => `'${stageColumnName(i)}': 'VARCHAR'`,
  ).join(', ');
  const records = sql`
        SELECT row_number() OVER () AS rec, *
        FROM read_csv(${input.file}, header = false, auto_detect = false, columns = {${sql.raw(columns)}},
          delim = ${input.delimiter}, quote = '"', escape = '"', null_padding = true, strict_mode = false,
          ignore_errors = false, max_line_size = ${input.maxLineBytes}, encoding = 'utf-8')`;
  if (shape.blankRuns.length === 0) {
    // No blank lines (the usual export): the record number is the row number, no join needed. No
    // ORDER BY either: the rows arrive in file order, every reader orders by row_no anyway, and
    // the sort held a second copy of the file (160 MB more peak memory on a million lines).
    await executor.run(sql`
      CREATE OR REPLACE TEMP TABLE ${sql.ident(table)} AS
      SELECT CAST(s.rec AS INTEGER) AS row_no, s.* EXCLUDE (rec) FROM (${records}) AS s`);
    return;
  }
  const runs = `${table}_blank_runs`;
  await writeBlankRuns(connection, executor, runs, shape);
  try {
    await executor.run(sql`
      CREATE OR REPLACE TEMP TABLE ${sql.ident(table)} AS
      SELECT CAST(s.rec + coalesce(b.blank_lines_so_far, 0) AS INTEGER) AS row_no, s.* EXCLUDE (rec)
      FROM (${records}) AS s
      ASOF LEFT JOIN ${sql.ident(runs)} AS b ON s.rec > b.after_records
      ORDER BY s.rec`);
  } finally {
    await executor.run(sql`DROP TABLE IF EXISTS ${sql.ident(runs)}`);
  }
}
