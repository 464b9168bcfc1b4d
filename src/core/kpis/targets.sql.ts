/** SQL for KPI targets (table `kpi_targets`); the service in `targets.ts` validates and audits. */
import { sql, type Sql } from '../db/sql.ts';
import { periodBoundsSql } from './target-periods.ts';

export interface RangeTargetRow {
  metric: string;
  scope: string;
  target: number;
}

/**
 * One query for every metric × scope: the range's days are generated, joined to the target
 * periods that hold them, and summed per period kind (week/month). A kind counts only when it
 * covers every day; weeks win over months. Additive metrics pro-rate each period's value by its
 * overlap days; the others take the overlap-day-weighted average.
 */
export function rangeTargetsQuery(request: { metrics: { name: string; additive: boolean }[]; scopes: string[]; from: string; to: string }): Sql {
  const bounds = periodBoundsSql(sql`t.period`);
  const metricRows = sql.join(request.metrics.map((m) => sql`(${m.name}, ${m.additive})`));
  const scopeRows = sql.join(request.scopes.map((s) => sql`(${s})`));
  return sql`
    WITH requested_metrics(metric, additive) AS (VALUES ${metricRows}),
    requested_scopes(scope) AS (VALUES ${scopeRows}),
    days AS (
      SELECT CAST(d AS DATE) AS day
      FROM generate_series(CAST(${request.from} AS DATE), CAST(${request.to} AS DATE), INTERVAL 1 DAY) AS g(d)
    ),
    periods AS (
      SELECT t.metric, t.scope, t.period, t.value, m.additive,
             CASE WHEN t.period LIKE '%W%' THEN 'week' ELSE 'month' END AS kind,
             ${bounds.start} AS period_start, ${bounds.end} AS period_end
      FROM kpi_targets t
      JOIN requested_metrics m ON m.metric = t.metric
      JOIN requested_scopes s ON s.scope = t.scope
    ),
    period_overlaps AS (
      SELECT p.metric, p.scope, p.kind, p.additive, p.value,
             count(*) AS overlap_days,
             datediff('day', p.period_start, p.period_end) + 1 AS period_days
      FROM periods p JOIN days d ON d.day BETWEEN p.period_start AND p.period_end
      GROUP BY ALL
    ),
    per_kind AS (
      SELECT metric, scope, kind,
             sum(overlap_days) AS covered_days,
             CASE WHEN any_value(additive)
                  THEN sum(value * overlap_days / period_days)
                  ELSE sum(value * overlap_days) / sum(overlap_days) END AS target
      FROM period_overlaps
      GROUP BY metric, scope, kind
    )
    SELECT metric, scope, target
    FROM per_kind
    WHERE covered_days = (SELECT count(*) FROM days)
    QUALIFY row_number() OVER (PARTITION BY metric, scope ORDER BY CASE kind WHEN 'week' THEN 0 ELSE 1 END) = 1`;
}
