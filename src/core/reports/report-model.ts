/**
 * The one report model every renderer draws from (HTML, PDF, XLSX, PPTX). It holds finished
 * numbers only: renderers format and lay out, they never compute a figure, so the four formats
 * cannot disagree.
 */
import type { DateRange } from '../kpis/periods.ts';
import type { TargetStatus } from '../kpis/target-progress.ts';
import type { Mover } from '../kpis/top-movers.ts';
import type { MetricDirection, MetricFormat } from '../metrics/types.ts';
import type { ReportKind } from './report-period.ts';
import type { SectionId } from './report-sections.ts';

export interface ReportKpi {
  metric: string;
  label: string;
  format: MetricFormat;
  direction: MetricDirection;
  value: number | null;
  previous: number | null;
  previousChange: number | null;
  lastYear: number | null;
  lastYearChange: number | null;
  target: number | null;
  targetProgress: number | null;
  targetStatus: TargetStatus | null;
}

export interface ReportTrendPoint {
  date: string;
  gmv: number | null;
  liveGmvShare: number | null;
  previousGmv: number | null;
}

export interface ReportAdoptionPoint {
  /** First day of the week or month. */
  period: string;
  sellerAdoptionRate: number | null;
  liveGmvShare: number | null;
}

export interface ReportBreakdownRow {
  name: string;
  gmv: number | null;
  gmvChange: number | null;
  liveGmvShare: number | null;
  sellerAdoptionRate: number | null;
  liveSessions: number | null;
}

export interface ReportAlert {
  id: number;
  severity: 'info' | 'warning' | 'critical';
  status: string;
  metricLabel: string;
  scopeLabel: string;
  period: string;
  sentence: string;
}

export interface ReportSession {
  id: string;
  title: string | null;
  sellerId: string;
  sellerName: string;
  host: string | null;
  startDate: string;
  gpm: number | null;
  liveGmv: number | null;
  views: number | null;
  qualityScore: number | null;
  reviews: number;
}

export interface ReportPracticeExample {
  livestreamId: string;
  title: string | null;
  sellerName: string;
  reviewer: string;
  practices: string[];
  rubricScore: number | null;
}

export interface ReportImprovementArea {
  sellerId: string;
  sellerName: string;
  headline: string;
  evidence: string;
  action: string;
}

export interface SellerRef {
  sellerId: string;
  sellerName: string;
}

export interface TierMove extends SellerRef {
  from: string;
  to: string;
  direction: 'up' | 'down';
  gmvWindow: number;
}

export interface SellerMapChanges {
  newSellers: number;
  newList: (SellerRef & { firstSeen: string })[];
  churned: number;
  churnedList: SellerRef[];
  tierUps: number;
  tierDowns: number;
  tierMoves: TierMove[];
  opportunities: { rule: string; title: string; subject: string; reason: string; upside: number | null; severity: string }[];
  opportunitiesTotal: number;
  opportunitiesUpside: number;
}

export interface ReportAction {
  kind: 'task' | 'follow_up';
  id: number;
  title: string;
  sellerName: string | null;
  owner: string | null;
  dueAt: string;
  overdue: boolean;
  daysOverdue: number;
}

export interface FollowUp {
  communications: number;
  previousCommunications: number;
  openTasks: number;
  overdue: number;
  dueSoon: number;
  actions: ReportAction[];
}

/** Where a finding's numbers come from: a section of the report and, when it has one, a row. */
export interface Evidence {
  section: SectionId;
  ref: string | null;
  /** A path in the app that shows the same numbers. */
  link: string | null;
}

export interface Finding {
  rule: string;
  tone: 'good' | 'bad' | 'neutral';
  sentence: string;
  /** The numbers the sentence states, unformatted, as the model holds them. */
  numbers: Record<string, number | string>;
  evidence: Evidence;
}

export interface ReportModel {
  kind: ReportKind;
  period: string;
  title: string;
  range: DateRange;
  previousRange: DateRange;
  lastYearRange: DateRange;
  /** The latest day with data when the report was built. */
  asOf: string | null;
  generatedAt: string;
  currency: string;
  timezone: string;
  sections: SectionId[];
  commentary: string;
  commentaryBy: string | null;
  kpis: ReportKpi[];
  trend: ReportTrendPoint[];
  adoption: ReportAdoptionPoint[];
  breakdown: ReportBreakdownRow[];
  movers: { up: Mover[]; down: Mover[] };
  alerts: ReportAlert[];
  sessions: ReportSession[];
  /** Sessions best practices compare (the 8 weeks to the period's end: one week is too few). */
  practiceRange: DateRange;
  practiceHighlights: string[];
  practiceExamples: ReportPracticeExample[];
  improvementAreas: ReportImprovementArea[];
  sellerMap: SellerMapChanges;
  followUp: FollowUp;
  findings: Finding[];
}
