/**
 * The detector's heavy lifting, inside DuckDB: daily series of the watched metrics per scope (read
 * through the metric catalog's compiled query, never a second GMV formula), made dense (a seller
 * with no row on a day sold 0), then per judged day the median / MAD of the same weekday over the
 * baseline weeks, and per scope the last 7 days against the 7-day windows before. Sellers are
 * limited to the material ones (a share of the category's GMV) in SQL, so 100,000 sellers never
 * reach JavaScript; only rows that moved by at least the minimum change come back.
 */
import type { Executor } from '../../db/database.ts';
import { sql, type Sql } from '../../db/sql.ts';
import { compileMetricQuery } from '../../metrics/compile-query.ts';
import { judgeRulesFor, type MonitoredMetric, type WatchedScope } from './monitored-metrics.ts';
import { SHIFT } from './robust-score.ts';
import type { ScanPlan } from './scan-plan.ts';

/** A seller is watched when it made at least this share of the category's GMV before the judged days… */
export const MIN_SELLER_SHARE = 0.002;
/** …and is among the biggest this many. */
export const MAX_WATCHED_SELLERS = 300;
/** A subcategory smaller than this share of the category is not watched on its own. */
export const MIN_SUBCATEGORY_SHARE = 0.005;

export interface StatsRow {
  grain: 'day' | 'week';
  scope: string;
  metric: string;
  /** The judged day, or the last day of the judged week. */
  date: string;
  observed: number | null;
  median: number | null;
  /** The same on the scoring scale (see robust-score.ts), with the baseline's spread there. */
  score: number | null;
  score_median: number | null;
  score_mad: number | null;
  score_mean_abs_dev: number | null;
  points: number;
  /** The whole category's usual value of the metric's numerator for the grain: what a move must weigh against. */
  category_level: number | null;
}

const date = (value: string) => sql`CAST(${value} AS DATE)`;
const values = (rows: Sql[]) => sql.join(rows);

function scopeColumns(kind: WatchedScope): { by: string[]; scope: Sql; present: Sql } {
  if (kind === 'category') return { by: ['period'], scope: sql`'category'`, present: sql`true` };
  return { by: ['period', kind], scope: sql`${`${kind}:`} || ${sql.ident(kind)}`, present: sql`${sql.ident(kind)} IS NOT NULL` };
}

