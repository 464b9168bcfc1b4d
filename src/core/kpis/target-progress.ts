/**
 * Progress of a period's targets: the actual to date (from the metric catalog, filtered to the
 * target's scope), and where the period is heading. Additive metrics (GMV, orders…) project at
 * the run rate — actual ÷ elapsed days × days in the period; other metrics (AOV, rates, distinct
 * counts) cannot be extrapolated that way, so their projection is the current value.
 *
 * Status compares the projection with the target: `behind` below 95 % of it, `ahead` from 105 %,
 * `on_track` in between. "Elapsed" ends on the as-of day — the latest day in the period with any
 * sales or livestream data — because exports arrive late and today would understate the run rate.
 */
import type { Executor } from '../db/database.ts';
import type { PlainRow } from '../db/convert-row.ts';
import { daysBetween } from '../shared/dates.ts';
import { UserError } from '../shared/errors.ts';
import { getSettings } from '../shared/settings.ts';
import { queryMetrics } from '../metrics/query-metrics.ts';
import { parsePeriod } from './target-periods.ts';
import { isAdditiveMetric, parseScope, type ScopeKind } from './target-scopes.ts';
import { listTargets, type KpiTarget } from './target-store.ts';
import { latestDataDayQuery } from './targets.sql.ts';

export type TargetStatus = 'ahead' | 'on_track' | 'behind';

/** Below this share of the target the projection is `behind`; from `AHEAD_FROM` it is `ahead`. */
export const BEHIND_BELOW = 0.95;
export const AHEAD_FROM = 1.05;

export interface TargetProgressItem extends KpiTarget {
  target: number;
  /** Value so far (period start → as-of day); null when there is no data yet or it is undefined (÷ 0). */
  actual: number | null;
  /** actual ÷ target; null when either is missing or the target is 0. */
  progress: number | null;
  projection: number | null;
  projectionBasis: 'run_rate' | 'current';
  status: TargetStatus | null;
}

export interface TargetProgressReport {
  period: string;
  from: string;
  to: string;
  asOf: string | null;
  elapsedDays: number;
  totalDays: number;
  currency: string;
  items: TargetProgressItem[];
}

export function targetStatus(projection: number | null, target: number): TargetStatus | null {
  if (projection === null) return null;
  if (target === 0) return projection > 0 ? 'ahead' : 'on_track';
  const share = projection / target;
  if (share < BEHIND_BELOW) return 'behind';
  return share >= AHEAD_FROM ? 'ahead' : 'on_track';
}

const tidy = (value: number): number => Math.round(value * 1e6) / 1e6;

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Actuals of every target, with one metric query per scope kind (not one per target). */
async function actualsByTarget(executor: Executor, targets: KpiTarget[], from: string, to: string): Promise<Map<KpiTarget, number | null>> {
  const byKind = new Map<ScopeKind, KpiTarget[]>();
  for (const target of targets) {
    const scope = parseScope(target.scope);
    if (!scope) continue;
    byKind.set(scope.kind, [...(byKind.get(scope.kind) ?? []), target]);
  }
  const actuals = new Map<KpiTarget, number | null>();
  for (const [kind, group] of byKind) {
    const metrics = [...new Set(group.map((t) => t.metric))];
    const ids = [...new Set(group.map((t) => t.scope.slice(kind.length + 1)))];
    const result = await queryMetrics(executor, {
      metrics,
      from,
      to,
      ...(kind === 'category' ? {} : { by: [kind], where: [{ dimension: kind, values: ids }] }),
    });
    const rowOf = (target: KpiTarget): PlainRow | undefined =>
      kind === 'category' ? result.rows[0] : result.rows.find((r) => r[kind] === target.scope.slice(kind.length + 1));
    for (const target of group) {
      const row = rowOf(target);
      // A scope with no rows sold nothing: 0 for sums and counts, undefined for ratios.
      actuals.set(target, row ? numberOrNull(row[target.metric]) : isAdditiveMetric(target.metric) ? 0 : null);
    }
  }
  return actuals;
}

export async function targetProgress(
  executor: Executor,
  request: { period: string; scope?: string; metrics?: string[] },
): Promise<TargetProgressReport> {
  const range = parsePeriod(request.period.trim().toUpperCase());
  if (!range) throw new UserError(`period "${request.period}" is not a month YYYY-MM or an ISO week YYYY-Www`, { hint: 'e.g. 2026-11 or 2026-W47' });
  if (request.scope && !parseScope(request.scope)) {
    throw new UserError(`scope "${request.scope}" is not a scope`, { hint: 'write category, subcategory:<id>, seller_tier:<tier> or seller:<id>' });
  }
  const wanted = request.metrics && request.metrics.length > 0 ? new Set(request.metrics) : null;
  const targets = (await listTargets(executor, { period: range.period, ...(request.scope ? { scope: request.scope } : {}) })).filter(
    (t) => !wanted || wanted.has(t.metric),
  );
  const [{ currency }, [latest]] = await Promise.all([getSettings(executor), executor.query<{ as_of: string | null }>(latestDataDayQuery(range.from, range.to))]);
  const asOf = latest?.as_of ?? null;
  const elapsedDays = asOf ? daysBetween(range.from, asOf) + 1 : 0;
  const actuals = asOf && targets.length > 0 ? await actualsByTarget(executor, targets, range.from, asOf) : new Map<KpiTarget, number | null>();
  const items = targets.map((t): TargetProgressItem => {
    const actual = actuals.get(t) ?? null;
    const additive = isAdditiveMetric(t.metric);
    const projection = actual === null ? null : tidy(additive ? (actual / elapsedDays) * range.days : actual);
    return {
      ...t,
      target: t.value,
      actual,
      progress: actual === null || t.value === 0 ? null : tidy(actual / t.value),
      projection,
      projectionBasis: additive ? 'run_rate' : 'current',
      status: targetStatus(projection, t.value),
    };
  });
  return { period: range.period, from: range.from, to: range.to, asOf, elapsedDays, totalDays: range.days, currency, items };
}
