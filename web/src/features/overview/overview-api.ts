// `GET /api/overview?days=N`: the headline KPIs of the last N days against the N days before, and
// the daily trend. The server computes every value, change and ratio; the page only formats them.
import { apiGet } from '../../ui/api';
import type { ValueFormat } from '../../ui/format';

export interface DateRange {
  from: string;
  to: string;
}

export interface OverviewKpi {
  metric: string;
  label: string;
  /** Plain-language definition of the metric. */
  description?: string;
  format: ValueFormat;
  value: number | null;
  previous: number | null;
  change: number | null;
  /** null when the previous value is 0 or missing. */
  changeRatio: number | null;
}

export interface TrendPoint {
  date: string;
  gmv: number | null;
  orders: number | null;
}

export interface Overview {
  /** The last day with data; null when the database holds no data yet. */
  asOf: string | null;
  currency: string;
  timezone: string;
  days: number;
  current: DateRange | null;
  previous: DateRange | null;
  kpis: OverviewKpi[];
  trend: TrendPoint[];
}

export const OVERVIEW_PERIODS = [7, 14, 28] as const;
export type OverviewPeriod = (typeof OVERVIEW_PERIODS)[number];

export function fetchOverview(days: OverviewPeriod, signal?: AbortSignal): Promise<Overview> {
  return apiGet<Overview>(`/api/overview?days=${days}`, signal);
}
