/**
 * The period a seller list or seller page shows, and the one it is compared with. Presets end on
 * the latest day with data, like the Overview; `from` + `to` without a preset is a custom range,
 * which is how the Overview's links (`/sellers?from=…&to=…`) arrive.
 */
import type { Executor } from '../db/database.ts';
import { latestDataDay } from '../kpis/overview.ts';
import { comparisonRange, resolvePeriod, type DateRange, type PeriodPreset } from '../kpis/periods.ts';

export const SELLER_COMPARISONS = ['previous', 'last_year'] as const;
export type SellerComparison = (typeof SELLER_COMPARISONS)[number];

export interface SellerPeriodRequest {
  period?: PeriodPreset;
  from?: string;
  to?: string;
  compare?: SellerComparison;
}

export interface SellerPeriod {
  period: PeriodPreset;
  compare: SellerComparison;
  /** The latest day with data, or null for an empty workspace. */
  asOf: string | null;
  current: DateRange;
  previous: DateRange;
}

export const DEFAULT_SELLER_PERIOD: PeriodPreset = 'last_28_days';

export async function resolveSellerPeriod(executor: Executor, request: SellerPeriodRequest): Promise<SellerPeriod> {
  const period = request.period ?? (request.from && request.to ? 'custom' : DEFAULT_SELLER_PERIOD);
  const compare = request.compare ?? 'previous';
  const asOf = await latestDataDay(executor);
  // An empty workspace still answers (with nothing in it) for the day it is asked.
  const current = resolvePeriod(period, asOf ?? new Date().toISOString().slice(0, 10), { from: request.from, to: request.to });
  return { period, compare, asOf, current, previous: comparisonRange(current, compare, null) };
}
