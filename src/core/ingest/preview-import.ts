/**
 * The Imports page's preview: everything an import would do short of loading — the header found,
 * each column's suggested field with its confidence and a few sample values, the parsed first rows
 * with their errors, and the counts. Runs the same stages as the import itself, so what the page
 * shows is what the load will do.
 */
import type { Database, Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { getSettings } from '../shared/settings.ts';
import { buildParsed } from './load/build-parsed.sql.ts';
import { dropNarrow } from './load/narrow-table.sql.ts';
import { collectRejects } from './load/collect-rejects.sql.ts';
import { completeParsed } from './load/complete-parsed.sql.ts';
import { listRejectsOfStage } from './import-jobs.sql.ts';
import type { ImportError, ImportOptions } from './import-types.ts';
import { getKind, type ImportKind } from './kinds/index.ts';
import type { ColumnMatch } from './match/match-columns.ts';
import { prepareFile } from './prepare-file.ts';
import { dropStageTable } from './read/stage-table.ts';
import { planFor } from './run-import.ts';

export interface PreviewColumn extends ColumnMatch {
  samples: string[];
}

export interface ImportPreview {
  kind: ImportKind;
  sheet: string | null;
  sheets: string[] | null;
  headerRow: number;
  headers: string[];
  columns: PreviewColumn[];
  fields: { name: string; label: string; type: string; required: boolean }[];
  missingRequired: string[];
  rowsRead: number;
  rowsSkipped: number;
  rowsRejected: number;
  rows: { row: number; values: Record<string, string | null>; errors: Record<string, string> }[];
  errors: ImportError[];
}

const PREVIEW_ROWS = 50;
const PREVIEW_ERRORS = 200;

async function samples(executor: Executor, stage: string, headerRow: number, columnCount: number): Promise<string[][]> {
  if (columnCount === 0) return [];
  const columns = Array.from({ length: columnCount }, (_, i) => sql`list(${sql.ident(`c${i}`)}) FILTER (WHERE trim(coalesce(${sql.ident(`c${i}`)}, '')) <> '')[1:3]`);
  const [row] = await executor.query<Record<string, string[] | null>>(
    sql`SELECT ${sql.join(columns.map((c, i) => sql`${c} AS ${sql.ident(`s${i}`)}`))} FROM (SELECT * FROM ${sql.ident(stage)} WHERE row_no > ${headerRow} ORDER BY row_no LIMIT 200)`,
  );
  return Array.from({ length: columnCount }, (_, i) => row?.[`s${i}`] ?? []);
}

export async function previewImport(db: Database, filePath: string, options: ImportOptions): Promise<ImportPreview> {
  const kind = getKind(options.kind);
  const { timezone } = await getSettings(db);
  return db.withConnection(async (executor, connection) => {
    const prepared = await prepareFile(executor, connection, filePath, kind, options);
    try {
      const sampleValues = await samples(executor, prepared.stage, prepared.headerRow, prepared.columnCount);
      const base: ImportPreview = {
        kind: kind.kind,
        sheet: prepared.sheet,
        sheets: prepared.sheets,
        headerRow: prepared.headerRow,
        headers: prepared.headers,
        columns: prepared.matches.map((m) => ({ ...m, samples: sampleValues[m.column] ?? [] })),
        fields: kind.fields.map((f) => ({ name: f.name, label: f.label, type: f.type, required: Boolean(f.required) })),
        missingRequired: prepared.missingRequired,
        rowsRead: 0,
        rowsSkipped: 0,
        rowsRejected: 0,
        rows: [],
        errors: [],
      };
      if (prepared.missingRequired.length > 0) return base;
      const plan = planFor(kind, prepared, options, timezone);
      const { blankRows, rows } = await buildParsed(executor, plan);
      await completeParsed(executor, plan);
      const rejected = await collectRejects(executor, plan);
      const errors = await listRejectsOfStage(executor, PREVIEW_ERRORS);
      const fields = prepared.columns.map((c) => c.field);
      // The values as written come from the stage (parsed holds the typed values and reasons).
      const raw = await executor.query<Record<string, string | null> & { row_no: number }>(sql`
        SELECT p.row_no, ${sql.join(prepared.columns.flatMap((c) => [sql`s.${sql.ident(`c${c.column}`)} AS ${sql.ident(`v_${c.field}`)}`, sql`p.${sql.ident(`${c.field}__err`)} AS ${sql.ident(`e_${c.field}`)}`]))}
        FROM (SELECT * FROM parsed ORDER BY row_no LIMIT ${PREVIEW_ROWS}) AS p JOIN ${sql.ident(prepared.stage)} AS s ON s.row_no = p.row_no
        ORDER BY p.row_no`);
      const rejectsByRow = new Map<number, Record<string, string>>();
      for (const e of errors) {
        const field = prepared.columns.find((c) => c.header === e.column)?.field ?? e.column ?? '';
        rejectsByRow.set(e.row, { ...(rejectsByRow.get(e.row) ?? {}), [field]: e.message });
      }
      return {
        ...base,
        rowsRead: rows,
        rowsSkipped: blankRows,
        rowsRejected: rejected,
        errors,
        rows: raw.map((r) => ({
          row: r.row_no,
          values: Object.fromEntries(fields.map((f) => [f, r[`v_${f}`] ?? null])),
          errors: rejectsByRow.get(r.row_no) ?? {},
        })),
      };
    } finally {
      await dropNarrow(executor, 'parsed');
      await executor.exec('DROP TABLE IF EXISTS rejects');
      await dropStageTable(executor, prepared.stage);
    }
  });
}
