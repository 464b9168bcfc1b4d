/**
 * From the detector's statistics to findings: judge each row (robust-score.ts), fold the unusual
 * days of one metric, scope and direction into runs (one alert for "down all week", not seven), and
 * explain the latest day of each run and each unusual week.
 */
import type { Executor } from '../../db/database.ts';
import { addDays } from '../../shared/dates.ts';
import { isoWeekOf } from '../target-periods.ts';
import { parseScope } from './alert-scope.ts';
import { severityRank, type Finding } from './alert-types.ts';
import type { StatsRow } from './anomaly-stats.sql.ts';
import { explainFinding, scopeLabel } from './explain-finding.ts';
import { judgeRulesFor, type MonitoredMetric, type WatchedScope } from './monitored-metrics.ts';
import { MAX_GAP_DAYS } from './record-findings.sql.ts';
import { judgeAnomaly } from './robust-score.ts';
import { BASELINE_WEEKS, SKIPPED_WEEKS, type ScanPlan } from './scan-plan.ts';

const WEEKDAY = new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone: 'UTC' });

/** A judged row before it becomes a finding. */
export interface Judged {
  row: StatsRow;
  z: number;
  direction: 'up' | 'down';
  severity: Finding['severity'];
}

export function judgeRows(rows: readonly StatsRow[], metrics: readonly MonitoredMetric[], kind: WatchedScope): Judged[] {
  const byName = new Map(metrics.map((m) => [m.name, m]));
  return rows.flatMap((row) => {
    const metric = byName.get(row.metric);
    if (!metric) return [];
    const judgement = judgeAnomaly(
      {
        observed: row.observed,
        median: row.median,
        points: row.points,
        score: { observed: row.score, median: row.score_median, mad: row.score_mad, meanAbsDev: row.score_mean_abs_dev },
        categoryLevel: row.category_level,
      },
      judgeRulesFor(metric, row.grain, kind),
    );
    return judgement ? [{ row, ...judgement }] : [];
  });
}

export interface Run {
  first: Judged;
  last: Judged;
  worst: Judged;
}

/** Folds day-grain judgements of the same metric, scope and direction that are at most MAX_GAP_DAYS apart. */
export function foldRuns(days: readonly Judged[]): Run[] {
  const sorted = [...days].sort((a, b) => `${a.row.metric}|${a.row.scope}|${a.direction}|${a.row.date}`.localeCompare(`${b.row.metric}|${b.row.scope}|${b.direction}|${b.row.date}`));
  const runs: Run[] = [];
  for (const judged of sorted) {
    const current = runs.at(-1);
    const continues =
      current &&
      current.last.row.metric === judged.row.metric &&
      current.last.row.scope === judged.row.scope &&
      current.last.direction === judged.direction &&
      judged.row.date <= addDays(current.last.row.date, MAX_GAP_DAYS);
    if (current && continues) {
      current.last = judged;
      if (severityRank(judged.severity) > severityRank(current.worst.severity)) current.worst = judged;
    } else {
      runs.push({ first: judged, last: judged, worst: judged });
    }
  }
  return runs;
}

function campaignsIn(plan: ScanPlan, campaigns: ReadonlyMap<string, string>, from: string, to: string): { date: string; label: string }[] {
  return [...campaigns.entries()].filter(([date]) => date >= from && date <= to && date >= plan.from).map(([date, label]) => ({ date, label }));
}

export async function anomalyFindings(
  executor: Executor,
  judged: readonly Judged[],
  context: { plan: ScanPlan; campaigns: ReadonlyMap<string, string>; currency: string },
): Promise<Finding[]> {
  const { plan } = context;
  const findings: Finding[] = [];
  const explain = async (j: Judged, observedDays: string[], baselineDays: string[], grain: 'day' | 'week') => {
    const scope = parseScope(j.row.scope);
    const label = scope.kind === 'category' ? null : await scopeLabel(executor, j.row.scope);
    const weekday = WEEKDAY.format(new Date(`${j.row.date}T00:00:00Z`));
    const day = grain === 'day';
    return explainFinding(executor, {
      metric: j.row.metric,
      scope,
      scopeLabel: label,
      observed: j.row.observed ?? 0,
      expected: j.row.median ?? 0,
      observedDays,
      baselineDays,
      periodDays: day ? 1 : 7,
      comparedWith: day ? `the usual ${weekday}` : 'the usual week',
      basis: day
        ? `median of the ${baselineDays.length} ${weekday}s before (up to ${BASELINE_WEEKS} weeks back, campaign days left out)`
        : `median of ${j.row.points} earlier 7-day windows (${SKIPPED_WEEKS + 1} to ${SKIPPED_WEEKS + BASELINE_WEEKS} weeks back, so a drop that began lately is not its own baseline; campaign days left out)`,
      campaignDaysLeftOut: day ? [] : campaignsIn(plan, context.campaigns, plan.weeks[0]?.from ?? plan.asOf, plan.asOf),
      currency: context.currency,
    });
  };
  const base = (j: Judged) => ({ rule: 'anomaly', metric: j.row.metric, scope: j.row.scope, observed: j.row.observed, expected: j.row.median, z: j.z, direction: j.direction });

  for (const run of foldRuns(judged.filter((j) => j.row.grain === 'day'))) {
    const day = plan.days.find((d) => d.date === run.last.row.date);
    findings.push({
      ...base(run.last),
      grain: 'day',
      period: run.first.row.date,
      periodFrom: run.first.row.date,
      periodTo: run.last.row.date,
      severity: run.worst.severity,
      explanation: await explain(run.last, [run.last.row.date], day?.baseline ?? [], 'day'),
    });
  }
  const latest = plan.weeks[0];
  const baselineDays = plan.weeks.slice(1).flatMap((w) => w.days);
  for (const j of judged.filter((x) => x.row.grain === 'week')) {
    if (!latest) break;
    findings.push({
      ...base(j),
      grain: 'week',
      period: isoWeekOf(plan.asOf),
      periodFrom: latest.from,
      periodTo: latest.to,
      severity: j.severity,
      explanation: await explain(j, latest.days, baselineDays, 'week'),
    });
  }
  return findings;
}
