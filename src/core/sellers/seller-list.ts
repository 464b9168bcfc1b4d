/**
 * The Sellers grid: every seller of the registry with its segments, owner, last contact, profile
 * completeness and the period's sales and livestream figures — filtered, sorted and paged inside
 * DuckDB, so a request at 100,000 sellers returns one page and never moves the registry into
 * JavaScript. The figures come from the metric catalog compiled by seller and are kept per period
 * until the facts change (seller-figures.ts); profiles, segments, owners and contacts are joined
 * live, so an edit shows at once. Sort columns and filters come from the whitelists below, never
 * from request text. Merged sellers (see seller-merge.ts) are left out.
 */
import type { Executor } from '../db/database.ts';
import { sql, type Sql } from '../db/sql.ts';
import { todayIn, addDays } from '../shared/dates.ts';
import { getSettings } from '../shared/settings.ts';
import { UserError } from '../shared/errors.ts';
import { completenessScoreSql, missingFieldsSql } from './profile-completeness.ts';
import { resolveSellerPeriod, type SellerPeriod, type SellerPeriodRequest } from './seller-period.ts';
import { forgetSellerFigures, PERIOD_METRICS, sellerFigures } from './seller-figures.ts';

const COMPLETENESS = completenessScoreSql().toString();
const CHANGE_RATIO = 'CASE WHEN coalesce(f.gmv_previous, 0) = 0 THEN NULL ELSE round((coalesce(f.gmv, 0) - f.gmv_previous) / f.gmv_previous, 6) END';

export const LIFECYCLES = ['new', 'growing', 'steady', 'declining', 'dormant', 'churned'] as const;
export const LIVE_STATUSES = ['never', 'lapsed', 'occasional', 'regular'] as const;

/** Additive figures count 0 for a seller without rows (nothing sold); ratios stay empty. */
const ADDITIVE = new Set(['gmv', 'orders', 'live_sessions', 'live_gmv']);

/** What a sort or filter needs joined besides the seller and its figures. */
type Join = 'segments' | 'owner' | 'contact' | 'taxonomy';

