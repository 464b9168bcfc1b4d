/**
 * The Livestreams list: every session of a period with its catalog rates and peer score, filtered,
 * sorted and paged in one DuckDB statement over the stored benchmarks (made current first by
 * `ensureBenchmarks`), plus the period's leaderboard. Sort columns come from a whitelist; filter
 * values are bound. The period works like the Overview's (presets end on the latest day with data;
 * `from` + `to` is a custom range), so an Overview link is also a list request.
 */
import type { Executor } from '../db/database.ts';
import { sql, type Sql } from '../db/sql.ts';
import { latestDataDay } from '../kpis/overview.ts';
import { rangeDays, resolvePeriod, type DateRange, type PeriodPreset } from '../kpis/periods.ts';
import { UserError } from '../shared/errors.ts';
import { getSettings } from '../shared/settings.ts';
import { ensureBenchmarks } from './peer-benchmarks.ts';
import { QUALITY_BANDS, qualitySql, sessionReviewsSql, type QualityBand } from './reviews/review-scores.sql.ts';
import { SCORE_BANDS, type ScoreBand } from './session-metrics.ts';

export const DEFAULT_LIVESTREAM_PERIOD: PeriodPreset = 'last_7_days';
/** Longest period listed at once (a quarter): each new week is ranked against 8 weeks of peers. */
export const MAX_RANGE_DAYS = 92;
export const MAX_PAGE_SIZE = 200;

/** Sortable columns → SQL over the list's row alias `r`. `gmv` is the Overview's link name for live GMV. */
const SORTS: Record<string, string> = {
  started_at: 'r.started_at',
  title: 'r.title',
  seller_name: 'r.seller_name',
  host: 'r.host',
  duration_s: 'r.duration_s',
  views: 'r.views',
  live_gmv: 'r.live_gmv',
  gmv: 'r.live_gmv',
  live_orders: 'r.live_orders',
  engagement_rate: 'r.engagement_rate',
  ctr: 'r.ctr',
  ctor: 'r.ctor',
  live_conversion: 'r.live_conversion',
  gpm: 'r.gpm',
  gmv_per_live_hour: 'r.gmv_per_live_hour',
  avg_view_duration_s: 'r.avg_view_duration_s',
  follow_rate: 'r.follow_rate',
  peer_score: 'r.peer_score',
  reviews: 'r.reviews',
  rubric_score: 'r.rubric_score',
  quality_score: 'r.quality_score',
};
export const LIVESTREAM_SORT_COLUMNS = Object.keys(SORTS);

export interface LivestreamFilters {
  seller?: string[];
  subcategory?: string[];
  host?: string[];
  /** Words in the title, host or seller name. */
  q?: string;
  band?: ScoreBand[];
  /** Sessions with at least one review (true) or none (false). */
  reviewed?: boolean;
  /** Quality score bands (0-40, 40-60, 60-80, 80-100). */
  scoreBand?: QualityBand[];
}

export interface LivestreamPeriodRequest {
  period?: PeriodPreset;
  from?: string;
  to?: string;
}

export interface LivestreamListRequest extends LivestreamPeriodRequest {
  filters?: LivestreamFilters;
  sort?: { column: string; direction: 'asc' | 'desc' };
  page?: number;
  pageSize?: number;
}

export interface LivestreamPeriod {
  period: PeriodPreset;
  /** Latest day with data, null for an empty workspace. */
  asOf: string | null;
  current: DateRange;
}

export interface LivestreamListRow {
  id: string;
  title: string | null;
  seller_id: string;
  seller_name: string;
  subcategory: string | null;
  subcategory_name: string | null;
  host: string | null;
  started_at: string;
  /** Start in the workspace time zone, `YYYY-MM-DD HH:MM`. */
  started_local: string;
  start_date: string;
  duration_s: number | null;
  band: string;
  views: number | null;
  live_gmv: number | null;
  live_orders: number | null;
  engagement_rate: number | null;
  ctr: number | null;
  ctor: number | null;
  live_conversion: number | null;
  gpm: number | null;
  gmv_per_live_hour: number | null;
  avg_view_duration_s: number | null;
  follow_rate: number | null;
  peer_score: number | null;
  /** Reviews of the session (0: not reviewed). */
  reviews: number;
  /** Mean weighted rubric score over its reviewers, 0–100. */
  rubric_score: number | null;
  /** Rubric and peer score combined (see reviews/review-scores.sql.ts), 0–100. */
  quality_score: number | null;
}

