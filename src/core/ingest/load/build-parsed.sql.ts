/**
 * Parse stage: one set-based statement turns the raw text staging table into `parsed`, with each
 * field's typed value and the reason it could not be read. The raw text stays in the stage (column
 * `c<i>` of the field's source column, same `row_no`): copying it into `parsed` cost a tenth of the
 * import's memory, and only rejected rows and the preview show it. Entirely blank rows are left
 * out here and counted by the caller; nothing else is dropped.
 */
import type { Executor } from '../../db/database.ts';
import { sql, type Sql } from '../../db/sql.ts';
import type { FieldDef } from '../kinds/index.ts';
import { parseValueSql } from '../parse/parse-value.ts';
import type { ValueType } from '../parse/types.ts';
import type { ImportPlan } from './import-plan.ts';
import { dropNarrow, rowsTable, viewOverRows, type NarrowColumn } from './narrow-table.sql.ts';
import { isBlank } from '../parse/blank.ts';

const col = (index: number) => sql.ident(`c${index}`);

/** Maps the accepted spellings of an enum field to its canonical value; anything else is an error. */
function enumValue(field: FieldDef, text: Sql): { value: Sql; error: Sql } {
  const values = field.values ?? {};
  // A simple CASE of equalities: DuckDB plans a long `IN (…)` list as a join evaluated per row.
  // The spellings are catalog text, inlined as literals so the expression compiles once.
  const literal = (text: string) => sql.raw(`'${text.replaceAll("'", "''")}'`);
  // The canonical values first: a CASE tests its WHENs in turn, and exports mostly write those
  // (a status behind 40 spellings of the others cost 40 comparisons per row).
  const pairs = [
    ...Object.keys(values).map((canonical) => [canonical.trim().toLowerCase(), canonical] as const),
    ...Object.entries(values).flatMap(([canonical, spellings]) => spellings.map((s) => [s.trim().toLowerCase(), canonical] as const)),
  ];
  const seen = new Set<string>();
  const cases = pairs.flatMap(([spelling, canonical]) => {
    if (seen.has(spelling)) return [];
    seen.add(spelling);
    return [sql`WHEN ${literal(spelling)} THEN ${literal(canonical)}`];
  });
  if (cases.length === 0) return { value: text, error: sql`NULL` };
  const value = sql`(CASE lower(${text}) ${sql.join(cases, ' ')} ELSE NULL END)`;
  const expected = Object.keys(values).join(', ');
  return { value, error: sql`CASE WHEN ${text} IS NOT NULL AND ${value} IS NULL THEN ${`unknown value; expected one of ${expected}`} END` };
}

/**
 * TRUE for a row whose every cell is empty or only spaces — the same rows as `trim(concat(cells))
 * = ''`, tested cell by cell so a row stops being tested at its first value (instead of a
 * concatenation of the whole row).
 */
export function blankRowSql(columnCount: number): Sql {
  const cells = Array.from({ length: columnCount }, (_, i) => sql`coalesce(trim(${col(i)}), '') = ''`);
  // A first cell that starts with a visible ASCII character settles it for almost every row
  // without trimming (a new string per row: a fifth of the parse stage's time on a million rows).
  return sql`(CASE WHEN ascii(${col(0)}) BETWEEN 33 AND 126 THEN false ELSE (${sql.join(cells, ' AND ')}) END)`;
}

/**
 * A field without a column is still stored when a later step writes it: the seller given for
 * every row (`--seller`), and every field of livestream minutes, whose parsed rows are rebuilt.
 */
function storedWhenEmpty(plan: ImportPlan, field: string): boolean {
  return plan.kind.kind === 'livestream_minutes' || (plan.seller !== null && (field === 'seller_id' || field === 'seller_name'));
}

/**
 * The DuckDB type each value parser returns (its final CAST), for the typed NULL of a field without
 * a column: a view cannot hold the bound parameters of a parser applied to NULL. A test checks it
 * against every parser.
 */
export const VALUE_SQL_TYPES: Record<ValueType, string> = {
  text: 'VARCHAR',
  id: 'VARCHAR',
  integer: 'BIGINT',
  number: 'DOUBLE',
  money: 'DECIMAL(18,2)',
  rate: 'DOUBLE',
  duration: 'INTEGER',
  date: 'DATE',
  timestamp: 'TIMESTAMP WITH TIME ZONE',
  boolean: 'BOOLEAN',
};

function typedNull(type: ValueType): Sql {
  return sql.raw(`CAST(NULL AS ${VALUE_SQL_TYPES[type]})`);
}

/** The value column of every field, with the constant of those `parsed` does not store. */
export function parsedValueColumns(plan: ImportPlan): NarrowColumn[] {
  const mapped = new Set(plan.columns.map((c) => c.field));
  return plan.kind.fields.map((field) =>
    mapped.has(field.name) || storedWhenEmpty(plan, field.name)
      ? { name: field.name }
      : { name: field.name, constant: typedNull(field.type) },
  );
}

