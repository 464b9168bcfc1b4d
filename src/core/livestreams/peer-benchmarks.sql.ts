/**
 * Peer benchmarks as SQL. A session's peers are the sessions of the same subcategory and duration
 * band that started in the 8 ISO weeks up to and including its own week (its "pool"). Every pool
 * is ranked set-based: each session is copied into the pools it belongs to (its week and the 7
 * after), and plain window functions rank every metric within (subcategory, pool week, band) — one
 * sort per metric for all sessions of all requested pools, never a loop over sessions. (Framed
 * "56 days before each session" windows were measured ~20× slower on 6M sessions.)
 *
 * Percentile = (peers below + ½ × peers equal) / peers, the session itself left out: 0.8 means it
 * did better than 80% of its peers, and a group where everyone ties sits at 0.5. A metric the
 * session has no value for (no views → no CTR) gets no percentile; peers without a value do not
 * count. The peer median is the median of the peer group (the session included).
 */
import type { Dialect } from '../db/dialect/index.ts';
import { sql, type Sql } from '../db/sql.ts';
import { compileMetricQuery } from '../metrics/compile-query.ts';
import type { MetricFilter } from '../metrics/metric-request.ts';
import { addDays } from '../shared/dates.ts';
import { BENCHMARK_METRICS, DURATION_BANDS, MIN_PEERS, SCORE_METRICS, STORED_COUNTS } from './session-metrics.ts';

/** Pool weeks reach this many days back from a week's Monday (7 earlier weeks). */
export const POOL_DAYS_BACK = 49;
/** Bumped whenever the definitions above change, so every stored pool is recomputed. */
export const BENCHMARK_VERSION = 'b1';

export interface Pool {
  /** '' for sellers without a subcategory. */
  subcategory: string;
  /** Monday of the benchmarked sessions' week. */
  week: string;
}

/** Duration band of a session, as SQL over `l.duration_s`. */
export function durationBandSql(): Sql {
  const cases = DURATION_BANDS.map((b) =>
    b.below === null ? sql`ELSE ${b.band}` : sql`WHEN l.duration_s < ${sql.raw(String(b.below))} THEN ${b.band}`,
  );
  return sql`CASE WHEN l.duration_s IS NULL THEN 'unknown' ${sql.join(cases, ' ')} END`;
}

const SUBCATEGORY = sql`coalesce(s.subcategory_id, '')`;
const week = (dialect: Dialect, date: Sql) => dialect.dateTrunc('week', date);
const col = (name: string, suffix = '') => sql.ident(`${name}${suffix}`);

/** Subcategory filter for the catalog: none when the sellers without a subcategory are asked for. */
function subcategoryFilter(subcategories: string[] | undefined): MetricFilter[] {
  if (!subcategories?.length || subcategories.includes('')) return [];
  return [{ dimension: 'subcategory', values: subcategories }];
}

/**
 * The pools of sessions started in weeks [firstWeek, lastWeek] (Mondays) with the fingerprint of
 * the sessions in their 8 weeks: a hash of every column of every session plus the subcategory it
 * counts in, so any import, edit or seller move changes it.
 */
export function poolFingerprintsSql(dialect: Dialect, firstWeek: string, lastWeek: string, subcategories?: string[]): Sql {
  const only = subcategories?.length ? sql`AND ${SUBCATEGORY} IN (${sql.join(subcategories)})` : sql.empty;
  return sql`
    WITH weekly AS (
      SELECT ${SUBCATEGORY} AS subcategory, ${week(dialect, sql`l.start_date`)} AS week, count(*) AS n, bit_xor(hash(l)) AS fp
      FROM livestreams l JOIN sellers s ON s.id = l.seller_id
      WHERE l.start_date BETWEEN CAST(${addDays(firstWeek, -POOL_DAYS_BACK)} AS DATE) AND CAST(${addDays(lastWeek, 6)} AS DATE) ${only}
      GROUP BY ALL
    ), targets AS (
      SELECT DISTINCT subcategory, week FROM weekly WHERE week BETWEEN CAST(${firstWeek} AS DATE) AND CAST(${lastWeek} AS DATE)
    )
    SELECT t.subcategory, CAST(t.week AS DATE) AS week, CAST(sum(k.n) AS INTEGER) AS sessions,
      ${BENCHMARK_VERSION} || ':' || CAST(bit_xor(k.fp) AS VARCHAR) AS fingerprint
    FROM targets t JOIN weekly k ON k.subcategory = t.subcategory AND k.week BETWEEN t.week - ${POOL_DAYS_BACK} AND t.week
    GROUP BY ALL`;
}

/**
 * Temp table `benchmark_pool`: every session of the pools listed in temp table `benchmark_stale`
 * (subcategory, week), once per pool it belongs to (`pool_week`), with its catalog figures.
 */