export async function anomalyStats(executor: Executor, plan: ScanPlan, kind: WatchedScope, metrics: MonitoredMetric[]): Promise<StatsRow[]> {
  const watched = metrics.filter((m) => m.scopes.includes(kind));
  if (watched.length === 0) return [];
  const bases = [...new Set(['gmv', ...watched.flatMap((m) => (m.denominator ? [m.numerator, m.denominator] : [m.numerator]))])];
  const { by, scope, present } = scopeColumns(kind);
  const compiled = compileMetricQuery(executor.dialect, { metrics: bases, by, grain: 'day', from: plan.from, to: plan.asOf });
  const firstJudged = [plan.days[0]?.date ?? plan.asOf, plan.weeks[0]?.from ?? plan.asOf].sort()[0] ?? plan.asOf;
  const minShare = kind === 'seller' ? MIN_SELLER_SHARE : kind === 'subcategory' ? MIN_SUBCATEGORY_SHARE : 0;
  const limit = kind === 'seller' ? MAX_WATCHED_SELLERS : 1_000_000;

  const neededDates = new Set<string>();
  for (const day of plan.days) [day.date, ...day.baseline].forEach((d) => neededDates.add(d));
  for (const week of plan.weeks) week.days.forEach((d) => neededDates.add(d));
  const pairs = plan.days.flatMap((day) => day.baseline.map((base) => sql`(${date(day.date)}, ${date(base)})`));
  const weekDays = plan.weeks.flatMap((week) => week.days.map((d) => sql`(${week.index}, ${date(d)})`));
  if (neededDates.size === 0 || weekDays.length === 0) return [];

  const ident = (name: string) => sql.ident(name);
  const denseColumns = sql.join(bases.map((b) => sql`coalesce(s.${ident(b)}, 0) AS ${ident(b)}`));
  const ends = sql.join(bases.map((b) => sql`max(CASE WHEN ${ident(b)} <> 0 THEN date END) AS ${ident(`${b}_end`)}`));
  const long = sql.join(
    watched.map((m) => {
      const den = m.denominator ? sql`d.${ident(m.denominator)}` : sql`CAST(NULL AS DOUBLE)`;
      const endOk = m.denominator
        ? sql`d.date <= e.${ident(`${m.numerator}_end`)} AND d.date <= e.${ident(`${m.denominator}_end`)}`
        : sql`d.date <= e.${ident(`${m.numerator}_end`)}`;
      return sql`SELECT d.scope, d.date, ${m.name} AS metric, CAST(d.${ident(m.numerator)} AS DOUBLE) AS num, CAST(${den} AS DOUBLE) AS den FROM dense d, ends e WHERE ${endOk}`;
    }),
    ' UNION ALL ',
  );
  const rules = values(
    watched.map((m) => {
      const day = judgeRulesFor(m, 'day', kind);
      const week = judgeRulesFor(m, 'week', kind);
      return sql`(${m.name}, ${m.denominator !== null}, ${m.scale}, ${day.minChange}, ${week.minChange}, ${day.relativeChange})`;
    }),
  );
  const value = (alias: string) => sql`CASE WHEN r.is_rate THEN ${sql.raw(alias)}.num / NULLIF(${sql.raw(alias)}.den, 0) * r.scale ELSE ${sql.raw(alias)}.num END`;
  // The scoring scale of robust-score.ts: ln(x + a quarter of the baseline median) for amounts and
  // counts, rates as they are. `med` is the baseline median of the group.
  const score = (v: string, med: string) =>
    sql`CASE WHEN r.is_rate THEN ${sql.raw(v)} ELSE ln(greatest(${sql.raw(v)}, 0) + greatest(${SHIFT} * ${sql.raw(med)}, 1e-9)) END`;
  const bigEnough = (grain: 'day' | 'week') =>
    sql`abs(observed - median) >= CASE WHEN relative THEN ${sql.raw(grain === 'day' ? 'day_min' : 'week_min')} * abs(median) ELSE ${sql.raw(grain === 'day' ? 'day_min' : 'week_min')} END`;
  const levels = sql.join(bases.map((b) => sql`avg(${ident(b)}) AS ${ident(b)}`));
  const metricLevels = sql.join(watched.map((m) => sql`SELECT ${m.name} AS metric, ${ident(m.numerator)} AS level FROM category_days`), ' UNION ALL ');
  const columns = sql`grain, scope, metric, date, observed, median, score, score_median, score_mad, score_mean_abs_dev, points, category_level`;

  return executor.query<StatsRow>(sql`
    WITH raw AS (SELECT * FROM (${compiled.query}) q),
    series AS (SELECT ${scope} AS scope, CAST(period AS DATE) AS date, ${sql.join(bases.map((b) => sql`CAST(${ident(b)} AS DOUBLE) AS ${ident(b)}`))} FROM raw WHERE ${present}),
    ends AS (SELECT ${ends} FROM series),
    scopes AS (
      SELECT scope FROM series WHERE date < ${date(firstJudged)} GROUP BY scope
      HAVING sum(gmv) > 0 AND sum(gmv) >= ${minShare} * (SELECT sum(gmv) FROM series WHERE date < ${date(firstJudged)})
      ORDER BY sum(gmv) DESC LIMIT ${limit}
    ),
    -- The whole category's average day before the judged days: how much a move must weigh.
    category_days AS (
      SELECT ${levels} FROM (SELECT date, ${sql.join(bases.map((b) => sql`sum(${ident(b)}) AS ${ident(b)}`))} FROM series WHERE date < ${date(firstJudged)} GROUP BY date) d
    ),
    metric_levels AS (${metricLevels}),
    dates(date) AS (VALUES ${values([...neededDates].map((d) => sql`(${date(d)})`))}),
    dense AS (
      SELECT sc.scope, dt.date, ${denseColumns}
      FROM scopes sc CROSS JOIN dates dt LEFT JOIN series s ON s.scope = sc.scope AND s.date = dt.date
    ),
    long AS (${long}),
    rules(metric, is_rate, scale, day_min, week_min, relative) AS (VALUES ${rules}),
    pairs(judged, base) AS (VALUES ${pairs.length ? values(pairs) : sql`(NULL::DATE, NULL::DATE)`}),
    day_values AS (
      SELECT l.scope, l.metric, p.judged, ${value('l')} AS v
      FROM pairs p JOIN long l ON l.date = p.base JOIN rules r ON r.metric = l.metric
    ),
    day_medians AS (SELECT *, median(v) OVER (PARTITION BY scope, metric, judged) AS med FROM day_values WHERE v IS NOT NULL),
    day_scored AS (SELECT d.*, ${score('d.v', 'd.med')} AS t FROM day_medians d JOIN rules r ON r.metric = d.metric),
    day_ranked AS (SELECT *, median(t) OVER (PARTITION BY scope, metric, judged) AS t_med FROM day_scored),
    day_stats AS (
      SELECT scope, metric, judged, any_value(med) AS median, any_value(t_med) AS score_median, mad(t) AS score_mad,
        avg(abs(t - t_med)) AS score_mean_abs_dev, count(*) AS points
      FROM day_ranked GROUP BY scope, metric, judged
    ),
    day_rows AS (
      SELECT 'day' AS grain, s.scope, s.metric, s.judged AS date, x.v AS observed, s.median, ${score('x.v', 's.median')} AS score,
        s.score_median, s.score_mad, s.score_mean_abs_dev, s.points, ml.level AS category_level, r.day_min, r.week_min, r.relative
      FROM day_stats s
        JOIN (SELECT o.scope, o.metric, o.date, ${value('o')} AS v FROM long o JOIN rules r ON r.metric = o.metric) x
          ON x.scope = s.scope AND x.metric = s.metric AND x.date = s.judged
        JOIN rules r ON r.metric = s.metric
        LEFT JOIN metric_levels ml ON ml.metric = s.metric
    ),
    week_days(idx, date) AS (VALUES ${values(weekDays)}),
    week_values AS (
      SELECT l.scope, l.metric, w.idx, count(*) AS n,
        CASE WHEN any_value(r.is_rate) THEN sum(l.num) / NULLIF(sum(l.den), 0) * any_value(r.scale)
             ELSE sum(l.num) * 7.0 / count(*) END AS v
      FROM week_days w JOIN long l ON l.date = w.date JOIN rules r ON r.metric = l.metric
      GROUP BY l.scope, l.metric, w.idx
    ),
    week_ok AS (SELECT * FROM week_values WHERE n >= 4 AND v IS NOT NULL),
    week_medians AS (
      SELECT w.*, median(w.v) FILTER (WHERE w.idx > 0) OVER (PARTITION BY w.scope, w.metric) AS med FROM week_ok w
    ),
    week_scored AS (SELECT w.*, ${score('w.v', 'w.med')} AS t FROM week_medians w JOIN rules r ON r.metric = w.metric),
    week_ranked AS (SELECT *, median(t) OVER (PARTITION BY scope, metric) AS t_med FROM week_scored WHERE idx > 0),
    week_stats AS (
      SELECT scope, metric, any_value(med) AS median, any_value(t_med) AS score_median, mad(t) AS score_mad,
        avg(abs(t - t_med)) AS score_mean_abs_dev, count(*) AS points
      FROM week_ranked GROUP BY scope, metric
    ),
    week_rows AS (
      SELECT 'week' AS grain, s.scope, s.metric, ${date(plan.asOf)} AS date, o.v AS observed, s.median, o.t AS score,
        s.score_median, s.score_mad, s.score_mean_abs_dev, s.points, ml.level * 7 AS category_level, r.day_min, r.week_min, r.relative
      FROM week_stats s JOIN week_scored o ON o.idx = 0 AND o.scope = s.scope AND o.metric = s.metric
        JOIN rules r ON r.metric = s.metric LEFT JOIN metric_levels ml ON ml.metric = s.metric
    )
    SELECT ${columns} FROM day_rows WHERE ${bigEnough('day')}
    UNION ALL
    SELECT ${columns} FROM week_rows WHERE ${bigEnough('week')}
    ORDER BY grain, scope, metric, date`);
}