export async function buildParsed(executor: Executor, plan: ImportPlan): Promise<{ blankRows: number; rows: number }> {
  // Values first, keeping the raw text of only those that came out NULL though not blank: the
  // reasons are worked out afterwards, for those rows alone, and not at all for a clean file.
  // (The reason expressions repeat every parser: compiling them cost 0.15 s per import even when
  // no value needed one.)
  const inner: Sql[] = [sql`row_no`];
  const outer: Sql[] = [sql`row_no`];
  const explained: Sql[] = [sql`row_no`];
  const rawColumns: string[] = [];
  const explain: { name: string; raw: Sql; error: Sql }[] = [];
  const byField = new Map(plan.columns.map((c) => [c.field, c]));
  for (const field of plan.kind.fields) {
    const mapped = byField.get(field.name);
    const name = field.name;
    const rawName = sql.ident(`${name}__raw`);
    const valueName = sql.ident(name);
    const errName = sql.ident(`${name}__err`);
    if (!mapped) {
      if (storedWhenEmpty(plan, name)) {
        inner.push(sql`${typedNull(field.type)} AS ${valueName}`);
        outer.push(sql`NULL::VARCHAR AS ${errName}`, valueName);
        explained.push(errName, valueName);
      }
      continue;
    }
    const raw = col(mapped.column);
    const parsed = parseValueSql(field.type, raw, plan.context);
    const typed = field.values ? enumValue(field, parsed.value) : { value: parsed.value, error: sql`NULL` };
    inner.push(sql`${raw} AS ${rawName}`, sql`${typed.value} AS ${valueName}`);
    outer.push(sql`CASE WHEN ${valueName} IS NULL AND NOT ${isBlank(rawName)} THEN ${rawName} END AS ${rawName}`, valueName);
    const again = parseValueSql(field.type, rawName, plan.context);
    const enumError = field.values ? enumValue(field, again.value).error : sql`NULL`;
    explained.push(sql`CASE WHEN ${rawName} IS NOT NULL THEN coalesce(${again.error}, ${enumError}) END AS ${errName}`, valueName);
    rawColumns.push(`${name}__raw`);
    explain.push({ name, raw: rawName, error: errName });
  }
  const blank = blankRowSql(plan.columnCount);
  const table = sql.ident(rowsTable('parsed'));
  await dropNarrow(executor, 'parsed');
  await executor.run(sql`CREATE TEMP TABLE ${table} AS
    SELECT ${sql.join(outer)} FROM (
      SELECT ${sql.join(inner)} FROM ${sql.ident(plan.stage)}
      WHERE row_no > ${plan.headerRow} AND NOT (${blank}))`);
  const unread = explain.length === 0 ? [] : await executor.query<{ n: number }>(sql`
    SELECT count(*) AS n FROM ${table} WHERE ${sql.join(explain.map((e) => sql`${e.raw} IS NOT NULL`), ' OR ')}`);
  if ((unread[0]?.n ?? 0) > 0) {
    const reasons = sql.ident('parsed_explained');
    await executor.run(sql`CREATE OR REPLACE TEMP TABLE ${reasons} AS SELECT ${sql.join(explained)} FROM ${table}`);
    await executor.run(sql`DROP TABLE ${table}`);
    await executor.run(sql`ALTER TABLE ${reasons} RENAME TO ${table}`);
  } else {
    for (const name of rawColumns) await executor.run(sql`ALTER TABLE ${table} DROP COLUMN ${sql.ident(name)}`);
  }
  await viewOverRows(executor, 'parsed', parsedColumns(plan, (unread[0]?.n ?? 0) > 0));
  // Blank rows are the rows below the header that did not make it into `parsed`.
  const [counts] = await executor.query<{ parsed: number; rows: number }>(sql`
    SELECT (SELECT count(*) FROM parsed) AS parsed,
           (SELECT count(*) FROM ${sql.ident(plan.stage)} WHERE row_no > ${plan.headerRow}) AS rows`);
  const rows = counts?.rows ?? 0;
  return { blankRows: rows - (counts?.parsed ?? 0), rows };
}

/** The columns of `parsed`: the reasons of mapped fields are stored only when some value needed one. */
function parsedColumns(plan: ImportPlan, reasonsStored: boolean): NarrowColumn[] {
  const mapped = new Set(plan.columns.map((c) => c.field));
  const columns: NarrowColumn[] = [{ name: 'row_no' }];
  for (const field of plan.kind.fields) {
    const name = field.name;
    if (mapped.has(name)) {
      columns.push(reasonsStored ? { name: `${name}__err` } : { name: `${name}__err`, constant: sql`NULL::VARCHAR` }, { name });
    } else if (storedWhenEmpty(plan, name)) {
      columns.push({ name: `${name}__err` }, { name });
    } else {
      columns.push({ name: `${name}__err`, constant: sql`NULL::VARCHAR` }, { name, constant: typedNull(field.type) });
    }
  }
  return columns;
}

/**
 * Once validation has listed every reason in `rejects`, the `__err` columns of `parsed` (NULL on
 * almost every row, yet ~7 MB per million rows each) are dropped before loading; `parsed` keeps
 * them as NULLs, so every reader still sees the same columns.
 */
export async function dropParseErrors(executor: Executor, plan: ImportPlan): Promise<void> {
  const table = rowsTable('parsed');
  const stored = await executor.query<{ name: string }>(sql`
    SELECT column_name AS name FROM duckdb_columns()
    WHERE database_name = 'temp' AND table_name = ${table} AND suffix(column_name, '__err')`);
  if (stored.length === 0) return;
  await executor.run(sql`DROP VIEW IF EXISTS parsed`);
  for (const { name } of stored) await executor.run(sql`ALTER TABLE ${sql.ident(table)} DROP COLUMN ${sql.ident(name)}`);
  const columns: NarrowColumn[] = [{ name: 'row_no' }];
  for (const value of parsedValueColumns(plan)) columns.push({ name: `${value.name}__err`, constant: sql`NULL::VARCHAR` }, value);
  await viewOverRows(executor, 'parsed', columns);
}
