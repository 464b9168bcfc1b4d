/**
 * Targets from a sheet (.xlsx or .csv) — how category teams already plan them. The file is read
 * by the import pipeline's readers into a staging table, its header row found and its columns
 * matched like any export (case-, space- and punctuation-insensitive), values parsed by the same
 * SQL parsers (`3.4%`, `1,200,000`, `Rp 15.000`), then checked and written as one batch: one bad
 * row and nothing is saved, and every bad row is reported with its row, column, value and reason.
 *
 * Columns: metric, period, target (or value), and the scope either as one `scope` column
 * (`category`, `subcategory:<id>`, …) or as `subcategory` / `seller_tier` / `seller` columns where
 * a blank row means the whole category.
 */
import path from 'node:path';
import type { Database, Executor } from '../db/database.ts';
import { sql, type Sql } from '../db/sql.ts';
import type { Actor } from '../auth/actor.ts';
import { UserError } from '../shared/errors.ts';
import { METRICS } from '../metrics/catalog/index.ts';
import type { ImportKind, KindDef } from '../ingest/kinds/types.ts';
import { detectHeaderRow } from '../ingest/match/detect-header-row.ts';
import { matchColumns } from '../ingest/match/match-columns.ts';
import { isBlank, trimmed } from '../ingest/parse/blank.ts';
import { parseValueSql } from '../ingest/parse/parse-value.ts';
import { inTransaction } from '../ingest/connection-transaction.ts';
import { readCsv } from '../ingest/read/read-csv.ts';
import { readXlsx } from '../ingest/read/read-xlsx.ts';
import { dropStageTable, stageColumnName, type StagedFile } from '../ingest/read/stage-table.ts';
import { MAX_TARGETS_PER_BATCH, type TargetCandidate, type TargetRowError } from './target-validation.ts';
import { writeCandidates } from './target-store.ts';

const STAGE = 'target_sheet_stage';
const MAX_SHEET_BYTES = 20 * 1024 * 1024;
const SCOPE_COLUMNS = ['subcategory', 'seller_tier', 'seller'] as const;

/**
 * The sheet's fields, declared like an import kind so the pipeline's header detection and column
 * matching read it. It is not a data import kind: the read and match stages use only `fields`.
 */
export const TARGET_SHEET: KindDef = {
  kind: 'kpi_targets' as string as ImportKind,
  label: 'KPI targets',
  naturalKey: ['metric', 'scope', 'period'],
  fields: [
    { name: 'metric', label: 'Metric', type: 'text', required: true, synonyms: ['kpi', 'metric name', 'indicator'] },
    { name: 'scope', label: 'Scope', type: 'text', synonyms: [] },
    { name: 'subcategory', label: 'Subcategory', type: 'text', synonyms: ['sub category', 'subcategory id'] },
    { name: 'seller_tier', label: 'Seller tier', type: 'text', synonyms: ['tier'] },
    { name: 'seller', label: 'Seller', type: 'text', synonyms: ['seller id', 'seller name', 'shop', 'shop name'] },
    { name: 'period', label: 'Period', type: 'text', required: true, synonyms: ['month', 'week'] },
    { name: 'value', label: 'Target', type: 'number', required: true, synonyms: ['value', 'goal', 'target value'] },
  ],
};

export interface TargetImportResult {
  file: string;
  sheet: string | null;
  headerRow: number;
  rowsRead: number;
  rowsSkipped: number;
  created: number;
  updated: number;
  ignoredColumns: string[];
}

type SheetField = 'metric' | 'scope' | 'period' | 'value' | (typeof SCOPE_COLUMNS)[number];

interface SheetRow {
  row_no: number;
  metric: string | null;
  scope: string | null;
  subcategory: string | null;
  seller_tier: string | null;
  seller: string | null;
  period: string | null;
  value_text: string | null;
  value: number | null;
  value_error: string | null;
}

async function stage(executor: Executor, connection: Parameters<Parameters<Database['withConnection']>[0]>[1], file: string): Promise<StagedFile> {
  const extension = path.extname(file).toLowerCase();
  const target = { executor, connection };
  const limits = { maxBytes: MAX_SHEET_BYTES };
  if (extension === '.xlsx' || extension === '.xlsm') return readXlsx(target, file, { kind: TARGET_SHEET, table: STAGE, limits });
  if (extension === '.csv' || extension === '.txt' || extension === '.tsv') return readCsv(target, file, { table: STAGE, limits });
  throw new UserError(`${path.basename(file)}: cannot read targets from ${extension || 'a file without an extension'}`, {
    hint: 'save the targets sheet as .xlsx or .csv',
  });
}

/** The value parsed by the metric's format: rates read `3.4%`, money reads currency and separators. */
function valueByFormat(raw: Sql, format: Sql): { value: Sql; error: Sql } {
  const ctx = { dateOrder: null, year: null, timezone: 'UTC' } as const;
  const rate = parseValueSql('rate', raw, ctx);
  const money = parseValueSql('money', raw, ctx);
  const number = parseValueSql('number', raw, ctx);
  return {
    value: sql`CAST(CASE ${format} WHEN 'rate' THEN ${rate.value} WHEN 'money' THEN ${money.value} ELSE ${number.value} END AS DOUBLE)`,
    error: sql`CASE ${format} WHEN 'rate' THEN ${rate.error} WHEN 'money' THEN ${money.error} ELSE ${number.error} END`,
  };
}

