/**
 * Builds a weekly or monthly report's model from the core modules the app's pages use — Overview
 * (KPIs, trend, breakdown, movers), targets, alerts, the livestream leaderboard, best practices
 * and improvement areas, the seller map and the workspace's follow-up — so a report states the
 * same numbers as the dashboard. Nothing here computes a KPI: metrics come from the catalog through
 * `queryMetrics`/`getOverview`; this module only arranges them and runs the finding rules.
 */
import type { Database } from '../db/database.ts';
import { getSettings } from '../shared/settings.ts';
import { addDays } from '../shared/dates.ts';
import { getMetric } from '../metrics/catalog/index.ts';
import { queryMetrics } from '../metrics/query-metrics.ts';
import { getOverview, latestDataDay, OVERVIEW_KPIS } from '../kpis/overview.ts';
import { compareValues } from '../kpis/compare-periods.ts';
import { addMonths, comparisonRange, type DateRange } from '../kpis/periods.ts';
import { listAlerts } from '../kpis/alerts/alert-store.ts';
import { livestreamLeaderboard } from '../livestreams/leaderboard.ts';
import { getBestPractices } from '../livestreams/best-practices/best-practices.ts';
import { getImprovementAreas } from '../livestreams/best-practices/improvement-areas.ts';
import { listCommunications } from '../workspace/communication-query.ts';
import { listTasks } from '../workspace/task-query.ts';
import { weeklyReportActions } from '../workspace/reminders.ts';
import { workspaceToday } from '../workspace/due-dates.ts';
import { evaluateFindings } from './finding-rules.ts';
import type { FollowUp, ReportAdoptionPoint, ReportImprovementArea, ReportKpi, ReportModel } from './report-model.ts';
import { latestCompletePeriod, parseReportPeriod, previousPeriod, type ReportKind, type ReportPeriod } from './report-period.ts';
import { getReportLayout, visibleSections } from './report-sections.ts';
import { sellerMapChanges } from './seller-map-changes.ts';

export interface ReportRequest {
  kind: ReportKind;
  /** `2026-W47` / `2026-11`; default: the latest complete period of data. */
  period?: string;
  /** The clock, for "generated at" and "today" (tests pass a fixed one). */
  now?: Date;
}

const ADOPTION_POINTS = { weekly: 8, monthly: 6 } as const;
const IMPROVEMENT_SELLERS = 3;

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

export async function resolveReportPeriod(db: Database, kind: ReportKind, period?: string): Promise<ReportPeriod> {
  if (period) return parseReportPeriod(kind, period);
  const asOf = await latestDataDay(db);
  const { timezone } = await getSettings(db);
  return latestCompletePeriod(kind, asOf ?? new Date().toLocaleDateString('en-CA', { timeZone: timezone }));
}

async function followUp(db: Database, range: DateRange, previous: DateRange, now: Date): Promise<FollowUp> {
  const today = await workspaceToday(db, now);
  const [comms, before, open, reminders] = await Promise.all([
    listCommunications(db, today, { ...range, limit: 1 }),
    listCommunications(db, today, { ...previous, limit: 1 }),
    listTasks(db, today, { status: ['todo', 'doing', 'waiting'], limit: 1 }),
    weeklyReportActions(db, range.to),
  ]);
  return {
    communications: comms.total,
    previousCommunications: before.total,
    openTasks: open.total,
    overdue: reminders.counts.overdue,
    dueSoon: reminders.counts.dueSoon,
    actions: [...reminders.overdue, ...reminders.dueSoon].map((item) => ({
      kind: item.kind,
      id: item.id,
      title: item.title,
      sellerName: item.sellerName,
      owner: item.owner,
      dueAt: item.dueAt,
      overdue: item.overdue,
      daysOverdue: item.daysOverdue,
    })),
  };
}

async function adoption(db: Database, kind: ReportKind, range: DateRange): Promise<ReportAdoptionPoint[]> {
  const from = kind === 'weekly' ? addDays(range.from, -7 * (ADOPTION_POINTS.weekly - 1)) : addMonths(range.from, -(ADOPTION_POINTS.monthly - 1));
  const result = await queryMetrics(db, {
    metrics: ['seller_adoption_rate', 'live_gmv_share'],
    by: ['period'],
    grain: kind === 'weekly' ? 'week' : 'month',
    from,
    to: range.to,
  });
  return result.rows
    .map((row) => ({ period: String(row.period), sellerAdoptionRate: num(row.seller_adoption_rate), liveGmvShare: num(row.live_gmv_share) }))
    .sort((a, b) => a.period.localeCompare(b.period));
}

async function improvementAreas(db: Database, sellerIds: string[], range: DateRange): Promise<ReportImprovementArea[]> {
  const results = await Promise.all(sellerIds.map((id) => getImprovementAreas(db, id, { to: range.to })));
  return results.flatMap((r) => {
    const area = r.areas[0];
    return area ? [{ sellerId: r.sellerId, sellerName: r.sellerName, headline: area.headline, evidence: area.evidence, action: area.action }] : [];
  });
}

