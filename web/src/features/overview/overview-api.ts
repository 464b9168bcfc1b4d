// `GET /api/overview?period=&from=&to=&compare=`: KPI tiles, the GMV trend with its live share,
// the subcategory breakdown and the top movers for a period against a comparison. The server
// computes every value, change, ratio and target progress; the page only formats and links them.
import { apiGet } from '../../ui/api';
import type { ValueFormat } from '../../ui/format';
import { overviewApiPath, type Comparison, type OverviewView, type PeriodPreset } from './overview-view';

export interface DateRange {
  from: string;
  to: string;
}

/** Whether a rise of the metric is good news; decides the colour of a change. */
export type MetricDirection = 'higher_is_better' | 'lower_is_better' | 'neutral';

export interface OverviewKpi {
  metric: string;
  label: string;
  /** Plain-language definition of the metric. */
  description: string;
  format: ValueFormat;
  direction: MetricDirection;
  value: number | null;
  /** The comparison's value: previous period, same period last year or the target. */
  comparison: number | null;
  change: number | null;
  /** null when the comparison is 0 or missing. */
  changeRatio: number | null;
  /** The value includes approximate parts (e.g. buyers from daily exports). */
  approximate: boolean;
  /** The period's target (pro-rated for additive metrics); null without one. */
  target: number | null;
  /** value / target; null without a target. */
  targetProgress: number | null;
  /** ahead / on_track / behind, by the rule of Settings → Targets (computed by the server). */
  targetStatus: 'ahead' | 'on_track' | 'behind' | null;
  /** One value per day of the current period, null where a day has no data. */
  sparkline: (number | null)[];
}

export interface TrendPoint {
  date: string;
  gmv: number | null;
  liveGmv: number | null;
  liveGmvShare: number | null;
  /** GMV of the comparison period's matching day; null for targets and days without data. */
  comparisonGmv: number | null;
}

/** The breakdown's columns, keyed by metric name. */
export const BREAKDOWN_METRICS = [
  'gmv',
  'orders',
  'aov',
  'live_gmv',
  'live_gmv_share',
  'live_sessions',
  'seller_adoption_rate',
  'active_sellers',
] as const;
export type BreakdownMetric = (typeof BREAKDOWN_METRICS)[number];

export interface BreakdownRow {
  /** The subcategory's id; null for sales without a subcategory. */
  subcategory: string | null;
  name: string;
  values: Partial<Record<string, number | null>>;
  comparison: Partial<Record<string, number | null>>;
  changeRatio: Partial<Record<string, number | null>>;
}

export interface Mover {
  seller: string;
  name: string;
  subcategory: string | null;
  value: number;
  previous: number;
  change: number;
  changeRatio: number | null;
}

export interface Overview {
  /** The figures before the latest data change, while the new ones are computed (the page asks again). */
  refreshing: boolean;
  /** The latest day with data; null when the workspace has no data yet. */
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

export function fetchOverview(view: OverviewView, signal?: AbortSignal): Promise<Overview> {
  return apiGet<Overview>(overviewApiPath(view), signal);
}