/** Sortable columns → the expression (over s sellers, f figures and the joins) and what it needs. */
const SORTS: Record<string, { expr: string; needs?: Join }> = {
  name: { expr: 'lower(s.name)' },
  id: { expr: 's.id' },
  subcategory: { expr: 'lower(sub.name)', needs: 'taxonomy' },
  category: { expr: 'lower(cat.name)', needs: 'taxonomy' },
  // Tiers are GMV percentiles of a rolling window, so the window's GMV orders them (and within them).
  tier: { expr: 'seg.gmv_window', needs: 'segments' },
  platform_tier: { expr: 's.tier' },
  lifecycle: { expr: `list_position(['${LIFECYCLES.join("','")}'], seg.lifecycle)`, needs: 'segments' },
  live_status: { expr: `list_position(['${LIVE_STATUSES.join("','")}'], seg.live_status)`, needs: 'segments' },
  region: { expr: 'lower(s.region)' },
  status: { expr: 's.status' },
  owner: { expr: 'lower(u.display_name)', needs: 'owner' },
  last_contact_at: { expr: 'c.last_contact_at', needs: 'contact' },
  last_contact_date: { expr: 'c.last_contact_at', needs: 'contact' },
  completeness: { expr: COMPLETENESS },
  followers: { expr: 's.followers' },
  store_rating: { expr: 's.store_rating' },
  first_seen: { expr: 's.first_seen' },
  last_seen: { expr: 's.last_seen' },
  gmv: { expr: 'coalesce(f.gmv, 0)' },
  gmv_previous: { expr: 'coalesce(f.gmv_previous, 0)' },
  gmv_change: { expr: 'coalesce(f.gmv, 0) - coalesce(f.gmv_previous, 0)' },
  gmv_change_ratio: { expr: CHANGE_RATIO },
  orders: { expr: 'coalesce(f.orders, 0)' },
  aov: { expr: 'f.aov' },
  live_sessions: { expr: 'coalesce(f.live_sessions, 0)' },
  live_gmv: { expr: 'coalesce(f.live_gmv, 0)' },
  live_gmv_share: { expr: 'f.live_gmv_share' },
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

interface Conditions {
  where: Sql[];
  needs: Set<Join>;
}

function filterConditions(executor: Executor, filters: SellerFilters, today: string, timezone: string): Conditions {
  const where: Sql[] = [sql`NOT EXISTS (SELECT 1 FROM seller_merges m WHERE m.merged_id = s.id)`];
  const needs = new Set<Join>();
  const q = filters.q?.trim().toLowerCase();
  if (q) {
    where.push(sql`(contains(lower(s.name), ${q}) OR contains(lower(coalesce(s.shop_name, '')), ${q}) OR contains(lower(s.id), ${q}))`);
  }
  const inList = (column: Sql, values: string[] | undefined, need?: Join) => {
    if (!nonEmpty(values)) return;
    where.push(sql`${column} IN (${sql.join(values)})`);
    if (need) needs.add(need);
  };
  inList(sql`s.category_id`, filters.category);
  inList(sql`s.subcategory_id`, filters.subcategory);
  inList(sql`seg.tier`, filters.tier, 'segments');
  inList(sql`s.tier`, filters.platform_tier);
  inList(sql`seg.lifecycle`, filters.lifecycle, 'segments');
  inList(sql`seg.live_status`, filters.live_status, 'segments');
  inList(sql`s.region`, filters.region);
  inList(sql`s.status`, filters.status);
  if (nonEmpty(filters.owner)) {
    const ids = filters.owner.filter((o): o is number => typeof o === 'number');
    const parts: Sql[] = [];
    if (ids.length) parts.push(sql`s.owner_user_id IN (${sql.join(ids)})`);
    if (filters.owner.includes('none')) parts.push(sql`s.owner_user_id IS NULL`);
    where.push(sql`(${sql.join(parts, ' OR ')})`);
  }
  if (filters.completeness_below !== undefined) {
    where.push(sql`${completenessScoreSql()} < ${filters.completeness_below}`);
  }
  if (filters.not_contacted_days !== undefined) {
    const since = addDays(today, -filters.not_contacted_days);
    const contactDay = executor.dialect.localDate(sql`c.last_contact_at`, sql`${timezone}`);
    where.push(sql`(c.last_contact_at IS NULL OR ${contactDay} < CAST(${since} AS DATE))`);
    needs.add('contact');
  }
  return { where, needs };
}

const JOINS: Record<Join, Sql> = {
  segments: sql`LEFT JOIN seller_segments seg ON seg.seller_id = s.id`,
  owner: sql`LEFT JOIN users u ON u.id = s.owner_user_id`,
  contact: sql`LEFT JOIN (SELECT seller_id, max("at") AS last_contact_at FROM communications GROUP BY seller_id) c ON c.seller_id = s.id`,
  taxonomy: sql`LEFT JOIN categories cat ON cat.id = s.category_id LEFT JOIN categories sub ON sub.id = s.subcategory_id`,
};

const joins = (needs: Iterable<Join>) => sql.join([...new Set(needs)].map((j) => JOINS[j]), ' ');

/** Display columns of the rows `s` joined with their figures `f` and the joins named in JOINS. */
function displayColumns(executor: Executor, timezone: string): Sql {
  return sql`s.id, s.name, s.shop_name, s.category_id AS category, cat.name AS category_name,
    s.subcategory_id AS subcategory, sub.name AS subcategory_name, s.tier AS platform_tier,
    seg.tier, seg.lifecycle, seg.live_status, s.region, s.status, s.owner_user_id, u.display_name AS owner_name,
    c.last_contact_at, ${executor.dialect.localDate(sql`c.last_contact_at`, sql`${timezone}`)} AS last_contact_date,
    ${completenessScoreSql()} AS completeness, ${missingFieldsSql()} AS missing_fields,
    ${sql.join(PERIOD_METRICS.map((name) => (ADDITIVE.has(name) ? sql`coalesce(f.${sql.ident(name)}, 0) AS ${sql.ident(name)}` : sql`f.${sql.ident(name)}`)))},
    coalesce(f.gmv_previous, 0) AS gmv_previous, coalesce(f.gmv, 0) - coalesce(f.gmv_previous, 0) AS gmv_change,
    ${sql.raw(CHANGE_RATIO)} AS gmv_change_ratio`;
}

/**
 * A page in two steps: the filters and the sort key over every seller (with only the joins they
 * need), then the display columns of the page's sellers alone, looked up by id — the completeness
 * list, names and dates of 100,000 sellers are never built to show 100. An export (more rows than
 * a page) takes the display columns in the same statement instead.
 */
async function pageOf(executor: Executor, request: SellerListRequest, sort: SellerSort, limit: number, offset: number) {
  const period = await resolveSellerPeriod(executor, request);
  const { timezone } = await getSettings(executor);
  const today = request.today ?? todayIn(timezone);
  const conditions = filterConditions(executor, request.filters ?? {}, today, timezone);
  const key = SORTS[sort.column] ?? { expr: 'coalesce(f.gmv, 0)' };
  const direction = sql.raw(sort.direction.toUpperCase());
  const run = async (figures: Sql): Promise<(SellerListRow & { total: number })[]> => {
    const ordered = sql`SELECT s.id, ${sql.raw(key.expr)} AS sort_key, count(*) OVER () AS total
      FROM sellers s LEFT JOIN ${figures} f ON f.seller_id = s.id ${joins([...conditions.needs, ...(key.needs ? [key.needs] : [])])}
      WHERE ${sql.join(conditions.where, ' AND ')}
      ORDER BY sort_key ${direction} NULLS LAST, s.id ${executor.dialect.limit(limit, offset)}`;
    if (limit > MAX_PAGE_SIZE) {
      return executor.query(sql`WITH page AS (${ordered})
        SELECT ${displayColumns(executor, timezone)}, page.total
        FROM page JOIN sellers s ON s.id = page.id LEFT JOIN ${figures} f ON f.seller_id = s.id ${joins(['segments', 'owner', 'contact', 'taxonomy'])}
        ORDER BY page.sort_key ${direction} NULLS LAST, page.id`);
    }
    const page = await executor.query<{ id: string; total: number }>(ordered);
    if (page.length === 0) return [];
    const ids = sql.join(page.map((p) => p.id));
    const rows = await executor.query<SellerListRow>(sql`
      SELECT ${displayColumns(executor, timezone)}
      FROM sellers s
        LEFT JOIN (SELECT * FROM ${figures} WHERE seller_id IN (${ids})) f ON f.seller_id = s.id
        LEFT JOIN (SELECT * FROM seller_segments WHERE seller_id IN (${ids})) seg ON seg.seller_id = s.id
        LEFT JOIN users u ON u.id = s.owner_user_id
        LEFT JOIN (SELECT seller_id, max("at") AS last_contact_at FROM communications WHERE seller_id IN (${ids}) GROUP BY seller_id) c ON c.seller_id = s.id
        LEFT JOIN categories cat ON cat.id = s.category_id LEFT JOIN categories sub ON sub.id = s.subcategory_id
      WHERE s.id IN (${ids})`);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return page.flatMap((p) => {
      const row = byId.get(p.id);
      return row ? [{ ...row, total: p.total }] : [];
    });
  };
  const figures = await sellerFigures(executor, period.current, period.previous);
  let rows;
  try {
    rows = await run(figures);
  } catch (error) {
    // The cached figures were dropped under this request (evicted): build them again, once.
    if (!/does not exist/i.test(String(error))) throw error;
    forgetSellerFigures(executor, period.current, period.previous);
    rows = await run(await sellerFigures(executor, period.current, period.previous));
  }
  return { period, rows, conditions, figures };
}

export async function listSellers(executor: Executor, request: SellerListRequest = {}): Promise<SellerList> {
  const sort = checkSort(request.sort);
  const pageSize = Math.trunc(request.pageSize ?? 50);
  const page = Math.trunc(request.page ?? 1);
  if (!(pageSize >= 1 && pageSize <= MAX_PAGE_SIZE)) {
    throw new UserError(`page size ${request.pageSize} is out of range`, { hint: `ask for 1 to ${MAX_PAGE_SIZE} sellers per page`, details: { field: 'pageSize', value: request.pageSize } });
  }
  if (!(page >= 1)) throw new UserError(`page ${request.page} is out of range`, { hint: 'pages start at 1', details: { field: 'page', value: request.page } });
  const { period, rows, conditions, figures } = await pageOf(executor, request, sort, pageSize, (page - 1) * pageSize);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && page > 1) {
    const [count] = await executor.query<{ n: number }>(sql`SELECT count(*) AS n FROM sellers s LEFT JOIN ${figures} f ON f.seller_id = s.id
      ${joins(conditions.needs)} WHERE ${sql.join(conditions.where, ' AND ')}`);
    total = count?.n ?? 0;
  }
  return { period, sort, page, pageSize, total, rows: rows.map(({ total: _total, ...row }) => row) };
}

/** Every row of a view, in its order, up to `MAX_EXPORT_ROWS` (for exports). */
export async function listAllSellers(executor: Executor, request: SellerListRequest = {}): Promise<{ period: SellerPeriod; sort: SellerSort; rows: SellerListRow[]; truncated: boolean }> {
  const sort = checkSort(request.sort);
  const { period, rows } = await pageOf(executor, request, sort, MAX_EXPORT_ROWS + 1, 0);
  return { period, sort, rows: rows.slice(0, MAX_EXPORT_ROWS).map(({ total: _total, ...row }) => row), truncated: rows.length > MAX_EXPORT_ROWS };
}
