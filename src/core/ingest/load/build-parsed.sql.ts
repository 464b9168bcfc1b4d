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
import type { ImportPlan } from './import-plan.ts';

const col = (index: number) => sql.ident(`c${index}`);

/** Maps the accepted spellings of an enum field to its canonical value; anything else is an error. */
function enumValue(field: FieldDef, text: Sql): { value: Sql; error: Sql } {
  const values = field.values ?? {};
  // A simple CASE of equalities: DuckDB plans a long `IN (…)` list as a join evaluated per row.
  // The spellings are catalog text, inlined as literals so the expression compiles once.
  const literal = (text: string) => sql.raw(`'${text.replaceAll("'", "''")}'`);
  const cases = Object.entries(values).flatMap(([canonical, spellings]) =>
    [...new Set([canonical, ...spellings].map((s) => s.trim().toLowerCase()))].map((spelling) => sql`WHEN ${literal(spelling)} THEN ${literal(canonical)}`),
  );
  if (cases.length === 0) return { value: text, error: sql`NULL` };
  const value = sql`(CASE lower(${text}) ${sql.join(cases, ' ')} ELSE NULL END)`;
  const expected = Object.keys(values).join(', ');
  return { value, error: sql`CASE WHEN ${text} IS NOT NULL AND ${value} IS NULL THEN ${`unknown value; expected one of ${expected}`} END` };
}

/**
 * TRUE for a row whose every cell is empty or only spaces — the same rows as `trim(concat(cells))
 * = ''`, tested cell by cell so a row stops being tested at its first value (one comparison for
 * almost every row instead of a concatenation of the whole row).
 */
export function blankRowSql(columnCount: number): Sql {
  const cells = Array.from({ length: columnCount }, (_, i) => sql`coalesce(trim(${col(i)}), '') = ''`);
  return sql`(${sql.join(cells, ' AND ')})`;
}

export async function buildParsed(executor: Executor, plan: ImportPlan): Promise<{ blankRows: number; rows: number }> {
  // Two levels: the inner query parses values; the outer one works out the reason only for the
  // few values that came out NULL (the parsers set an error only where the value is NULL), which
  // keeps the error expressions off the common path.
  const inner: Sql[] = [sql`row_no`];
  const outer: Sql[] = [sql`row_no`];
  const byField = new Map(plan.columns.map((c) => [c.field, c]));
  for (const field of plan.kind.fields) {
    const mapped = byField.get(field.name);
    const name = field.name;
    const rawName = sql.ident(`${name}__raw`);
    const valueName = sql.ident(name);
    if (!mapped) {
      inner.push(sql`${parseValueSql(field.type, sql`NULL::VARCHAR`, plan.context).value} AS ${valueName}`);
      outer.push(sql`NULL::VARCHAR AS ${sql.ident(`${name}__err`)}`, valueName);
      continue;
    }
    const raw = col(mapped.column);
    const parsed = parseValueSql(field.type, raw, plan.context);
    const typed = field.values ? enumValue(field, parsed.value) : { value: parsed.value, error: sql`NULL` };
    inner.push(sql`${raw} AS ${rawName}`, sql`${typed.value} AS ${valueName}`);
    const again = parseValueSql(field.type, rawName, plan.context);
    const enumError = field.values ? enumValue(field, again.value).error : sql`NULL`;
    outer.push(sql`CASE WHEN ${valueName} IS NULL THEN coalesce(${again.error}, ${enumError}) END AS ${sql.ident(`${name}__err`)}`, valueName);
  }
  const blank = blankRowSql(plan.columnCount);
  await executor.exec('DROP TABLE IF EXISTS parsed');
  await executor.run(sql`CREATE TEMP TABLE parsed AS
    SELECT ${sql.join(outer)} FROM (
      SELECT ${sql.join(inner)} FROM ${sql.ident(plan.stage)}
      WHERE row_no > ${plan.headerRow} AND NOT (${blank}))`);
  // Blank rows are the rows below the header that did not make it into `parsed`.
  const [counts] = await executor.query<{ parsed: number; rows: number }>(sql`
    SELECT (SELECT count(*) FROM parsed) AS parsed,
           (SELECT count(*) FROM ${sql.ident(plan.stage)} WHERE row_no > ${plan.headerRow}) AS rows`);
  const rows = counts?.rows ?? 0;
  return { blankRows: rows - (counts?.parsed ?? 0), rows };
}
