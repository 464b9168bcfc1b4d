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

export interface StoredTargetRow {
  metric: string;
  scope: string;
  scope_label: string;
  period: string;
  value: number;
  updated_by: string | null;
  updated_at: string;
}

/** Targets with a readable scope label (subcategory and seller names), filtered and sorted for lists. */
export function listTargetsQuery(filter: { period?: string; metric?: string; scope?: string }): Sql {
  const conditions: Sql[] = [sql`true`];
  if (filter.period) conditions.push(sql`t.period = ${filter.period}`);
  if (filter.metric) conditions.push(sql`t.metric = ${filter.metric}`);
  if (filter.scope) conditions.push(sql`t.scope = ${filter.scope}`);
  return sql`
    SELECT t.metric, t.scope, t.period, t.value, t.updated_by, t.updated_at,
           CASE WHEN t.scope = 'category' THEN 'Whole category'
                WHEN t.scope LIKE 'subcategory:%' THEN coalesce(c.name, substr(t.scope, 13))
                WHEN t.scope LIKE 'seller_tier:%' THEN 'Tier ' || substr(t.scope, 13)
                ELSE coalesce(s.name, substr(t.scope, 8)) END AS scope_label
    FROM kpi_targets t
    LEFT JOIN categories c ON t.scope = 'subcategory:' || c.id
    LEFT JOIN sellers s ON t.scope = 'seller:' || s.id
    WHERE ${sql.join(conditions, ' AND ')}
    ORDER BY ${periodBoundsSql(sql`t.period`).start} DESC, t.period, CASE WHEN t.scope = 'category' THEN 0 ELSE 1 END, t.scope, t.metric`;
}

/** The stored value of each key in the batch (for the audit log's "before"). */
export function existingTargetsQuery(keys: { metric: string; scope: string; period: string }[]): Sql {
  const rows = sql.join(keys.map((k) => sql`(${k.metric}, ${k.scope}, ${k.period})`));
  return sql`
    SELECT t.metric, t.scope, t.period, t.value
    FROM kpi_targets t JOIN (VALUES ${rows}) AS k(metric, scope, period) USING (metric, scope, period)`;
}

/** One statement that inserts or updates the whole batch (atomic on its own). */
export function upsertTargetsQuery(rows: { metric: string; scope: string; period: string; value: number }[], by: string): Sql {
  const values = sql.join(rows.map((r) => sql`(${r.metric}, ${r.scope}, ${r.period}, ${r.value}, ${by})`));
  return sql`
    INSERT INTO kpi_targets (metric, scope, period, value, updated_by) VALUES ${values}
    ON CONFLICT (metric, scope, period) DO UPDATE
      SET value = excluded.value, updated_by = excluded.updated_by, updated_at = now()`;
}

/** The latest day inside [from, to] that has sales or livestream data: how far the period is known. */
export function latestDataDayQuery(from: string, to: string): Sql {
  return sql`
    SELECT max(day) AS as_of FROM (
      SELECT max(date) AS day FROM seller_days WHERE date BETWEEN CAST(${from} AS DATE) AND CAST(${to} AS DATE)
      UNION ALL
      SELECT max(start_date) FROM livestreams WHERE start_date BETWEEN CAST(${from} AS DATE) AND CAST(${to} AS DATE)
    ) AS latest`;
}
