/**
 * Works out the explanation of one finding: drivers by subcategory and seller (sums, counts and
 * rates of them can be split exactly; a distinct count cannot and says so), a rate's numerator and
 * denominator movement, and for a single seller its other sales numbers.
 */
import type { Executor } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { getMetric } from '../../metrics/catalog/index.ts';
import { isUserError } from '../../shared/errors.ts';
import type { CampaignDay } from './campaign-calendar.ts';
import { scopeLabelSql, type Scope } from './alert-scope.ts';
import type { AlertExplanation, Movement } from './alert-types.ts';
import { driverRows, metricTotals } from './drivers.sql.ts';
import { buildExplanation } from './explain-alert.ts';
import { monitoredMetric, type MonitoredMetric } from './monitored-metrics.ts';

export interface ExplainRequest {
  metric: string;
  scope: Scope;
  scopeLabel: string | null;
  observed: number;
  expected: number;
  observedDays: readonly string[];
  baselineDays: readonly string[];
  /** Days in the judged period (1 for a day, 7 for a week, the month's days): movements are per period. */
  periodDays: number;
  comparedWith: string;
  basis: string;
  headline?: string;
  campaignDaysLeftOut: CampaignDay[];
  currency: string;
}

/** A seller's own sales numbers shown next to its alert. */
const SELLER_CONTEXT = ['gmv', 'orders', 'live_gmv'];

function decomposable(metric: string): MonitoredMetric | null {
  try {
    return monitoredMetric(metric);
  } catch (error) {
    if (isUserError(error)) return null;
    throw error;
  }
}

function movement(metric: string, totals: { observed: number; baseline: number }, request: ExplainRequest): Movement {
  const definition = getMetric(metric);
  const observed = (totals.observed * request.periodDays) / Math.max(request.observedDays.length, 1);
  const baseline = (totals.baseline * request.periodDays) / Math.max(request.baselineDays.length, 1);
  return {
    metric,
    label: definition.label,
    format: definition.format,
    observed: Math.round(observed * 100) / 100,
    baseline: Math.round(baseline * 100) / 100,
    changeRatio: baseline === 0 ? null : Math.round(((observed - baseline) / baseline) * 10_000) / 10_000,
  };
}

export async function scopeLabel(executor: Executor, scope: string): Promise<string> {
  const [row] = await executor.query<{ label: string }>(sql`SELECT ${scopeLabelSql('scope_text')} AS label FROM (SELECT ${scope} AS scope_text) t`);
  return row?.label ?? scope;
}

export async function explainFinding(executor: Executor, request: ExplainRequest): Promise<AlertExplanation> {
  const definition = getMetric(request.metric);
  const watched = decomposable(request.metric);
  const single = request.scope.kind === 'seller';
  const drivers =
    watched && !single
      ? await driverRows(executor, {
          numerator: watched.numerator,
          scope: request.scope,
          observedDays: request.observedDays,
          baselineDays: request.baselineDays,
          observed: request.observed,
          expected: request.expected,
        })
      : [];
  const related = watched?.denominator ? [watched.numerator, watched.denominator] : single ? SELLER_CONTEXT.filter((m) => m !== request.metric) : [];
  const totals = await metricTotals(executor, related, request.scope, request.observedDays, request.baselineDays);
  // A metric with nothing on either side (a seller that never streams) says nothing; leave it out.
  const movements = related.flatMap((metric) => {
    const found = totals.get(metric);
    return found && (found.observed !== 0 || found.baseline !== 0) ? [movement(metric, found, request)] : [];
  });
  return buildExplanation({
    label: definition.label,
    format: definition.format,
    currency: request.currency,
    scopeLabel: request.scopeLabel,
    splitBySubcategory: request.scope.kind === 'category' || request.scope.kind === 'seller_tier',
    observed: request.observed,
    expected: request.expected,
    ...(request.headline ? { headline: request.headline } : {}),
    comparedWith: request.comparedWith,
    basis: request.basis,
    observedDays: request.observedDays,
    baselineDays: request.baselineDays,
    campaignDaysLeftOut: request.campaignDaysLeftOut,
    drivers,
    movements,
    ...(watched ? {} : { note: `${definition.label} is a distinct count, which does not split into parts that add up; no drivers are shown.` }),
  });
}
