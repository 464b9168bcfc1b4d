/**
 * Judges the threshold rules: "live GMV share of Home Decor below 20%". A day rule judges every
 * day of the scan (campaign days included — a rule is the user's explicit limit); a week rule the
 * last complete ISO week and a month rule the last complete month, because a sum over a period that
 * is not over yet is always "below". Values come from `queryMetrics`, the catalog's one definition.
 * The explanation compares with the period before (the same weekday a week earlier for a day).
 */
import type { Executor } from '../../db/database.ts';
import { getMetric } from '../../metrics/catalog/index.ts';
import { queryMetrics } from '../../metrics/query-metrics.ts';
import { addDays } from '../../shared/dates.ts';
import { isoWeekOf, monthOf, parsePeriod } from '../target-periods.ts';
import { parseScope, scopeFilter } from './alert-scope.ts';
import type { AlertGrain, Finding } from './alert-types.ts';
import { describeThreshold, type AlertRule, type Comparator } from './alert-rules.ts';
import { changePhrase, formatMetricValue } from './explain-alert.ts';
import { explainFinding, scopeLabel } from './explain-finding.ts';

export interface JudgedPeriod {
  period: string;
  from: string;
  to: string;
}

export interface ThresholdResult {
  findings: Finding[];
  /** Every (rule, period) judged, so alerts that no longer hold can be cleared. */
  judged: { rule: string; period: string }[];
}

export function crosses(value: number, comparator: Comparator, threshold: number): boolean {
  switch (comparator) {
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    default: {
      const unknown: never = comparator;
      throw new Error(`unknown comparator ${String(unknown)}`);
    }
  }
}

/** The periods a rule of this grain judges in a scan that judged `days` up to `asOf`. */
export function periodsToJudge(grain: AlertGrain, asOf: string, days: readonly string[]): JudgedPeriod[] {
  if (grain === 'day') return days.map((day) => ({ period: day, from: day, to: day }));
  const current = parsePeriod(grain === 'week' ? isoWeekOf(asOf) : monthOf(asOf));
  if (!current) return [];
  const complete = current.to === asOf ? current : parsePeriod(grain === 'week' ? isoWeekOf(addDays(current.from, -1)) : monthOf(addDays(current.from, -1)));
  return complete ? [{ period: complete.period, from: complete.from, to: complete.to }] : [];
}

function previousOf(grain: AlertGrain, period: JudgedPeriod): JudgedPeriod | null {
  if (grain === 'day') {
    const day = addDays(period.from, -7);
    return { period: day, from: day, to: day };
  }
  const before = parsePeriod(grain === 'week' ? isoWeekOf(addDays(period.from, -1)) : monthOf(addDays(period.from, -1)));
  return before ? { period: before.period, from: before.from, to: before.to } : null;
}

function daysOf(period: JudgedPeriod): string[] {
  const days: string[] = [];
  for (let day = period.from; day <= period.to; day = addDays(day, 1)) days.push(day);
  return days;
}

const WEEKDAY = new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone: 'UTC' });

async function valuesByPeriod(executor: Executor, rule: AlertRule, from: string, to: string): Promise<Map<string, number | null>> {
  const result = await queryMetrics(executor, { metrics: [rule.metric], by: ['period'], grain: rule.grain, from, to, where: scopeFilter(parseScope(rule.scope)) });
  const values = new Map<string, number | null>();
  for (const row of result.rows) values.set(String(row.period), typeof row[rule.metric] === 'number' ? (row[rule.metric] as number) : null);
  return values;
}

export async function thresholdFindings(
  executor: Executor,
  rules: readonly AlertRule[],
  context: { asOf: string; days: readonly string[]; currency: string },
): Promise<ThresholdResult> {
  const findings: Finding[] = [];
  const judged: ThresholdResult['judged'] = [];
  for (const rule of rules) {
    if (rule.kind !== 'threshold' || !rule.enabled || rule.comparator === null || rule.threshold === null) continue;
    const periods = periodsToJudge(rule.grain, context.asOf, context.days);
    if (periods.length === 0) continue;
    const definition = getMetric(rule.metric);
    // No row for a period means nothing happened: 0 for a sum or count, unknown for a rate.
    const missing = definition.type === 'sum' || definition.type === 'count' ? 0 : null;
    const previous = periods.map((p) => previousOf(rule.grain, p));
    const from = [periods[0]?.from, previous[0]?.from].filter((d): d is string => Boolean(d)).sort()[0] ?? context.asOf;
    const values = await valuesByPeriod(executor, rule, from, context.asOf);
    const label = await scopeLabel(executor, rule.scope);
    for (const [i, period] of periods.entries()) {
      const key = `threshold:${rule.id}`;
      judged.push({ rule: key, period: period.period });
      const value = values.has(period.from) ? (values.get(period.from) ?? null) : missing;
      if (value === null || !crosses(value, rule.comparator, rule.threshold)) continue;
      const before = previous[i];
      const beforeValue = before ? (values.has(before.from) ? (values.get(before.from) ?? null) : missing) : null;
      const comparedWith = rule.grain === 'day' ? `the ${WEEKDAY.format(new Date(`${period.from}T00:00:00Z`))} before` : `the ${rule.grain} before`;
      const scopePrefix = rule.scope === 'category' ? '' : `${label}: `;
      const crossed = `${scopePrefix}${definition.label} ${formatMetricValue(value, definition.format, context.currency)} in ${period.period}, ${describeThreshold(rule, context.currency)}`;
      const headline = beforeValue === null ? crossed : `${crossed}; ${changePhrase(value, beforeValue, definition.format)} vs ${comparedWith}`;
      const explanation =
        before && beforeValue !== null
          ? await explainFinding(executor, {
              metric: rule.metric,
              scope: parseScope(rule.scope),
              scopeLabel: rule.scope === 'category' ? null : label,
              observed: value,
              expected: beforeValue,
              observedDays: daysOf(period),
              baselineDays: daysOf(before),
              periodDays: daysOf(period).length,
              comparedWith,
              basis: `the threshold of the rule; drivers are measured against ${comparedWith} (${before.period})`,
              headline,
              campaignDaysLeftOut: [],
              currency: context.currency,
            })
          : null;
      findings.push({
        rule: key,
        metric: rule.metric,
        scope: rule.scope,
        grain: rule.grain,
        period: period.period,
        periodFrom: period.from,
        periodTo: period.to,
        observed: value,
        expected: rule.threshold,
        z: null,
        direction: rule.comparator.startsWith('<') ? 'down' : 'up',
        severity: rule.severity,
        explanation,
      });
    }
  }
  return { findings, judged };
}