function sheetRowsQuery(columns: Map<SheetField, number>, headerRow: number): Sql {
  const cell = (field: SheetField): Sql => {
    const index = columns.get(field);
    if (index === undefined) return sql`CAST(NULL AS VARCHAR)`;
    const raw = sql`s.${sql.ident(stageColumnName(index))}`;
    return sql`(CASE WHEN ${isBlank(raw)} THEN NULL ELSE ${trimmed(raw)} END)`;
  };
  const formats = sql.join([...METRICS.values()].map((m) => sql`(${m.name}, ${m.format})`));
  const parsed = valueByFormat(sql`c.value_text`, sql`f.format`);
  return sql`
    WITH formats(metric, format) AS (VALUES ${formats}),
    cells AS (
      SELECT s.row_no, ${cell('metric')} AS metric, ${cell('scope')} AS scope, ${cell('subcategory')} AS subcategory,
             ${cell('seller_tier')} AS seller_tier, ${cell('seller')} AS seller, ${cell('period')} AS period,
             ${cell('value')} AS value_text
      FROM ${sql.ident(STAGE)} s WHERE s.row_no > ${headerRow}
    )
    SELECT c.*, ${parsed.value} AS value, ${parsed.error} AS value_error
    FROM cells c LEFT JOIN formats f ON f.metric = c.metric
    WHERE coalesce(c.metric, c.scope, c.subcategory, c.seller_tier, c.seller, c.period, c.value_text) IS NOT NULL
    ORDER BY c.row_no`;
}

/** A row's scope: the `scope` cell, else the one filled subcategory / tier / seller cell, else the whole category. */
function scopeOf(row: SheetRow, headers: Map<SheetField, string>): { scope: string; column: string } | TargetRowError {
  if (row.scope) return { scope: row.scope, column: headers.get('scope') ?? 'scope' };
  const given = SCOPE_COLUMNS.filter((field) => row[field] !== null);
  const [field] = given;
  if (!field) return { scope: 'category', column: headers.get('scope') ?? 'scope' };
  const column = headers.get(field) ?? field;
  if (given.length > 1) {
    const names = given.map((f) => headers.get(f) ?? f).join(', ');
    return { row: row.row_no, column, value: given.map((f) => row[f]).join(' / '), message: `give one of ${names} per row, not ${given.length}` };
  }
  return { scope: `${field}:${row[field] ?? ''}`, column };
}

function candidateOf(row: SheetRow, headers: Map<SheetField, string>): TargetCandidate | TargetRowError {
  const scope = scopeOf(row, headers);
  if ('message' in scope) return scope;
  const columns = {
    metric: headers.get('metric') ?? 'metric',
    scope: scope.column,
    period: headers.get('period') ?? 'period',
    value: headers.get('value') ?? 'value',
  };
  return {
    row: row.row_no,
    metric: row.metric ?? '',
    scope: scope.scope,
    period: row.period ?? '',
    value: row.value,
    valueText: row.value_text ?? '',
    // An unknown metric has no format to parse by; the metric error says so already.
    valueError: row.metric && METRICS.has(row.metric) ? row.value_error : null,
    columns,
  };
}

export async function importTargets(db: Database, actor: Actor, filePath: string): Promise<TargetImportResult> {
  const file = path.basename(filePath);
  return db.withConnection(async (executor, connection) => {
    try {
      const staged = await stage(executor, connection, filePath);
      const detected = detectHeaderRow(staged.head, TARGET_SHEET);
      const matching = matchColumns(detected.headers, TARGET_SHEET);
      if (matching.missingRequired.length > 0) {
        throw new UserError(`${file}: no column for ${matching.missingRequired.join(', ')} (header on row ${detected.headerRow}: ${detected.headers.filter(Boolean).join(' | ')})`, {
          hint: 'the sheet needs the columns metric, period and target (or value); scope, subcategory, seller_tier and seller are optional',
          details: { missing: matching.missingRequired, headers: detected.headers },
        });
      }
      const columns = new Map<SheetField, number>();
      const headers = new Map<SheetField, string>();
      for (const match of matching.columns) {
        if (!match.field) continue;
        columns.set(match.field as SheetField, match.column);
        headers.set(match.field as SheetField, match.header);
      }
      const rows = await executor.query<SheetRow>(sheetRowsQuery(columns, detected.headerRow));
      if (rows.length === 0) throw new UserError(`${file} has no target rows below its header`, { hint: 'add one row per metric, scope and period' });
      if (rows.length > MAX_TARGETS_PER_BATCH) {
        throw new UserError(`${file} has ${rows.length} target rows, more than ${MAX_TARGETS_PER_BATCH}`, { hint: 'split the sheet into smaller files' });
      }
      const built = rows.map((row) => candidateOf(row, headers));
      const scopeErrors = built.filter((b): b is TargetRowError => 'message' in b);
      const candidates = built.filter((b): b is TargetCandidate => !('message' in b));
      const written = await inTransaction(executor, () => writeCandidates(executor, actor, candidates, { action: 'import', what: file, extraErrors: scopeErrors }));
      // Rows below the header as Excel numbers them; empty ones never reach the stage.
      const [last] = await executor.query<{ n: number | null }>(sql`SELECT max(row_no) AS n FROM ${sql.ident(STAGE)}`);
      const dataRows = Math.max(0, (last?.n ?? 0) - detected.headerRow);
      return {
        file,
        sheet: staged.sheet,
        headerRow: detected.headerRow,
        rowsRead: dataRows,
        rowsSkipped: Math.max(0, dataRows - rows.length),
        created: written.created,
        updated: written.updated,
        ignoredColumns: matching.ignored,
      };
    } finally {
      await dropStageTable(executor, STAGE);
    }
  });
}
