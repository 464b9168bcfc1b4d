/**
 * Who moved a number: the change of an alert split over subcategories and sellers, in DuckDB.
 * Each child's observed part is the observed value times its share of the observed numerator, and
 * its baseline part the expected value times its share of the baseline numerator — so the parts
 * add up to observed and expected exactly, and the contributions (observed − baseline part) to the
 * change. For a rate (live GMV share) the numerator is live GMV: a child's part is its live GMV over
 * all GMV, so a subcategory counts both for streaming less and for its weight in the mix.
 * Values come from the metric catalog's compiled query, wrapped; only aggregates leave DuckDB.
 */
import type { Executor } from '../../db/database.ts';
import { sql, type Sql } from '../../db/sql.ts';
import { compileMetricQuery } from '../../metrics/compile-query.ts';
import { scopeFilter, type Scope } from './alert-scope.ts';

export interface DriverInput {
  /** The additive metric summed (a ratio's numerator). */
  numerator: string;
  scope: Scope;
  observedDays: readonly string[];
  baselineDays: readonly string[];
  observed: number;
  expected: number;
  /** Sellers listed: the ones that moved most in the direction of the change. */
  topSellers?: number;
}

export interface DriverRow {
  kind: 'subcategory' | 'seller';
  key: string | null;
  name: string | null;
  subcategory_id: string | null;
  subcategory_name: string | null;
  observed: number;
  baseline: number;
}

const dateList = (days: readonly string[]): Sql => sql.join(days.map((d) => sql`CAST(${d} AS DATE)`));

function range(days: readonly string[]): { from: string; to: string } {
  const sorted = [...days].sort();
  return { from: sorted[0] ?? '1970-01-01', to: sorted.at(-1) ?? '1970-01-01' };
}

export async function driverRows(executor: Executor, input: DriverInput): Promise<DriverRow[]> {
  if (input.observedDays.length === 0 || input.baselineDays.length === 0) return [];
  const { from, to } = range([...input.observedDays, ...input.baselineDays]);
  const compiled = compileMetricQuery(executor.dialect, {
    metrics: [input.numerator],
    by: ['period', 'subcategory', 'seller'],
    grain: 'day',
    from,
    to,
    where: scopeFilter(input.scope),
  });
  const num = sql.ident(input.numerator);
  const down = input.observed < input.expected;
  return executor.query<DriverRow>(sql`
    WITH raw AS (SELECT * FROM (${compiled.query}) q),
    per_seller AS (
      SELECT seller, any_value(seller_name) AS seller_name, any_value(subcategory) AS subcategory,
        coalesce(sum(${num}) FILTER (WHERE CAST(period AS DATE) IN (${dateList(input.observedDays)})), 0) AS obs_num,
        coalesce(sum(${num}) FILTER (WHERE CAST(period AS DATE) IN (${dateList(input.baselineDays)})), 0) AS base_num
      FROM raw GROUP BY seller
    ),
    totals AS (SELECT sum(obs_num) AS obs_total, sum(base_num) AS base_total FROM per_seller),
    parts AS (
      SELECT p.seller, p.seller_name, p.subcategory, c.name AS subcategory_name,
        ${input.observed} * coalesce(p.obs_num / NULLIF(t.obs_total, 0), 0) AS observed,
        ${input.expected} * coalesce(p.base_num / NULLIF(t.base_total, 0), 0) AS baseline
      FROM per_seller p CROSS JOIN totals t LEFT JOIN categories c ON c.id = p.subcategory
    ),
    subcategories AS (
      SELECT 'subcategory' AS kind, subcategory AS key, any_value(subcategory_name) AS name,
        subcategory AS subcategory_id, any_value(subcategory_name) AS subcategory_name,
        sum(observed) AS observed, sum(baseline) AS baseline
      FROM parts GROUP BY subcategory
    ),
    sellers AS (
      SELECT 'seller' AS kind, seller AS key, seller_name AS name, subcategory AS subcategory_id, subcategory_name, observed, baseline
      FROM parts WHERE observed <> baseline
      ORDER BY (observed - baseline) * ${down ? 1 : -1}, seller LIMIT ${input.topSellers ?? 5}
    )
    SELECT * FROM subcategories UNION ALL SELECT * FROM sellers`);
}

/** Σ of additive metrics over the observed and the baseline days, for one scope. */
export async function metricTotals(
  executor: Executor,
  metrics: readonly string[],
  scope: Scope,
  observedDays: readonly string[],
  baselineDays: readonly string[],
): Promise<Map<string, { observed: number; baseline: number }>> {
  const totals = new Map<string, { observed: number; baseline: number }>();
  if (metrics.length === 0 || observedDays.length === 0 || baselineDays.length === 0) return totals;
  const { from, to } = range([...observedDays, ...baselineDays]);
  const compiled = compileMetricQuery(executor.dialect, { metrics: [...metrics], by: ['period'], grain: 'day', from, to, where: scopeFilter(scope) });
  const sums = metrics.flatMap((metric) => {
    const column = sql.ident(metric);
    return [
      sql`coalesce(sum(${column}) FILTER (WHERE CAST(period AS DATE) IN (${dateList(observedDays)})), 0) AS ${sql.ident(`${metric}__observed`)}`,
      sql`coalesce(sum(${column}) FILTER (WHERE CAST(period AS DATE) IN (${dateList(baselineDays)})), 0) AS ${sql.ident(`${metric}__baseline`)}`,
    ];
  });
  const [row] = await executor.query<Record<string, number>>(sql`SELECT ${sql.join(sums)} FROM (${compiled.query}) q`);
  for (const metric of metrics) {
    totals.set(metric, { observed: Number(row?.[`${metric}__observed`] ?? 0), baseline: Number(row?.[`${metric}__baseline`] ?? 0) });
  }
  return totals;
}