export function stagePoolSql(dialect: Dialect, firstWeek: string, lastWeek: string, subcategories: string[]): Sql {
  const metrics = [...new Set([...STORED_COUNTS, ...BENCHMARK_METRICS])];
  const figures = compileMetricQuery(dialect, {
    metrics,
    by: ['livestream'],
    from: addDays(firstWeek, -POOL_DAYS_BACK),
    to: addDays(lastWeek, 6),
    where: subcategoryFilter(subcategories),
  }).query;
  return sql`
    CREATE OR REPLACE TEMP TABLE benchmark_pool AS
    WITH figures AS (${figures}),
    sessions AS (
      SELECT f.livestream, ${sql.join(metrics.map((m) => sql`CAST(f.${col(m)} AS DOUBLE) AS ${col(m)}`))},
        ${SUBCATEGORY} AS subcategory, CAST(${week(dialect, sql`l.start_date`)} AS DATE) AS week, ${durationBandSql()} AS band
      FROM figures f JOIN livestreams l ON l.id = f.livestream JOIN sellers s ON s.id = l.seller_id
    )
    SELECT x.*, p.week AS pool_week
    FROM sessions x JOIN benchmark_stale p ON p.subcategory = x.subcategory AND x.week BETWEEN p.week - ${POOL_DAYS_BACK} AND p.week`;
}

/**
 * Rows for `livestream_benchmarks`: the sessions of each staged pool's own week, ranked within the
 * pool. The metrics are unpivoted into one long (session, metric, value) table so that a single
 * sort ranks all of them — one window over narrow rows instead of one per metric over wide ones —
 * and UNPIVOT drops empty values, so a peer without a value is not counted.
 */
export function insertBenchmarksSql(): Sql {
  const metrics = sql.join(BENCHMARK_METRICS.map((m) => col(m)));
  const values = [...new Set([...STORED_COUNTS, ...BENCHMARK_METRICS])];
  const group = sql.raw('PARTITION BY subcategory, pool_week, band, metric');
  const scored = SCORE_METRICS.map((m) => col(m, '_pct'));
  const ranked = sql.join(scored.map((p) => sql`CASE WHEN ${p} IS NULL THEN 0 ELSE 1 END`), ' + ');
  const summed = sql.join(scored.map((p) => sql`coalesce(${p}, 0)`), ' + ');
  return sql`
    INSERT INTO livestream_benchmarks (livestream_id, subcategory, week, band, ${sql.join(values.map((m) => col(m)))},
      ${sql.join(BENCHMARK_METRICS.map((m) => col(m, '_pct')))}, peer_score)
    WITH long AS (
      UNPIVOT (SELECT livestream, subcategory, pool_week, band, week, ${metrics} FROM benchmark_pool)
      ON ${metrics} INTO NAME metric VALUE value
    ), ranked AS (
      SELECT livestream, metric, week, pool_week, rank() OVER peers AS r, cume_dist() OVER peers AS cd,
        count(*) OVER (${group}) AS n
      FROM long WINDOW peers AS (${group} ORDER BY value)
    ), own AS (
      -- rank − 1 peers are below; cume_dist × n counts those ≤ it, so le − rank are tied with it.
      SELECT livestream, metric, CASE WHEN n - 1 < ${MIN_PEERS} THEN NULL
        ELSE (r - 1 + 0.5 * (round(cd * n) - r)) / (n - 1) END AS pct
      FROM ranked WHERE week = pool_week
    ), pivoted AS (
      SELECT livestream, ${sql.join(BENCHMARK_METRICS.map((m) => sql`max(pct) FILTER (WHERE metric = ${m}) AS ${col(m, '_pct')}`))}
      FROM own GROUP BY livestream
    ), scored AS (
      SELECT p.livestream, p.subcategory, p.week, p.band, ${sql.join(values.map((m) => sql`p.${col(m)}`))},
        ${sql.join(BENCHMARK_METRICS.map((m) => sql`v.${col(m, '_pct')}`))}
      FROM benchmark_pool p LEFT JOIN pivoted v ON v.livestream = p.livestream
      WHERE p.week = p.pool_week
    )
    SELECT *, CASE WHEN (${ranked}) = 0 THEN NULL ELSE round(100 * (${summed}) / (${ranked}), 1) END
    FROM scored`;
}

/** Rows for `livestream_peer_groups`: each staged pool's groups by band, with sizes and medians. */
export function insertPeerGroupsSql(): Sql {
  return sql`
    INSERT INTO livestream_peer_groups (subcategory, week, band, sessions,
      ${sql.join(BENCHMARK_METRICS.flatMap((m) => [col(m, '_median'), col(m, '_n')]))})
    SELECT subcategory, pool_week, band, CAST(count(*) AS INTEGER),
      ${sql.join(BENCHMARK_METRICS.flatMap((m) => [sql`median(${col(m)})`, sql`CAST(count(${col(m)}) AS INTEGER)`]))}
    FROM benchmark_pool GROUP BY ALL`;
}