export async function buildReport(db: Database, request: ReportRequest): Promise<ReportModel> {
  const now = request.now ?? new Date();
  const settings = await getSettings(db);
  const period = await resolveReportPeriod(db, request.kind, request.period);
  const range = period.range;
  const previousRange = previousPeriod(period).range;
  const lastYearRange = comparisonRange(range, 'last_year', null);
  const metrics = [...OVERVIEW_KPIS];

  const [asOf, layout, overview, lastYear, adoptionPoints, alerts, leaderboard, practices, sellerMap, follow] = await Promise.all([
    latestDataDay(db),
    getReportLayout(db, request.kind),
    getOverview(db, { period: 'custom', ...range, compare: 'previous' }),
    queryMetrics(db, { metrics, ...lastYearRange }),
    adoption(db, request.kind, range),
    listAlerts(db, { limit: 500 }),
    livestreamLeaderboard(db, { period: 'custom', ...range, limit: 5 }),
    getBestPractices(db, { to: range.to }),
    sellerMapChanges(db, range),
    followUp(db, range, previousRange, now),
  ]);

  // No GMV at all a year earlier means no data then (the dataset starts later), not a collapse: no comparison.
  const lastYearGmv = num(lastYear.rows[0]?.gmv);
  const lastYearRow = lastYearGmv ? lastYear.rows[0] : undefined;
  const kpis: ReportKpi[] = overview.kpis.map((k) => {
    const ly = compareValues(k.value, num(lastYearRow?.[k.metric]), getMetric(k.metric).format);
    return {
      metric: k.metric,
      label: k.label,
      format: k.format,
      direction: k.direction,
      value: k.value,
      previous: k.comparison,
      previousChange: k.changeRatio,
      lastYear: ly.previous,
      lastYearChange: ly.changeRatio,
      target: k.target,
      targetProgress: k.targetProgress,
      targetStatus: k.targetStatus,
    };
  });
  const gpmBoard = leaderboard.boards.find((b) => b.metric === 'gpm')?.rows ?? [];
  const losing = overview.movers.down.filter((m) => m.change < 0).slice(0, IMPROVEMENT_SELLERS).map((m) => m.seller);

  const model: Omit<ReportModel, 'findings'> = {
    kind: request.kind,
    period: period.label,
    title: `${request.kind === 'weekly' ? 'Weekly' : 'Monthly'} report ${period.label}`,
    range,
    previousRange,
    lastYearRange,
    asOf,
    generatedAt: now.toISOString(),
    currency: settings.currency,
    timezone: settings.timezone,
    sections: visibleSections(layout),
    commentary: layout.commentary,
    commentaryBy: layout.commentary ? layout.updatedBy : null,
    kpis,
    trend: overview.trend
      .filter((p) => p.date >= range.from && p.date <= range.to)
      .map((p) => ({ date: p.date, gmv: p.gmv, liveGmvShare: p.liveGmvShare, previousGmv: p.comparisonGmv })),
    adoption: adoptionPoints,
    breakdown: overview.breakdown.map((row) => ({
      name: row.name,
      gmv: row.values.gmv ?? null,
      gmvChange: row.changeRatio.gmv ?? null,
      liveGmvShare: row.values.live_gmv_share ?? null,
      sellerAdoptionRate: row.values.seller_adoption_rate ?? null,
      liveSessions: row.values.live_sessions ?? null,
    })),
    movers: overview.movers,
    alerts: alerts.alerts
      .filter((a) => a.periodFrom <= range.to && a.periodTo >= range.from)
      .map((a) => ({
        id: a.id,
        severity: a.severity,
        status: a.status,
        metricLabel: a.metricLabel,
        scopeLabel: a.scopeLabel,
        period: a.period,
        sentence: a.explanation?.sentence ?? `${a.metricLabel} (${a.scopeLabel}) was ${a.observed ?? '—'} against ${a.expected ?? '—'} expected`,
      })),
    sessions: gpmBoard.map((row) => ({
      id: row.id,
      title: row.title,
      sellerId: row.seller_id,
      sellerName: row.seller_name,
      host: row.host,
      startDate: row.start_date,
      gpm: row.gpm,
      liveGmv: row.live_gmv,
      views: row.views,
      qualityScore: row.quality_score,
      reviews: row.reviews,
    })),
    practiceRange: { from: practices.from, to: practices.to },
    practiceHighlights: practices.highlights,
    practiceExamples: practices.examples.slice(0, 3).map((e) => ({
      livestreamId: e.livestreamId,
      title: e.title,
      sellerName: e.sellerName,
      reviewer: e.reviewer,
      practices: e.practices,
      rubricScore: e.rubricScore,
    })),
    improvementAreas: await improvementAreas(db, losing, range),
    sellerMap,
    followUp: follow,
  };
  return { ...model, findings: evaluateFindings(model) };
}
