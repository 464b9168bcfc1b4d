/**
 * The Sellers grid: every seller of the registry with its segments, owner, last contact, profile
 * completeness and the period's sales and livestream figures — filtered, sorted and paged inside
 * DuckDB in one statement, so a request at 100,000 sellers returns one page and never moves the
 * registry into JavaScript. The figures come from the metric catalog compiled by seller (as the
 * top movers do); sort columns and filters come from the whitelists below, never from request text.
 * Merged sellers (see seller-merge.ts) are left out.
 */
import type { Executor } from '../db/database.ts';
import { sql, type Sql } from '../db/sql.ts';
import { todayIn, addDays } from '../shared/dates.ts';
import { getSettings } from '../shared/settings.ts';
import { UserError } from '../shared/errors.ts';
import { compileMetricQuery } from '../metrics/compile-query.ts';
import type { MetricFilter } from '../metrics/metric-request.ts';
import { completenessScoreSql, missingFieldsSql } from './profile-completeness.ts';
import { resolveSellerPeriod, type SellerPeriod, type SellerPeriodRequest } from './seller-period.ts';

export const LIFECYCLES = ['new', 'growing', 'steady', 'declining', 'dormant', 'churned'] as const;
export const LIVE_STATUSES = ['never', 'lapsed', 'occasional', 'regular'] as const;

/** Figures of the period, from the catalog; additive ones count 0 for a seller without rows. */
const PERIOD_METRICS = ['gmv', 'orders', 'aov', 'live_sessions', 'live_gmv', 'live_gmv_share'] as const;
const ADDITIVE = new Set(['gmv', 'orders', 'live_sessions', 'live_gmv']);

/** Sortable columns → the expression on the joined row `r`. */
const SORTS: Record<string, string> = {
  name: 'lower(r.name)',
  id: 'r.id',
  subcategory: 'lower(r.subcategory_name)',
  category: 'lower(r.category_name)',
  // Tiers are GMV percentiles of a rolling window, so the window's GMV orders them (and within them).
  tier: 'r.tier_gmv_window',
  platform_tier: 'r.platform_tier',
  lifecycle: `list_position(['${LIFECYCLES.join("','")}'], r.lifecycle)`,
  live_status: `list_position(['${LIVE_STATUSES.join("','")}'], r.live_status)`,
  region: 'lower(r.region)',
  status: 'r.status',
  owner: 'lower(r.owner_name)',
  last_contact_at: 'r.last_contact_at',
  last_contact_date: 'r.last_contact_at',
  completeness: 'r.completeness',
  followers: 'r.followers',
  store_rating: 'r.store_rating',
  first_seen: 'r.first_seen',
  last_seen: 'r.last_seen',
  gmv: 'r.gmv',
  gmv_previous: 'r.gmv_previous',
  gmv_change: 'r.gmv_change',
  gmv_change_ratio: 'r.gmv_change_ratio',
  orders: 'r.orders',
  aov: 'r.aov',
  live_sessions: 'r.live_sessions',
  live_gmv: 'r.live_gmv',
  live_gmv_share: 'r.live_gmv_share',
};
export const SORT_COLUMNS = Object.keys(SORTS);

export interface SellerFilters {
  /** Part of the name, shop name or id (case-insensitive). */
  q?: string;
  category?: string[];
  subcategory?: string[];
  /** Aisle's computed tier (seller_segments). */
  tier?: string[];
  /** The platform's own tier from the profile. */
  platform_tier?: string[];
  lifecycle?: string[];
  live_status?: string[];
  region?: string[];
  status?: string[];
  /** Owner user ids; `'none'` for sellers without an owner. */
  owner?: (number | 'none')[];
  /** Completeness score strictly below this (0–100). */
  completeness_below?: number;
  /** No communication logged in the last N days (or never). */
  not_contacted_days?: number;
}

export interface SellerSort {
  column: string;
  direction: 'asc' | 'desc';
}

export interface SellerListRequest extends SellerPeriodRequest {
  filters?: SellerFilters;
  sort?: SellerSort;
  page?: number;
  pageSize?: number;
  /** The day "not contacted in N days" counts back from; default today in the workspace time zone. */
  today?: string;
}

export interface SellerListRow {
  id: string;
  name: string;
  shop_name: string | null;
  category: string | null;
  category_name: string | null;
  subcategory: string | null;
  subcategory_name: string | null;
  platform_tier: string | null;
  tier: string | null;
  lifecycle: string | null;
  live_status: string | null;
  region: string | null;
  status: string;
  owner_user_id: number | null;
  owner_name: string | null;
  last_contact_at: string | null;
  /** The last contact's local date in the workspace time zone. */
  last_contact_date: string | null;
  completeness: number;
  missing_fields: string[];
  gmv: number;
  gmv_previous: number;
  gmv_change: number;
  gmv_change_ratio: number | null;
  orders: number;
  aov: number | null;
  live_sessions: number;
  live_gmv: number;
  live_gmv_share: number | null;
}

