/**
 * The Overview dashboard's model: KPI tiles (value, comparison, change, daily sparkline, target),
 * the GMV trend with its live share and the comparison period's GMV, a breakdown by subcategory,
 * and the sellers that moved most. The period is a preset ending on the latest day with data
 * (exports arrive a day or two late, so a fresh import never shows a fake collapse); every figure
 * comes from the metric catalog through `queryMetrics`, so the page, `aisle query` and the reports
 * agree by construction.
 */
import { oncePerWrite } from './data-version.ts';
import type { Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { addDays, daysBetween } from '../shared/dates.ts';
import { getSettings } from '../shared/settings.ts';
import type { XlsxColumn, XlsxTable } from '../shared/xlsx-table.ts';
import { getMetric } from '../metrics/catalog/index.ts';
import { queryMetrics } from '../metrics/query-metrics.ts';
import type { MetricDirection, MetricFormat } from '../metrics/types.ts';
import { compareValues } from './compare-periods.ts';
import { comparisonRange, presetComparisonRange, rangeDays, resolvePeriod, type Comparison, type DateRange, type PeriodPreset } from './periods.ts';
import { targetStatus, type TargetStatus } from './target-progress.ts';
import { queryMetricsWithComparisons } from './query-with-comparisons.ts';
import { targetKey, targetsForRange } from './targets.ts';
import { topMovers, type Mover } from './top-movers.ts';

export const OVERVIEW_KPIS = [
  'gmv',
  'orders',
  'buyers',
  'aov',
  'live_gmv_share',
  'seller_adoption_rate',
  'live_sessions',
  'engagement_rate',
  'gpm',
] as const;

/** Columns of the subcategory breakdown. */
export const BREAKDOWN_METRICS = ['gmv', 'orders', 'aov', 'live_gmv', 'live_gmv_share', 'live_sessions', 'seller_adoption_rate', 'active_sellers'] as const;

/** The trend shows at least this many days so a one-day period still has context. */
const MIN_TREND_DAYS = 28;
const MOVERS = 5;

export interface OverviewRequest {
  period?: PeriodPreset;
  from?: string;
  to?: string;
  compare?: Comparison;
}

export interface OverviewKpi {
  metric: string;
  label: string;
  description: string;
  format: MetricFormat;
  direction: MetricDirection;
  value: number | null;
  /** The comparison's value: previous period, last year or the target. */
  comparison: number | null;
  change: number | null;
  changeRatio: number | null;
  /** True when the value includes approximate parts (buyers from daily exports). */
  approximate: boolean;
  /** The period's target (pro-rated for additive metrics) and value / target; null without a target. */
  target: number | null;
  targetProgress: number | null;
  /** ahead / on_track / behind against the target (the rule of target progress: behind under 95%, ahead from 105%). */
  targetStatus: TargetStatus | null;
  /** One value per day of the period (null where the day has no data). */
  sparkline: (number | null)[];
}

export interface TrendPoint {
  date: string;
  gmv: number | null;
  liveGmv: number | null;
  liveGmvShare: number | null;
  /** GMV of the comparison period's matching day (same offset from its start). */
  comparisonGmv: number | null;
}

export interface BreakdownRow {
  subcategory: string | null;
  name: string;
  values: Record<string, number | null>;
  comparison: Record<string, number | null>;
  changeRatio: Record<string, number | null>;
}

export interface Overview {
  asOf: string | null;
  currency: string;
  timezone: string;
  period: PeriodPreset;
  compare: Comparison;
  current: DateRange | null;
  /** The range the comparison read (the current range itself for targets). */
  comparisonRange: DateRange | null;
  kpis: OverviewKpi[];
  trend: TrendPoint[];
  breakdown: BreakdownRow[];
  movers: { up: Mover[]; down: Mover[] };
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}

function everyDay(range: DateRange): string[] {
  const days: string[] = [];
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * The latest day with any facts: the Overview's "today". Most pages ask for it on every request,
 * and it scans two fact tables, so on a `Database` it is read once per write generation
 * (data-version.ts `oncePerWrite`).
 */
export async function latestDataDay(executor: Executor): Promise<string | null> {
  const day = await oncePerWrite(executor, 'latest-data-day', async (reader) => {
    const [row] = await reader.query<{ as_of: string | null }>(sql`
      SELECT greatest((SELECT max(date) FROM seller_days), (SELECT max(start_date) FROM livestreams)) AS as_of`);
    return row?.as_of ?? '';
  });
  return day === '' ? null : day;
}

export async function getOverview(executor: Executor, request: OverviewRequest = {}): Promise<Overview> {
  const settings = await getSettings(executor);
  const period = request.period ?? 'last_7_days';
  const compare = request.compare ?? 'previous';
  const asOf = await latestDataDay(executor);
  const empty = { currency: settings.currency, timezone: settings.timezone, period, compare, kpis: [], trend: [], breakdown: [], movers: { up: [], down: [] } };
  if (!asOf && period !== 'custom') return { ...empty, asOf: null, current: null, comparisonRange: null };

  const current = resolvePeriod(period, asOf ?? '1970-01-01', { from: request.from, to: request.to });
  const other = compare === 'target' ? current : presetComparisonRange(period, current, compare);
  const metrics = [...OVERVIEW_KPIS];
  const trendRange = { from: addDays(current.to, -(Math.max(MIN_TREND_DAYS, rangeDays(current)) - 1)), to: current.to };
  const otherTrendRange = compare === 'target' ? null : comparisonRange(trendRange, compare, null);

  const [now, before, daily, targets, trend, otherTrend, breakdown, names, movers] = await Promise.all([
    queryMetrics(executor, { metrics, ...current }),
    compare === 'target' ? null : queryMetrics(executor, { metrics, ...other }),
    queryMetrics(executor, { metrics, by: ['period'], grain: 'day', ...current }),
    targetsForRange(executor, { metrics, scopes: ['category'], ...current }),
    queryMetrics(executor, { metrics: ['gmv', 'live_gmv', 'live_gmv_share'], by: ['period'], grain: 'day', ...trendRange }),
    otherTrendRange ? queryMetrics(executor, { metrics: ['gmv'], by: ['period'], grain: 'day', ...otherTrendRange }) : null,
    queryMetricsWithComparisons(executor, { metrics: [...BREAKDOWN_METRICS], by: ['subcategory'], ...current, compare: [compare] }),
    executor.query<{ id: string; name: string }>(sql`SELECT id, name FROM categories`),
    compare === 'target' ? { up: [], down: [] } : topMovers(executor, { metric: 'gmv', current, previous: other, limit: MOVERS }),
  ]);

  const dailyByDate = new Map(daily.rows.map((row) => [row.period as string, row]));
  const days = everyDay(current);
  const kpis: OverviewKpi[] = metrics.map((name) => {
    const metric = getMetric(name);
    const value = numberOrNull(now.rows[0]?.[name]);
    const target = targets.get(targetKey(name, 'category')) ?? null;
    const comparisonValue = compare === 'target' ? target : numberOrNull(before?.rows[0]?.[name]);
    const compared = compareValues(value, comparisonValue, metric.format);
    return {
      metric: name,
      label: metric.label,
      description: metric.description,
      format: metric.format,
      direction: metric.direction ?? 'higher_is_better',
      value,
      comparison: comparisonValue,
      change: compared.change,
      changeRatio: compared.changeRatio,
      approximate: now.approximate?.includes(name) ?? false,
      target,
      targetProgress: value !== null && target ? Math.round((value / target) * 1e4) / 1e4 : null,
      targetStatus: target === null ? null : targetStatus(value, target),
      sparkline: days.map((day) => numberOrNull(dailyByDate.get(day)?.[name])),
    };
  });

  const trendByDate = new Map(trend.rows.map((row) => [row.period as string, row]));
  const otherByDate = new Map((otherTrend?.rows ?? []).map((row) => [row.period as string, row]));
  const trendPoints = everyDay(trendRange).map((date) => {
    const row = trendByDate.get(date);
    const offset = daysBetween(trendRange.from, date);
    const otherDate = otherTrendRange ? addDays(otherTrendRange.from, offset) : null;
    return {
      date,
      gmv: numberOrNull(row?.gmv),
      liveGmv: numberOrNull(row?.live_gmv),
      liveGmvShare: numberOrNull(row?.live_gmv_share),
      comparisonGmv: otherDate ? numberOrNull(otherByDate.get(otherDate)?.gmv) : null,
    };
  });

  const nameOf = new Map(names.map((row) => [row.id, row.name]));
  const breakdownRows: BreakdownRow[] = breakdown.rows
    .map((row) => {
      const id = typeof row.subcategory === 'string' ? row.subcategory : null;
      const pick = (suffix: string) =>
        Object.fromEntries(BREAKDOWN_METRICS.map((m) => [m, numberOrNull(row[`${m}${suffix}`])]));
      return {
        subcategory: id,
        name: id ? (nameOf.get(id) ?? id) : 'No subcategory',
        values: pick(''),
        comparison: pick(`_${compare}`),
        changeRatio: pick(`_${compare}_change_ratio`),
      };
    })
    .sort((a, b) => (b.values.gmv ?? 0) - (a.values.gmv ?? 0));

  return {
    ...empty,
    asOf,
    current,
    comparisonRange: other,
    kpis,
    trend: trendPoints,
    breakdown: breakdownRows,
    movers,
  };
}

const COMPARISON_LABEL: Record<Comparison, string> = { previous: 'previous period', last_year: 'same period last year', target: 'target' };

/** The subcategory breakdown as a styled table (value, comparison and change of every column). */
export function breakdownTable(overview: Overview): XlsxTable {
  const vs = COMPARISON_LABEL[overview.compare];
  const columns: XlsxColumn[] = [{ key: 'name', header: 'Subcategory', format: 'text', width: 28 }];
  for (const name of BREAKDOWN_METRICS) {
    const metric = getMetric(name);
    const format = metric.format === 'money' ? 'money' : metric.format === 'rate' ? 'rate' : metric.format === 'count' ? 'count' : 'number';
    columns.push({ key: name, header: metric.label, format, width: 16 });
    columns.push({ key: `${name}__change`, header: `${metric.label} vs ${vs}`, format: 'change', width: 16 });
  }
  const range = overview.current ? `${overview.current.from} to ${overview.current.to}` : 'no data';
  const other = overview.comparisonRange && overview.compare !== 'target' ? ` (${overview.comparisonRange.from} to ${overview.comparisonRange.to})` : '';
  return {
    sheetName: 'Subcategories',
    title: 'GMV and livestreams by subcategory',
    note: `${range}, compared with the ${vs}${other}. Amounts in ${overview.currency}.`,
    currency: overview.currency,
    columns,
    rows: overview.breakdown.map((row) => ({
      name: row.name,
      ...row.values,
      ...Object.fromEntries(BREAKDOWN_METRICS.map((m) => [`${m}__change`, row.changeRatio[m] ?? null])),
    })),
  };
}
