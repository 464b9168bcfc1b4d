/**
 * What the Seller 360 page shows besides the profile: the period's KPI tiles against the previous
 * period and against the subcategory's median seller, the daily GMV trend next to the median
 * seller's, the livestream calendar and latest sessions, and the category mix. Every figure comes
 * from the metric catalog (by seller, set-based inside DuckDB), so the page agrees with the grid,
 * the Overview and `aisle query`. The median seller is taken over the subcategory's sellers that
 * have data in the range (a day without sales counts 0 for them).
 */
import type { Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { addDays } from '../shared/dates.ts';
import { getSettings } from '../shared/settings.ts';
import { getMetric } from '../metrics/catalog/index.ts';
import { compileMetricQuery } from '../metrics/compile-query.ts';
import { queryMetrics } from '../metrics/query-metrics.ts';
import type { MetricFormat } from '../metrics/types.ts';
import { compareValues } from '../kpis/compare-periods.ts';
import { rangeDays, type DateRange } from '../kpis/periods.ts';
import { getSeller } from './registry.ts';
import { resolveSellerPeriod, type SellerPeriod, type SellerPeriodRequest } from './seller-period.ts';

// Buyers (distinct over order lines) would triple the page's cost at 100k sellers; live GMV is cheap and what the team steers.
export const SELLER_KPIS = ['gmv', 'orders', 'aov', 'live_gmv', 'live_sessions', 'live_gmv_share', 'engagement_rate', 'gpm'] as const;
const MIN_TREND_DAYS = 28;
const CALENDAR_DAYS = 182;
const SESSION_LIMIT = 50;

export interface SellerKpi {
  metric: string;
  label: string;
  description: string;
  format: MetricFormat;
  value: number | null;
  previous: number | null;
  change: number | null;
  changeRatio: number | null;
  /** The subcategory's median seller in the same period; null without a subcategory. */
  median: number | null;
}

export interface SellerPerformance {
  seller: string;
  currency: string;
  period: SellerPeriod;
  subcategory: { id: string; name: string; sellers: number } | null;
  kpis: SellerKpi[];
  trend: { range: DateRange; points: { date: string; gmv: number; median: number | null }[] };
  calendar: { range: DateRange; days: { date: string; sessions: number; liveGmv: number }[] };
  sessions: {
    id: string;
    title: string | null;
    host: string | null;
    started_at: string;
    start_date: string;
    duration_s: number | null;
    views: number | null;
    peak_viewers: number | null;
    orders: number | null;
    gmv: number | null;
  }[];
  mix: {
    /** Order-line amount by the lines' own subcategory in the period (what the seller actually sold). */
    sales: { subcategory: string | null; name: string | null; amount: number; share: number | null }[];
    /** Listed products by subcategory. */
    products: { subcategory: string | null; name: string | null; products: number }[];
  };
}

const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/** Each KPI's median over the subcategory's sellers with data in the range, in one statement. */
async function subcategoryMedians(executor: Executor, subcategory: string, range: DateRange): Promise<{ values: Record<string, number | null>; sellers: number }> {
  const bySeller = compileMetricQuery(executor.dialect, { metrics: [...SELLER_KPIS], by: ['seller'], where: [{ dimension: 'subcategory', values: [subcategory] }], ...range });
  const medians = SELLER_KPIS.map((m) => sql`median(${sql.ident(m)}) AS ${sql.ident(m)}`);
  const [row] = await executor.query<Record<string, unknown>>(sql`WITH m AS (${bySeller.query}) SELECT count(*) AS sellers, ${sql.join(medians)} FROM m`);
  return { values: Object.fromEntries(SELLER_KPIS.map((m) => [m, num(row?.[m])])), sellers: Number(row?.sellers ?? 0) };
}

/** The seller's daily GMV and the subcategory median seller's, every day of the range. */
async function gmvTrend(executor: Executor, seller: string, subcategory: string | null, range: DateRange) {
  const own = compileMetricQuery(executor.dialect, { metrics: ['gmv'], by: ['period'], grain: 'day', where: [{ dimension: 'seller', values: [seller] }], ...range });
  const peers = subcategory
    ? compileMetricQuery(executor.dialect, { metrics: ['gmv'], by: ['seller', 'period'], grain: 'day', where: [{ dimension: 'subcategory', values: [subcategory] }], ...range }).query
    : sql`SELECT NULL::VARCHAR AS seller, NULL::DATE AS period, NULL::DECIMAL(18, 2) AS gmv WHERE false`;
  return executor.query<{ date: string; gmv: number; median: number | null }>(sql`
    WITH own AS (${own.query}), peers AS (${peers}),
    days AS (SELECT CAST(d AS DATE) AS day FROM generate_series(CAST(${range.from} AS DATE), CAST(${range.to} AS DATE), INTERVAL 1 DAY) t(d)),
    peer_sellers AS (SELECT DISTINCT seller FROM peers),
    median_by_day AS (
      SELECT days.day, median(coalesce(p.gmv, 0)) AS median
      FROM days CROSS JOIN peer_sellers ps LEFT JOIN peers p ON p.seller = ps.seller AND p.period = days.day
      GROUP BY days.day
    )
    SELECT days.day AS date, coalesce(own.gmv, 0) AS gmv, round(m.median, 2) AS median
    FROM days LEFT JOIN own ON own.period = days.day LEFT JOIN median_by_day m ON m.day = days.day
    ORDER BY days.day`);
}

export async function sellerPerformance(executor: Executor, id: string, request: SellerPeriodRequest = {}): Promise<SellerPerformance> {
  const profile = await getSeller(executor, id);
  const [period, { currency }] = await Promise.all([resolveSellerPeriod(executor, request), getSettings(executor)]);
  const { current, previous } = period;
  const only = [{ dimension: 'seller', values: [id] }];
  const end = period.asOf && period.asOf > current.to ? period.asOf : current.to;
  const trendRange = { from: addDays(current.to, -(Math.max(MIN_TREND_DAYS, rangeDays(current)) - 1)), to: current.to };
  const calendarRange = { from: addDays(end, -(CALENDAR_DAYS - 1)), to: end };
  const sub = profile.subcategory;

  const [now, before, medians, trend, calendar, sessions, sales, products] = await Promise.all([
    queryMetrics(executor, { metrics: [...SELLER_KPIS], where: only, ...current }),
    queryMetrics(executor, { metrics: [...SELLER_KPIS], where: only, ...previous }),
    sub ? subcategoryMedians(executor, sub, current) : null,
    gmvTrend(executor, id, sub, trendRange),
    queryMetrics(executor, { metrics: ['live_sessions', 'live_gmv'], by: ['period'], grain: 'day', where: only, ...calendarRange }),
    executor.query<SellerPerformance['sessions'][number]>(sql`
      SELECT id, title, host, started_at, start_date, duration_s, views, peak_viewers, orders, gmv
      FROM livestreams WHERE seller_id = ${id} ORDER BY started_at DESC, id ${executor.dialect.limit(SESSION_LIMIT)}`),
    executor.query<{ subcategory: string | null; name: string | null; amount: number; share: number | null }>(sql`
      SELECT ol.subcategory_id AS subcategory, c.name, sum(ol.amount) AS amount,
        round(sum(ol.amount) / nullif(sum(sum(ol.amount)) OVER (), 0), 6) AS share
      FROM order_lines ol LEFT JOIN categories c ON c.id = ol.subcategory_id
      WHERE ol.seller_id = ${id} AND ol.order_date BETWEEN CAST(${current.from} AS DATE) AND CAST(${current.to} AS DATE)
      GROUP BY ALL ORDER BY amount DESC, subcategory NULLS LAST`),
    executor.query<{ subcategory: string | null; name: string | null; products: number }>(sql`
      SELECT p.subcategory_id AS subcategory, c.name, count(*) AS products
      FROM products p LEFT JOIN categories c ON c.id = p.subcategory_id
      WHERE p.seller_id = ${id} AND coalesce(p.status, 'active') <> 'deleted'
      GROUP BY ALL ORDER BY products DESC, subcategory NULLS LAST`),
  ]);

  const kpis = SELLER_KPIS.map((name): SellerKpi => {
    const metric = getMetric(name);
    const value = num(now.rows[0]?.[name]);
    const prev = num(before.rows[0]?.[name]);
    const compared = compareValues(value, prev, metric.format);
    return {
      metric: name,
      label: metric.label,
      description: metric.description,
      format: metric.format,
      value,
      previous: prev,
      change: compared.change,
      changeRatio: compared.changeRatio,
      median: medians?.values[name] ?? null,
    };
  });
  return {
    seller: id,
    currency,
    period,
    subcategory: sub ? { id: sub, name: profile.subcategory_name ?? sub, sellers: medians?.sellers ?? 0 } : null,
    kpis,
    trend: { range: trendRange, points: trend },
    calendar: {
      range: calendarRange,
      days: calendar.rows
        .filter((row) => Number(row.live_sessions) > 0)
        .map((row) => ({ date: String(row.period), sessions: Number(row.live_sessions), liveGmv: Number(row.live_gmv ?? 0) })),
    },
    sessions,
    mix: { sales, products },
  };
}
