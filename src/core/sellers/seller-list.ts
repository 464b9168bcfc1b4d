/**
 * The Sellers grid: every seller of the registry with its segments, owner, last contact, profile
 * completeness and the period's sales and livestream figures — filtered, sorted and paged inside
 * DuckDB over the grid's rows of the period (seller-grid-table.ts: the catalog's figures by seller
 * joined with the live registry, kept until either changes), so a request at 100,000 sellers
 * returns one page and never moves the registry into JavaScript. Sort columns and filters come
 * from the whitelists below, never from request text. Merged sellers (seller-merge.ts) are left out.
 */
import type { Executor } from '../db/database.ts';
import { sql, type Sql } from '../db/sql.ts';
import { todayIn, addDays } from '../shared/dates.ts';
import { getSettings } from '../shared/settings.ts';
import { UserError } from '../shared/errors.ts';
import { resolveSellerPeriod, type SellerPeriod, type SellerPeriodRequest } from './seller-period.ts';
import { forgetSellerGridRows, sellerGridRows } from './seller-grid-table.ts';

export const LIFECYCLES = ['new', 'growing', 'steady', 'declining', 'dormant', 'churned'] as const;
export const LIVE_STATUSES = ['never', 'lapsed', 'occasional', 'regular'] as const;

/** Sortable columns → the expression over the grid's rows `r` (seller-grid-table.ts). */
const SORTS: Record<string, string> = {
  name: 'r.name_key',
  id: 'r.id',
  subcategory: 'r.subcategory_key',
  category: 'r.category_key',
  // Tiers are GMV percentiles of a rolling window, so the window's GMV orders them (and within them).
  tier: 'r.tier_gmv_window',
  platform_tier: 'r.platform_tier',
  lifecycle: `list_position(['${LIFECYCLES.join("','")}'], r.lifecycle)`,
  live_status: `list_position(['${LIVE_STATUSES.join("','")}'], r.live_status)`,
  region: 'r.region_key',
  status: 'r.status',
  owner: 'r.owner_key',
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
  /** After a data change, answer from the previous figures when the new ones take longer than this (default: always wait). */
  staleAfterMs?: number;
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
  /** The rows come from the figures before the latest data change, while the new ones are built: ask again shortly. */
  refreshing: boolean;
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

function filterConditions(filters: SellerFilters, today: string): Sql[] {
  const where: Sql[] = [sql`true`];
  const q = filters.q?.trim().toLowerCase();
  if (q) where.push(sql`contains(r.search, ${q})`);
  const inList = (column: string, values: string[] | undefined) => {
    if (nonEmpty(values)) where.push(sql`${sql.raw(column)} IN (${sql.join(values)})`);
  };
  inList('r.category', filters.category);
  inList('r.subcategory', filters.subcategory);
  inList('r.tier', filters.tier);
  inList('r.platform_tier', filters.platform_tier);
  inList('r.lifecycle', filters.lifecycle);
  inList('r.live_status', filters.live_status);
  inList('r.region', filters.region);
  inList('r.status', filters.status);
  if (nonEmpty(filters.owner)) {
    const ids = filters.owner.filter((o): o is number => typeof o === 'number');
    const parts: Sql[] = [];
    if (ids.length) parts.push(sql`r.owner_user_id IN (${sql.join(ids)})`);
    if (filters.owner.includes('none')) parts.push(sql`r.owner_user_id IS NULL`);
    where.push(sql`(${sql.join(parts, ' OR ')})`);
  }
  if (filters.completeness_below !== undefined) where.push(sql`r.completeness < ${filters.completeness_below}`);
  if (filters.not_contacted_days !== undefined) {
    // last_contact_date is the local date in the workspace time zone.
    const since = addDays(today, -filters.not_contacted_days);
    where.push(sql`(r.last_contact_date IS NULL OR r.last_contact_date < CAST(${since} AS DATE))`);
  }
  return where;
}

const OUTPUT = sql.raw(`r.id, r.name, r.shop_name, r.category, r.category_name, r.subcategory, r.subcategory_name,
  r.platform_tier, r.tier, r.lifecycle, r.live_status, r.region, r.status, r.owner_user_id, r.owner_name,
  r.last_contact_at, r.last_contact_date, r.completeness, r.missing_fields, r.gmv, r.gmv_previous, r.gmv_change,
  r.gmv_change_ratio, r.orders, r.aov, r.live_sessions, r.live_gmv, r.live_gmv_share`);

/** One page (or an export's rows) of a view, with the view's total. */
/**
 * Pages already answered, by the grid-rows table they were read from and everything else that
 * shapes them (conditions with their values — today's date among them —, sort, limit, offset).
 * A rows table's name stands for the data it holds (seller-grid-table.ts), so an answer is exact
 * for as long as its name is the current one; the team's usual views (the default sort's first
 * pages) then cost a lookup. The least recently used answers go first.
 */
const answered = new WeakMap<Executor, Map<string, { rows: SellerListRow[]; total: number }>>();
const ANSWERED_PAGES = 256;

function answeredPagesOf(executor: Executor): Map<string, { rows: SellerListRow[]; total: number }> {
  let pages = answered.get(executor);
  if (!pages) {
    pages = new Map();
    answered.set(executor, pages);
  }
  return pages;
}

function rememberPage(answeredPages: Map<string, { rows: SellerListRow[]; total: number }>, key: string, page: { rows: SellerListRow[]; total: number }): void {
  answeredPages.delete(key);
  answeredPages.set(key, page);
  for (const oldest of answeredPages.keys()) {
    if (answeredPages.size <= ANSWERED_PAGES) break;
    answeredPages.delete(oldest);
  }
}

async function pageOf(executor: Executor, request: SellerListRequest, sort: SellerSort, limit: number, offset: number) {
  const period = await resolveSellerPeriod(executor, request);
  const { timezone } = await getSettings(executor);
  const today = request.today ?? todayIn(timezone);
  const where = sql.join(filterConditions(request.filters ?? {}, today), ' AND ');
  const direction = sql.raw(sort.direction.toUpperCase());
  // Only the ids and sort keys go through the sort; the page's columns are read for its rows alone,
  // and the total is a statement of its own run side by side (a window count would carry every
  // row's columns through the sort). Ties (many sellers with 0 GMV) are broken by id, so paging
  // never repeats or skips a seller.
  const run = async (rows: Sql): Promise<{ rows: SellerListRow[]; total: number }> => {
    // Only cached tables have a name that stands for their data (an inline subquery has none).
    const table = rows.toQuery();
    const key = table.values.length === 0 && /^aisle_cache\./.test(table.text) ? JSON.stringify([table.text, where.toQuery(), sort, limit, offset]) : null;
    const answeredPages = answeredPagesOf(executor);
    const hit = key ? answeredPages.get(key) : undefined;
    if (key && hit) {
      rememberPage(answeredPages, key, hit);
      return { rows: [...hit.rows], total: hit.total };
    }
    const [found, count] = await Promise.all([
      executor.query<SellerListRow>(sql`
        WITH page AS (
          SELECT r.id, ${sql.raw(SORTS[sort.column] ?? 'r.gmv')} AS sort_key FROM ${rows} r WHERE ${where}
          ORDER BY sort_key ${direction} NULLS LAST, r.id ${executor.dialect.limit(limit, offset)})
        SELECT ${OUTPUT} FROM page JOIN ${rows} r ON r.id = page.id ORDER BY page.sort_key ${direction} NULLS LAST, page.id`),
      executor.query<{ n: number }>(sql`SELECT count(*) AS n FROM ${rows} r WHERE ${where}`),
    ]);
    const page = { rows: found, total: count[0]?.n ?? 0 };
    if (key) rememberPage(answeredPages, key, page);
    return { rows: [...page.rows], total: page.total };
  };
  const { rows, stale } = await sellerGridRows(executor, period.current, period.previous, timezone, request.staleAfterMs);
  try {
    return { period, refreshing: stale, ...(await run(rows)) };
  } catch (error) {
    // A cached table was dropped under this request: a previous one whose successor is now built,
    // or an evicted one (built again). Asked again with the same limit, the successor (or, while
    // a newer one builds, its predecessor) answers at once; only a second miss waits for a build,
    // which while imports run can take tens of seconds.
    if (!/does not exist/i.test(String(error))) throw error;
    await forgetSellerGridRows(executor, period.current, period.previous, timezone);
    try {
      const again = await sellerGridRows(executor, period.current, period.previous, timezone, request.staleAfterMs);
      return { period, refreshing: again.stale, ...(await run(again.rows)) };
    } catch (second) {
      if (!/does not exist/i.test(String(second))) throw second;
      const last = await sellerGridRows(executor, period.current, period.previous, timezone);
      return { period, refreshing: false, ...(await run(last.rows)) };
    }
  }
}

export async function listSellers(executor: Executor, request: SellerListRequest = {}): Promise<SellerList> {
  const sort = checkSort(request.sort);
  const pageSize = Math.trunc(request.pageSize ?? 50);
  const page = Math.trunc(request.page ?? 1);
  if (!(pageSize >= 1 && pageSize <= MAX_PAGE_SIZE)) {
    throw new UserError(`page size ${request.pageSize} is out of range`, { hint: `ask for 1 to ${MAX_PAGE_SIZE} sellers per page`, details: { field: 'pageSize', value: request.pageSize } });
  }
  if (!(page >= 1)) throw new UserError(`page ${request.page} is out of range`, { hint: 'pages start at 1', details: { field: 'page', value: request.page } });
  const { period, rows, total, refreshing } = await pageOf(executor, request, sort, pageSize, (page - 1) * pageSize);
  return { period, sort, page, pageSize, total, rows, refreshing };
}

/** Every row of a view, in its order, up to `MAX_EXPORT_ROWS` (for exports). */
export async function listAllSellers(executor: Executor, request: SellerListRequest = {}): Promise<{ period: SellerPeriod; sort: SellerSort; rows: SellerListRow[]; truncated: boolean }> {
  const sort = checkSort(request.sort);
  const { period, rows } = await pageOf(executor, request, sort, MAX_EXPORT_ROWS + 1, 0);
  return { period, sort, rows: rows.slice(0, MAX_EXPORT_ROWS), truncated: rows.length > MAX_EXPORT_ROWS };
}