export interface LivestreamList {
  period: LivestreamPeriod;
  currency: string;
  sort: { column: string; direction: 'asc' | 'desc' };
  page: number;
  pageSize: number;
  total: number;
  rows: LivestreamListRow[];
}

export async function resolveLivestreamPeriod(executor: Executor, request: LivestreamPeriodRequest): Promise<LivestreamPeriod> {
  const period = request.period ?? (request.from && request.to ? 'custom' : DEFAULT_LIVESTREAM_PERIOD);
  const asOf = await latestDataDay(executor);
  const current = resolvePeriod(period, asOf ?? new Date().toISOString().slice(0, 10), { from: request.from, to: request.to });
  if (rangeDays(current) > MAX_RANGE_DAYS) {
    throw new UserError(`the period ${current.from} to ${current.to} is longer than ${MAX_RANGE_DAYS} days`, {
      hint: `list at most ${MAX_RANGE_DAYS} days of sessions at a time (a quarter); pick a shorter range`,
      details: { field: 'from' },
    });
  }
  return { period, asOf, current };
}

/** A session's start as local clock time in the workspace time zone. */
export function localStart(timezone: string): Sql {
  return sql`strftime(timezone(${timezone}, l.started_at), '%Y-%m-%d %H:%M')`;
}

const nonEmpty = <T>(values: T[] | undefined): values is T[] => values !== undefined && values.length > 0;

function filterConditions(filters: LivestreamFilters): Sql[] {
  const conditions: Sql[] = [];
  if (nonEmpty(filters.seller)) conditions.push(sql`l.seller_id IN (${sql.join(filters.seller)})`);
  if (nonEmpty(filters.subcategory)) conditions.push(sql`b.subcategory IN (${sql.join(filters.subcategory)})`);
  if (nonEmpty(filters.host)) conditions.push(sql`l.host IN (${sql.join(filters.host)})`);
  const q = filters.q?.trim().toLowerCase();
  if (q) {
    conditions.push(sql`(contains(lower(coalesce(l.title, '')), ${q}) OR contains(lower(coalesce(l.host, '')), ${q})
      OR contains(lower(s.name), ${q}) OR lower(l.id) = ${q})`);
  }
  if (nonEmpty(filters.band)) {
    const ranges = filters.band.map((band) => {
      const index = SCORE_BANDS.findIndex((b) => b.band === band);
      const def = SCORE_BANDS[index];
      if (!def) throw new UserError(`unknown score band "${band}"`, { hint: `valid bands: ${SCORE_BANDS.map((b) => b.band).join(', ')}` });
      const upper = SCORE_BANDS[index - 1]?.from;
      return upper === undefined ? sql`b.peer_score >= ${def.from}` : sql`(b.peer_score >= ${def.from} AND b.peer_score < ${upper})`;
    });
    conditions.push(sql`(${sql.join(ranges, ' OR ')})`);
  }
  if (filters.reviewed !== undefined) conditions.push(filters.reviewed ? sql`q.livestream_id IS NOT NULL` : sql`q.livestream_id IS NULL`);
  if (nonEmpty(filters.scoreBand)) {
    const quality = qualitySql(sql`q.rubric_score100`, sql`b.peer_score`);
    const ranges = filters.scoreBand.map((band) => {
      const def = QUALITY_BANDS.find((b) => b.band === band);
      if (!def) throw new UserError(`unknown quality score band "${band}"`, { hint: `valid bands: ${QUALITY_BANDS.map((b) => b.band).join(', ')}`, details: { field: 'scoreBand' } });
      return def.to === 100 ? sql`${quality} >= ${def.from}` : sql`(${quality} >= ${def.from} AND ${quality} < ${def.to})`;
    });
    conditions.push(sql`(${sql.join(ranges, ' OR ')})`);
  }
  return conditions;
}