export interface SellerList {
  period: SellerPeriod;
  sort: SellerSort;
  page: number;
  pageSize: number;
  total: number;
  rows: SellerListRow[];
}

export const MAX_PAGE_SIZE = 500;
/** The most rows one export writes. */
export const MAX_EXPORT_ROWS = 100_000;
export const DEFAULT_SORT: SellerSort = { column: 'gmv', direction: 'desc' };

function checkSort(sort: SellerSort | undefined): SellerSort {
  if (!sort) return DEFAULT_SORT;
  if (!Object.hasOwn(SORTS, sort.column)) {
    throw new UserError(`cannot sort sellers by "${sort.column}"`, {
      hint: `sort by one of ${SORT_COLUMNS.join(', ')}`,
      details: { field: 'sort', value: sort.column },
    });
  }
  return { column: sort.column, direction: sort.direction === 'asc' ? 'asc' : 'desc' };
}

const nonEmpty = <T>(values: T[] | undefined): values is T[] => values !== undefined && values.length > 0;

function filterConditions(executor: Executor, filters: SellerFilters, today: string, timezone: string): Sql[] {
  const conditions: Sql[] = [sql`NOT EXISTS (SELECT 1 FROM seller_merges m WHERE m.merged_id = s.id)`];
  const q = filters.q?.trim().toLowerCase();
  if (q) {
    conditions.push(sql`(contains(lower(s.name), ${q}) OR contains(lower(coalesce(s.shop_name, '')), ${q}) OR contains(lower(s.id), ${q}))`);
  }
  const inList = (column: Sql, values: string[] | undefined) => {
    if (nonEmpty(values)) conditions.push(sql`${column} IN (${sql.join(values)})`);
  };
  inList(sql`s.category_id`, filters.category);
  inList(sql`s.subcategory_id`, filters.subcategory);
  inList(sql`seg.tier`, filters.tier);
  inList(sql`s.tier`, filters.platform_tier);
  inList(sql`seg.lifecycle`, filters.lifecycle);
  inList(sql`seg.live_status`, filters.live_status);
  inList(sql`s.region`, filters.region);
  inList(sql`s.status`, filters.status);
  if (nonEmpty(filters.owner)) {
    const ids = filters.owner.filter((o): o is number => typeof o === 'number');
    const parts: Sql[] = [];
    if (ids.length) parts.push(sql`s.owner_user_id IN (${sql.join(ids)})`);
    if (filters.owner.includes('none')) parts.push(sql`s.owner_user_id IS NULL`);
    conditions.push(sql`(${sql.join(parts, ' OR ')})`);
  }
  if (filters.completeness_below !== undefined) {
    conditions.push(sql`${completenessScoreSql()} < ${filters.completeness_below}`);
  }
  if (filters.not_contacted_days !== undefined) {
    const since = addDays(today, -filters.not_contacted_days);
    const contactDay = executor.dialect.localDate(sql`c.last_contact_at`, sql`${timezone}`);
    conditions.push(sql`(c.last_contact_at IS NULL OR ${contactDay} < CAST(${since} AS DATE))`);
  }
  return conditions;
}

