/**
 * The seam between Aisle's SQL and the engine that runs it. Everything that is spelled
 * differently between DuckDB (embedded, now) and ClickHouse (large deployments, later) is a
 * method or a flag here — a small semantic interface, not a string formatter — so no caller ever
 * writes `if (engine === …)`.
 */
import type { Sql } from '../sql.ts';

export type Grain = 'day' | 'week' | 'month' | 'quarter' | 'year';
export const GRAINS: readonly Grain[] = ['day', 'week', 'month', 'quarter', 'year'];

export interface Dialect {
  readonly name: string;
  /** `INSERT … RETURNING` is available. */
  readonly supportsReturning: boolean;
  /** DDL can run inside a transaction and roll back with it. */
  readonly supportsTransactionalDdl: boolean;

  quoteIdent(name: string): Sql;
  /** First day of the period (a DATE) that contains the date expression; weeks start on Monday. */
  dateTrunc(grain: Grain, date: Sql): Sql;
  /** numerator / denominator as a double, NULL when the denominator is 0 or NULL. */
  safeDivide(numerator: Sql, denominator: Sql): Sql;
  countDistinct(expr: Sql): Sql;
  /**
   * Equality that treats two NULLs as equal (joins on dimensions that may be unset). It must stay
   * usable as a FULL JOIN condition: the metric compiler joins its per-source aggregates with it.
   */
  nullSafeEquals(left: Sql, right: Sql): Sql;
  /** Any one value of the expression within a group (labels that are constant per group). */
  anyValue(expr: Sql): Sql;
  /** A money amount rounded to 2 decimals, whatever numeric type the expression has. */
  roundMoney(expr: Sql): Sql;
  /** The date `days` days after the date expression (negative goes back). */
  addDays(date: Sql, days: Sql): Sql;
  /** Local calendar date of an instant in the given IANA time zone. */
  localDate(instant: Sql, timeZone: Sql): Sql;
  limit(count: number, offset?: number): Sql;
}
