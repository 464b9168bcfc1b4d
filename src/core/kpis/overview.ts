/**
 * The Overview's numbers: headline KPIs for the last N days against the N days before, and a daily
 * trend. "Last N days" ends on the latest day that has data (exports arrive a day or two late),
 * not on today, so a fresh import never shows a fake collapse. Every figure comes from the metric
 * catalog through `queryMetrics`.
 */
import type { Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { addDays } from '../shared/dates.ts';
import { UserError } from '../shared/errors.ts';
import { getSettings } from '../shared/settings.ts';
import { getMetric } from '../metrics/catalog/index.ts';
import { queryMetrics } from '../metrics/query-metrics.ts';
import type { MetricFormat } from '../metrics/types.ts';
import { compareValues, type Comparison } from './compare-periods.ts';

export const OVERVIEW_KPIS = ['gmv', 'orders', 'aov', 'active_sellers', 'live_gmv_share', 'live_sessions'] as const;
const TREND_DAYS = 28;

export interface OverviewKpi extends Comparison {
  metric: string;
  label: string;
  description: string;
  format: MetricFormat;
}

export interface Overview {
  asOf: string | null;
  currency: string;
  timezone: string;
  days: number;
  current: { from: string; to: string } | null;
  previous: { from: string; to: string } | null;
  kpis: OverviewKpi[];
  /** Every day of the trend window; null where no data exists for the day (not zero). */
  trend: { date: string; gmv: number | null; orders: number | null }[];
}

function everyDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}

export async function getOverview(executor: Executor, options: { days?: number } = {}): Promise<Overview> {
  const days = options.days ?? 7;
  if (!Number.isInteger(days) || days < 1 || days > 366) {
    throw new UserError(`days must be a whole number from 1 to 366, got ${days}`);
  }
  const settings = await getSettings(executor);
  const [latest] = await executor.query<{ as_of: string | null }>(sql`SELECT max(date) AS as_of FROM seller_days`);
  const asOf = latest?.as_of ?? null;
  const base = { currency: settings.currency, timezone: settings.timezone, days };
  if (!asOf) return { ...base, asOf: null, current: null, previous: null, kpis: [], trend: [] };

  const current = { from: addDays(asOf, -(days - 1)), to: asOf };
  const previous = { from: addDays(current.from, -days), to: addDays(current.from, -1) };
  const metrics = [...OVERVIEW_KPIS];
  const [now, before, trend] = await Promise.all([
    queryMetrics(executor, { metrics, ...current }),
    queryMetrics(executor, { metrics, ...previous }),
    queryMetrics(executor, { metrics: ['gmv', 'orders'], by: ['period'], grain: 'day', from: addDays(asOf, -(TREND_DAYS - 1)), to: asOf }),
  ]);
  const kpis = metrics.map((name) => {
    const metric = getMetric(name);
    const comparison = compareValues(numberOrNull(now.rows[0]?.[name]), numberOrNull(before.rows[0]?.[name]), metric.format);
    return { metric: name, label: metric.label, description: metric.description, format: metric.format, ...comparison };
  });
  return {
    ...base,
    asOf,
    current,
    previous,
    kpis,
    trend: everyDay(addDays(asOf, -(TREND_DAYS - 1)), asOf).map((date) => {
      const row = trend.rows.find((r) => r.period === date);
      return { date, gmv: numberOrNull(row?.gmv), orders: numberOrNull(row?.orders) };
    }),
  };
}
