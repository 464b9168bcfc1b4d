/**
 * PostgreSQL spelling of the dialect operations. Aisle does not store its data in PostgreSQL; this
 * dialect lets `npm run bench:query` run the very SQL the metric compiler emits on PostgreSQL 15 to
 * compare engines, and keeps the seam honest (a second engine catches DuckDB-only spellings).
 */
import { sql, type Sql } from '../sql.ts';
import type { Dialect, Grain } from './dialect.ts';

function checkedInteger(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative integer`);
  return value;
}

/**
 * Stands for NULL in null-safe joins. PostgreSQL plans `IS NOT DISTINCT FROM` neither as a hash
 * nor as a merge join, and refuses it in a FULL JOIN; an equality on text with NULL replaced by a
 * value no dimension holds (it starts with a control character) is hash-joinable.
 */
const NULL_MARKER = sql.raw(String.raw`E'\x01<null>'`);

export const postgresDialect: Dialect = {
  name: 'postgres',
  supportsReturning: true,
  supportsTransactionalDdl: true,

  quoteIdent: (name) => sql.ident(name),
  // date_trunc on a DATE would go through timestamptz (the session time zone); a plain timestamp does not.
  dateTrunc: (grain: Grain, date: Sql) =>
    sql`CAST(date_trunc(${sql.raw(`'${grain}'`)}, CAST(${date} AS timestamp)) AS date)`,
  safeDivide: (numerator, denominator) =>
    sql`(CAST(${numerator} AS double precision) / NULLIF(CAST(${denominator} AS double precision), 0))`,
  countDistinct: (expr) => sql`COUNT(DISTINCT ${expr})`,
  nullSafeEquals: (left, right) =>
    sql`(coalesce(CAST(${left} AS text), ${NULL_MARKER}) = coalesce(CAST(${right} AS text), ${NULL_MARKER}))`,
  // PostgreSQL 15 has no any_value(); min() returns one of the group's values just as well.
  anyValue: (expr) => sql`min(${expr})`,
  // round(double precision, integer) does not exist; numeric rounds half away from zero.
  roundMoney: (expr) => sql`round(CAST(${expr} AS numeric), 2)`,
  addDays: (date, days) => sql`(CAST(${date} AS date) + CAST(${days} AS integer))`,
  localDate: (instant, timeZone) => sql`CAST(timezone(CAST(${timeZone} AS text), ${instant}) AS date)`,
  limit: (count, offset = 0) =>
    sql.raw(`LIMIT ${checkedInteger(count, 'limit')} OFFSET ${checkedInteger(offset, 'offset')}`),
};
