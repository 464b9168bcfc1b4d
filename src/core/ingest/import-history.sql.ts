/** Past imports for the Imports page, and an import's rejected rows as a CSV download. */
import type { Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { UserError } from '../shared/errors.ts';
import { csvCell } from '../shared/neutralise-formula.ts';

export interface ImportSummary {
  id: string;
  file: string;
  kind: string;
  status: string;
  rowsRead: number;
  rowsLoaded: number;
  rowsSkipped: number;
  rowsRejected: number;
  duplicateOf: string | null;
  by: string;
  startedAt: string;
  finishedAt: string | null;
}

export async function listImports(executor: Executor, limit = 200): Promise<ImportSummary[]> {
  const rows = await executor.query<{ id: string; file: string; kind: string; status: string; rows_read: number; rows_loaded: number; rows_skipped: number; rows_rejected: number; duplicate_of: string | null; by: string; started_at: string; finished_at: string | null }>(
    sql`SELECT id, file, kind, status, rows_read, rows_loaded, rows_skipped, rows_rejected, duplicate_of, "by", started_at, finished_at
        FROM imports ORDER BY started_at DESC ${executor.dialect.limit(limit)}`,
  );
  return rows.map((r) => ({
    id: r.id,
    file: r.file,
    kind: r.kind,
    status: r.status,
    rowsRead: r.rows_read,
    rowsLoaded: r.rows_loaded,
    rowsSkipped: r.rows_skipped,
    rowsRejected: r.rows_rejected,
    duplicateOf: r.duplicate_of,
    by: r.by,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  }));
}

/** The rejected rows: row, column, value, message, then the raw source cells; every cell neutralised. */
export async function rejectsCsv(executor: Executor, importId: string): Promise<{ file: string; csv: string }> {
  const [job] = await executor.query<{ file: string }>(sql`SELECT file FROM imports WHERE id = ${importId}`);
  if (!job) throw new UserError(`no import with id ${importId}`, { code: 'not_found' });
  const rows = await executor.query<{ row_no: number; column_name: string | null; value: string | null; message: string; raw: (string | null)[] | null }>(
    sql`SELECT row_no, column_name, value, message, raw FROM import_rejects WHERE import_id = ${importId} ORDER BY row_no, column_name`,
  );
  const width = Math.max(0, ...rows.map((r) => r.raw?.length ?? 0));
  const header = ['row', 'column', 'value', 'message', ...Array.from({ length: width }, (_, i) => `source ${i + 1}`)];
  const lines = rows.map((r) => [r.row_no, r.column_name, r.value, r.message, ...(r.raw ?? [])].map(csvCell).join(','));
  return { file: `${job.file.replace(/\.[^.]+$/, '')}-rejected-rows.csv`, csv: `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n` };
}
