/**
 * Import jobs: the `imports` row (status, counts, mapping, file hash, who, timings) and its kept
 * rejected rows. Written in the caller's transaction so a job and its data commit together.
 */
import type { Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';

export type ImportStatus = 'loaded' | 'rejected' | 'failed';

export interface ImportJob {
  id: string;
  file: string;
  sha256: string;
  kind: string;
  sheet: string | null;
  headerRow: number | null;
  mapping: Record<string, string>;
  options: Record<string, unknown>;
  status: ImportStatus;
  rowsRead: number;
  rowsLoaded: number;
  rowsSkipped: number;
  rowsRejected: number;
  duplicateOf: string | null;
  error: string | null;
  startedAt: Date;
  by: string;
}

export async function recordImport(executor: Executor, job: ImportJob): Promise<void> {
  await executor.run(sql`
    INSERT INTO imports (id, file, sha256, kind, sheet, header_row, mapping, options, status, rows_read, rows_loaded,
      rows_skipped, rows_rejected, duplicate_of, error, started_at, finished_at, "by")
    VALUES (${job.id}, ${job.file}, ${job.sha256}, ${job.kind}, ${job.sheet}, ${job.headerRow}, ${JSON.stringify(job.mapping)},
      ${JSON.stringify(job.options)}, ${job.status}, ${job.rowsRead}, ${job.rowsLoaded}, ${job.rowsSkipped}, ${job.rowsRejected},
      ${job.duplicateOf}, ${job.error}, ${job.startedAt}, now(), ${job.by})`);
}

/** Keeps the rejected rows of an import with their raw source row (from the staging table). */
export async function keepRejects(executor: Executor, importId: string, stage: string, columnCount: number): Promise<void> {
  const raw = sql.join(
    Array.from({ length: columnCount }, (_, i) => sql.ident(`c${i}`)),
    ', ',
  );
  await executor.run(sql`
    INSERT INTO import_rejects (import_id, row_no, column_name, value, message, raw)
    SELECT ${importId}, r.row_no, r.column_name, r.value, r.message, to_json([${raw}])
    FROM rejects r JOIN ${sql.ident(stage)} s ON s.row_no = r.row_no
    ORDER BY r.row_no, r.column_name`);
}

/**
 * The first loaded import of the same bytes as the same kind. The seller given for every row
 * (`--seller`) is part of what a file says, so the same export filed under another seller is not a
 * duplicate.
 */
export async function findLoadedDuplicate(executor: Executor, sha256: string, kind: string, seller: string | null = null): Promise<string | null> {
  const [row] = await executor.query<{ id: string }>(
    sql`SELECT id FROM imports WHERE sha256 = ${sha256} AND kind = ${kind} AND status = 'loaded' AND duplicate_of IS NULL
      AND trim(coalesce(json_extract_string(options, '$.seller'), '')) = ${seller ?? ''} ORDER BY started_at LIMIT 1`,
  );
  return row?.id ?? null;
}

export interface ImportRejectRow {
  row: number;
  column: string | null;
  value: string | null;
  message: string;
}

export async function listRejectsOfStage(executor: Executor, limit: number): Promise<ImportRejectRow[]> {
  const rows = await executor.query<{ row_no: number; column_name: string | null; value: string | null; message: string }>(
    sql`SELECT row_no, column_name, value, message FROM rejects ORDER BY row_no, column_name ${executor.dialect.limit(limit)}`,
  );
  return rows.map((r) => ({ row: r.row_no, column: r.column_name, value: r.value, message: r.message }));
}