/** The grid's rows before sorting and paging, as a subquery `r` (also used by the export). */
async function sellerRowsQuery(executor: Executor, request: SellerListRequest): Promise<{ period: SellerPeriod; rows: Sql }> {
  const period = await resolveSellerPeriod(executor, request);
  const filters = request.filters ?? {};
  const { timezone } = await getSettings(executor);
  const today = request.today ?? todayIn(timezone);
  // Slicing by subcategory or category inside the catalog query keeps it from summing every seller.
  const where: MetricFilter[] = [];
  if (nonEmpty(filters.subcategory)) where.push({ dimension: 'subcategory', values: filters.subcategory });
  if (nonEmpty(filters.category)) where.push({ dimension: 'category', values: filters.category });
  const now = compileMetricQuery(executor.dialect, { metrics: [...PERIOD_METRICS], by: ['seller'], where, ...period.current });
  const before = compileMetricQuery(executor.dialect, { metrics: ['gmv'], by: ['seller'], where, ...period.previous });
  const metric = (name: string) =>
    ADDITIVE.has(name) ? sql`coalesce(cur.${sql.ident(name)}, 0) AS ${sql.ident(name)}` : sql`cur.${sql.ident(name)} AS ${sql.ident(name)}`;
  const rows = sql`(
    WITH cur AS (${now.query}), prev AS (${before.query}),
    contact AS (SELECT seller_id, max("at") AS last_contact_at FROM communications GROUP BY seller_id)
    SELECT s.id, s.name, s.shop_name, s.category_id AS category, cat.name AS category_name,
      s.subcategory_id AS subcategory, sub.name AS subcategory_name, s.tier AS platform_tier,
      seg.tier, seg.gmv_window AS tier_gmv_window, seg.lifecycle, seg.live_status, s.region, s.status,
      s.followers, s.store_rating, s.first_seen, s.last_seen,
      s.owner_user_id, u.display_name AS owner_name, c.last_contact_at,
      ${executor.dialect.localDate(sql`c.last_contact_at`, sql`${timezone}`)} AS last_contact_date,
      ${completenessScoreSql()} AS completeness, ${missingFieldsSql()} AS missing_fields,
      ${sql.join(PERIOD_METRICS.map(metric))},
      coalesce(prev.gmv, 0) AS gmv_previous,
      coalesce(cur.gmv, 0) - coalesce(prev.gmv, 0) AS gmv_change,
      CASE WHEN coalesce(prev.gmv, 0) = 0 THEN NULL
        ELSE round((coalesce(cur.gmv, 0) - prev.gmv) / prev.gmv, 6) END AS gmv_change_ratio
    FROM sellers s
    LEFT JOIN cur ON cur.seller = s.id
    LEFT JOIN prev ON prev.seller = s.id
    LEFT JOIN seller_segments seg ON seg.seller_id = s.id
    LEFT JOIN users u ON u.id = s.owner_user_id
    LEFT JOIN contact c ON c.seller_id = s.id
    LEFT JOIN categories cat ON cat.id = s.category_id
    LEFT JOIN categories sub ON sub.id = s.subcategory_id
    WHERE ${sql.join(filterConditions(executor, filters, today, timezone), ' AND ')}
  ) r`;
  return { period, rows };
}

const OUTPUT = sql.raw(`r.id, r.name, r.shop_name, r.category, r.category_name, r.subcategory, r.subcategory_name,
  r.platform_tier, r.tier, r.lifecycle, r.live_status, r.region, r.status, r.owner_user_id, r.owner_name,
  r.last_contact_at, r.last_contact_date, r.completeness, r.missing_fields, r.gmv, r.gmv_previous, r.gmv_change, r.gmv_change_ratio,
  r.orders, r.aov, r.live_sessions, r.live_gmv, r.live_gmv_share`);

function orderBy(sort: SellerSort): Sql {
  // Ties (many sellers with 0 GMV) are broken by id, so paging never repeats or skips a seller.
  return sql.raw(`ORDER BY ${SORTS[sort.column] ?? 'r.gmv'} ${sort.direction.toUpperCase()} NULLS LAST, r.id`);
}

export async function listSellers(executor: Executor, request: SellerListRequest = {}): Promise<SellerList> {
  const sort = checkSort(request.sort);
  const pageSize = Math.trunc(request.pageSize ?? 50);
  const page = Math.trunc(request.page ?? 1);
  if (!(pageSize >= 1 && pageSize <= MAX_PAGE_SIZE)) {
    throw new UserError(`page size ${request.pageSize} is out of range`, { hint: `ask for 1 to ${MAX_PAGE_SIZE} sellers per page`, details: { field: 'pageSize', value: request.pageSize } });
  }
  if (!(page >= 1)) throw new UserError(`page ${request.page} is out of range`, { hint: 'pages start at 1', details: { field: 'page', value: request.page } });
  const { period, rows } = await sellerRowsQuery(executor, request);
  const found = await executor.query<SellerListRow & { total: number }>(sql`
    SELECT ${OUTPUT}, count(*) OVER () AS total FROM ${rows} ${orderBy(sort)} ${executor.dialect.limit(pageSize, (page - 1) * pageSize)}`);
  let total = found[0]?.total ?? 0;
  if (found.length === 0 && page > 1) {
    const [count] = await executor.query<{ n: number }>(sql`SELECT count(*) AS n FROM ${rows}`);
    total = count?.n ?? 0;
  }
  return { period, sort, page, pageSize, total, rows: found.map(({ total: _total, ...row }) => row) };
}

/** Every row of a view, in its order, up to `MAX_EXPORT_ROWS` (for exports). */
export async function listAllSellers(executor: Executor, request: SellerListRequest = {}): Promise<{ period: SellerPeriod; sort: SellerSort; rows: SellerListRow[]; truncated: boolean }> {
  const sort = checkSort(request.sort);
  const { period, rows } = await sellerRowsQuery(executor, request);
  const found = await executor.query<SellerListRow>(sql`
    SELECT ${OUTPUT} FROM ${rows} ${orderBy(sort)} ${executor.dialect.limit(MAX_EXPORT_ROWS + 1)}`);
  return { period, sort, rows: found.slice(0, MAX_EXPORT_ROWS), truncated: found.length > MAX_EXPORT_ROWS };
}