/** The period's sessions with their figures, as subquery `r` (benchmarks must be current). */
export function sessionRowsSql(range: DateRange, filters: LivestreamFilters, timezone: string): Sql {
  const conditions = [sql`l.start_date BETWEEN CAST(${range.from} AS DATE) AND CAST(${range.to} AS DATE)`, ...filterConditions(filters)];
  return sql`(
    SELECT l.id, l.title, l.seller_id, s.name AS seller_name, nullif(b.subcategory, '') AS subcategory, sub.name AS subcategory_name,
      l.host, l.started_at, ${localStart(timezone)} AS started_local, l.start_date, l.duration_s, b.band, b.views, b.live_gmv, b.live_orders,
      b.engagement_rate, b.ctr, b.ctor, b.live_conversion, b.gpm, b.gmv_per_live_hour, b.avg_view_duration_s, b.follow_rate,
      b.peer_score, coalesce(q.reviews, 0) AS reviews, q.rubric_score100 AS rubric_score,
      ${qualitySql(sql`q.rubric_score100`, sql`b.peer_score`)} AS quality_score
    FROM livestream_benchmarks b
    JOIN livestreams l ON l.id = b.livestream_id
    JOIN sellers s ON s.id = l.seller_id
    LEFT JOIN categories sub ON sub.id = s.subcategory_id
    LEFT JOIN ${sessionReviewsSql} q ON q.livestream_id = l.id
    WHERE ${sql.join(conditions, ' AND ')}
  ) r`;
}

function checkPaging(page: number, pageSize: number): void {
  if (!(pageSize >= 1 && pageSize <= MAX_PAGE_SIZE)) {
    throw new UserError(`page size ${pageSize} is out of range`, { hint: `ask for 1 to ${MAX_PAGE_SIZE} sessions per page`, details: { field: 'pageSize' } });
  }
  if (!(page >= 1)) throw new UserError(`page ${page} is out of range`, { hint: 'pages start at 1', details: { field: 'page' } });
}

export async function listLivestreams(executor: Executor, request: LivestreamListRequest = {}): Promise<LivestreamList> {
  const sort = request.sort ?? { column: 'started_at', direction: 'desc' as const };
  const column = SORTS[sort.column];
  if (!column) {
    throw new UserError(`cannot sort sessions by "${sort.column}"`, {
      hint: `sort by one of: ${LIVESTREAM_SORT_COLUMNS.join(', ')}`,
      details: { field: 'sort', value: sort.column },
    });
  }
  const page = Math.trunc(request.page ?? 1);
  const pageSize = Math.trunc(request.pageSize ?? 50);
  checkPaging(page, pageSize);
  const period = await resolveLivestreamPeriod(executor, request);
  const filters = request.filters ?? {};
  const { currency, timezone } = await getSettings(executor);
  await ensureBenchmarks(executor, { ...period.current, subcategories: filters.subcategory });
  const rows = sessionRowsSql(period.current, filters, timezone);
  // Ties are broken by id, so paging never repeats or skips a session.
  const order = sql.raw(`ORDER BY ${column} ${sort.direction === 'asc' ? 'ASC' : 'DESC'} NULLS LAST, r.id`);
  const found = await executor.query<LivestreamListRow & { total: number }>(sql`
    SELECT r.*, count(*) OVER () AS total FROM ${rows} ${order} ${executor.dialect.limit(pageSize, (page - 1) * pageSize)}`);
  let total = found[0]?.total ?? 0;
  if (found.length === 0 && page > 1) {
    const [count] = await executor.query<{ n: number }>(sql`SELECT count(*) AS n FROM ${rows}`);
    total = count?.n ?? 0;
  }
  return { period, currency, sort, page, pageSize, total, rows: found.map(({ total: _total, ...row }) => row) };
}
