/**
 * Best practices: what the top quartile of a subcategory's sessions (by money per thousand views,
 * or per live hour) does differently from the rest — session length, start hour, products per hour,
 * interaction rates, rubric criteria and review tags — each with the size of the difference and the
 * number of sessions behind it.
 *
 * The size of a numeric difference is the share of (top, other) session pairs in which the top
 * session has the higher value (ties count half; the Mann–Whitney "probability of superiority"):
 * 50% means no difference, 75% means a top session is higher three times out of four. It does not
 * care about outliers or units, so session length and CTR are ranked on one scale. A shares
 * difference (start hour, tags) is the gap in percentage points.
 *
 * Two separate judgements per finding: its **size** (negligible, small, medium, large — Cliff's delta
 * thresholds 0.147 / 0.33 / 0.474 on 2 × superiority − 1, or 5 / 15 / 30 points for shares) and its
 * **evidence** (weak, moderate, strong — from the z-score, Mann–Whitney or two proportions), so a
 * large gap on five sessions reads "weak evidence" and a trivial one on twenty thousand reads
 * "negligible" however certain it is. Tables sort by evidence, then size; the headline findings are
 * the largest differences with at least moderate evidence, taken in turn from each section so one
 * section cannot fill them all.
 */
import type { Executor } from '../../db/database.ts';
import { latestDataDay } from '../../kpis/overview.ts';
import { rangeDays } from '../../kpis/periods.ts';
import { addDays } from '../../shared/dates.ts';
import { UserError } from '../../shared/errors.ts';
import { getSettings } from '../../shared/settings.ts';
import { ensureBenchmarks } from '../peer-benchmarks.ts';
import { PEER_WINDOW_DAYS } from '../session-metrics.ts';
import { REVIEW_TAGS, type ReviewTagKind } from '../reviews/review-tags.ts';
import type { SessionScope } from './best-practices.sql.ts';
import { comparedSessions, type NumericRow, type ShareRow } from './session-comparison.ts';
import { formatChange, formatShare, formatValue } from './format-value.ts';
import {
  NUMERIC_FEATURES,
  OUTCOMES,
  START_HOUR_BANDS,
  outcomeLabel,
  type FeatureKind,
  type NumericFeature,
  type Outcome,
} from './practice-features.ts';
import { rubricLabels, tagKind, tagLabel } from './review-labels.ts';
import { byEvidence, pickHighlights } from './highlights.ts';
import { DELTA_THRESHOLDS, mannWhitney, POINT_THRESHOLDS, sizeOf, strengthOf, twoProportionZ, type Size, type Strength } from './statistics.ts';

export { DELTA_THRESHOLDS, MODERATE_Z, mannWhitney, POINT_THRESHOLDS, sizeOf, STRONG_Z, strengthOf, twoProportionZ } from './statistics.ts';
export type { Size, Strength } from './statistics.ts';
export { HIGHLIGHTS, pickHighlights } from './highlights.ts';

/** Longest range compared at once (a quarter), as for the session list. */
export const MAX_RANGE_DAYS = 92;
/** Reviews naming a best practice shown as examples. */
export const EXAMPLES = 6;
const PRACTICE_TAGS = REVIEW_TAGS.filter((t) => t.kind === 'best_practice').map((t) => t.key);

export interface BestPracticesRequest {
  from?: string;
  to?: string;
  /** A subcategory id; '' for sellers without one; omitted for every subcategory. */
  subcategory?: string;
  outcome?: Outcome;
}

export interface NumericFinding {
  kind: FeatureKind;
  key: string;
  label: string;
  format: NumericFeature['format'];
  topMedian: number | null;
  restMedian: number | null;
  /** topMedian / restMedian − 1; null when the rest's median is 0 or missing. */
  change: number | null;
  /** Share of (top, other) pairs where the top session is higher, ties half: 0.5 = no difference. */
  superiority: number;
  direction: 'higher' | 'lower' | 'same';
  /** What the top quartile does, in words: "run longer", "score lower on compliance". */
  behaviour: string;
  /** Cliff's delta, 2 × superiority − 1: −1..1, 0 = no difference. */
  effect: number;
  size: Size;
  z: number;
  strength: Strength;
  topSessions: number;
  restSessions: number;
  sentence: string;
}

export interface ShareFinding {
  kind: 'start_hour' | 'tag';
  key: string;
  label: string;
  /** For tags: best practice, issue or workflow. */
  tagKind: ReviewTagKind | null;
  topShare: number;
  restShare: number;
  /** topShare − restShare. */
  difference: number;
  size: Size;
  z: number;
  strength: Strength;
  topSessions: number;
  restSessions: number;
  sentence: string;
}

export interface SubcategorySummary {
  subcategory: string | null;
  subcategoryName: string | null;
  sessions: number;
  ranked: number;
  included: boolean;
  topSessions: number;
  /** Outcome of the weakest top-quartile session. */
  topThreshold: number | null;
}

export interface BestPractices {
  from: string;
  to: string;
  asOf: string | null;
  currency: string;
  outcome: Outcome;
  outcomeLabel: string;
  subcategory: string | null;
  sessions: { all: number; unranked: number; top: number; rest: number; reviewedTop: number; reviewedRest: number };
  subcategories: SubcategorySummary[];
  habits: NumericFinding[];
  interactions: NumericFinding[];
  rubric: NumericFinding[];
  startHours: ShareFinding[];
  tags: ShareFinding[];
  /** The strongest findings across every section, strongest first. */
  highlights: string[];
  /** The latest reviews in scope naming a best practice. */
  examples: PracticeExample[];
}

export interface PracticeExample {
  reviewId: number;
  livestreamId: string;
  title: string | null;
  sellerId: string;
  sellerName: string;
  host: string | null;
  startDate: string;
  reviewer: string;
  /** The review's best-practice tags, as labels. */
  practices: string[];
  notes: string | null;
  /** The review's weighted rubric score, 0–100. */
  rubricScore: number | null;
  /** Whether the session is in its subcategory's top quartile; null when it was not ranked. */
  topQuartile: boolean | null;
}

export async function resolveRange(executor: Executor, request: { from?: string; to?: string }): Promise<{ from: string; to: string; asOf: string | null }> {
  const asOf = await latestDataDay(executor);
  const to = request.to ?? asOf ?? new Date().toISOString().slice(0, 10);
  const from = request.from ?? addDays(to, -(PEER_WINDOW_DAYS - 1));
  if (from > to) {
    throw new UserError(`the range starts (${from}) after it ends (${to})`, { hint: 'give a start date on or before the end date', details: { field: 'from' } });
  }
  if (rangeDays({ from, to }) > MAX_RANGE_DAYS) {
    throw new UserError(`the range ${from} to ${to} is longer than ${MAX_RANGE_DAYS} days`, {
      hint: `compare at most ${MAX_RANGE_DAYS} days at once (the default is the last 8 weeks)`,
      details: { field: 'from' },
    });
  }
  return { from, to, asOf };
}

export function checkOutcome(outcome: string | undefined): Outcome {
  if (outcome === undefined) return 'gpm';
  if ((OUTCOMES as readonly string[]).includes(outcome)) return outcome as Outcome;
  throw new UserError(`cannot rank sessions by "${outcome}"`, { hint: `rank by one of: ${OUTCOMES.join(', ')}`, details: { field: 'outcome', value: outcome } });
}

export interface FeatureComparison {
  feature: string;
  kind: FeatureKind;
  label: string;
  format: NumericFeature['format'];
  more: string;
  less: string;
}

function describeFeature(key: string, rubric: Map<string, string>): FeatureComparison | null {
  if (key.startsWith('rubric:')) {
    const criterion = key.slice('rubric:'.length);
    const label = rubric.get(criterion) ?? criterion.replaceAll('_', ' ');
    return { feature: key, kind: 'rubric', label, format: 'score', more: `score higher on ${label.toLowerCase()}`, less: `score lower on ${label.toLowerCase()}` };
  }
  const declared = NUMERIC_FEATURES.find((f) => f.key === key);
  if (!declared) return null;
  return { feature: key, kind: declared.kind, label: declared.label, format: declared.format, more: declared.more, less: declared.less };
}

function numericFinding(row: NumericRow, described: FeatureComparison, currency: string): NumericFinding {
  const { superiority, z } = mannWhitney(Number(row.rank_sum_top), Number(row.n_top), Number(row.n_rest));
  const direction = Math.abs(superiority - 0.5) < 0.005 ? 'same' : superiority > 0.5 ? 'higher' : 'lower';
  const change = row.median_top !== null && row.median_rest !== null && row.median_rest !== 0 ? row.median_top / row.median_rest - 1 : null;
  const values = `median ${formatValue(row.median_top, described.format, currency)} vs ${formatValue(row.median_rest, described.format, currency)}`;
  const pairs = `${direction === 'lower' ? 'lower' : 'higher'} in ${formatShare(direction === 'lower' ? 1 - superiority : superiority)} of pairs`;
  const counts = `${row.n_top} top vs ${row.n_rest} other sessions`;
  const sentence =
    direction === 'same'
      ? `${described.label}: no difference between top-quartile sessions and the rest (${values}; ${counts}).`
      : `Top-quartile sessions ${direction === 'higher' ? described.more : described.less}: ${values}${change === null ? '' : ` (${formatChange(change)})`}, ${pairs}; ${counts}.`;
  return {
    kind: described.kind,
    key: described.feature,
    label: described.label,
    format: described.format,
    topMedian: row.median_top,
    restMedian: row.median_rest,
    change,
    superiority,
    direction,
    behaviour: direction === 'lower' ? described.less : described.more,
    effect: 2 * superiority - 1,
    size: sizeOf(2 * superiority - 1, DELTA_THRESHOLDS),
    z,
    strength: strengthOf(z),
    topSessions: Number(row.n_top),
    restSessions: Number(row.n_rest),
    sentence,
  };
}

function shareFinding(row: ShareRow): ShareFinding {
  const nTop = Number(row.n_top);
  const nRest = Number(row.n_rest);
  const topShare = nTop ? Number(row.hit_top) / nTop : 0;
  const restShare = nRest ? Number(row.hit_rest) / nRest : 0;
  const z = twoProportionZ(Number(row.hit_top), nTop, Number(row.hit_rest), nRest);
  const label = row.kind === 'tag' ? tagLabel(row.key) : (START_HOUR_BANDS.find((b) => b.key === row.key)?.label ?? row.key);
  const points = Math.round((topShare - restShare) * 100);
  const gap = `${points >= 0 ? '+' : '−'}${Math.abs(points)} pts`;
  const sentence =
    row.kind === 'tag'
      ? `${formatShare(topShare)} of reviewed top-quartile sessions are tagged “${label}” vs ${formatShare(restShare)} of the rest (${gap}; ${nTop} vs ${nRest} reviewed sessions).`
      : `${formatShare(topShare)} of top-quartile sessions start ${label} vs ${formatShare(restShare)} of the rest (${gap}; ${nTop} vs ${nRest} sessions).`;
  return {
    kind: row.kind,
    key: row.key,
    label,
    tagKind: row.kind === 'tag' ? tagKind(row.key) : null,
    topShare,
    restShare,
    difference: topShare - restShare,
    size: sizeOf(topShare - restShare, POINT_THRESHOLDS),
    z,
    strength: strengthOf(z),
    topSessions: nTop,
    restSessions: nRest,
    sentence,
  };
}

export async function getBestPractices(executor: Executor, request: BestPracticesRequest = {}): Promise<BestPractices> {
  const outcome = checkOutcome(request.outcome);
  const { from, to, asOf } = await resolveRange(executor, request);
  const { currency, timezone } = await getSettings(executor);
  const scope: SessionScope = { from, to, timezone, outcome, ...(request.subcategory === undefined ? {} : { subcategory: request.subcategory }) };
  const ensured = await ensureBenchmarks(executor, { from, to, ...(request.subcategory === undefined ? {} : { subcategories: [request.subcategory] }) });

  const [{ subcategories, totals, numeric, shares, examples }, rubric] = await Promise.all([
    comparedSessions(executor, scope, { tags: PRACTICE_TAGS, limit: EXAMPLES }, { benchmarksChanged: ensured.recomputed > 0 }),
    rubricLabels(executor),
  ]);

  const findings = numeric.flatMap((row) => {
    const described = describeFeature(row.feature, rubric);
    return described && Number(row.n_top) > 0 && Number(row.n_rest) > 0 ? [numericFinding(row, described, currency)] : [];
  });
  const shareFindings = shares.filter((r) => Number(r.n_top) > 0 && Number(r.n_rest) > 0).map(shareFinding);
  const habits = findings.filter((f) => f.kind === 'habit').sort(byEvidence);
  const interactions = findings.filter((f) => f.kind === 'interaction').sort(byEvidence);
  const rubricFindings = findings.filter((f) => f.kind === 'rubric').sort(byEvidence);
  const startHours = shareFindings.filter((f) => f.kind === 'start_hour').sort(byEvidence);
  const tags = shareFindings.filter((f) => f.kind === 'tag').sort(byEvidence);
  const highlights = pickHighlights([habits, startHours, interactions, rubricFindings, tags]);

  return {
    from,
    to,
    asOf,
    currency,
    outcome,
    outcomeLabel: outcomeLabel(outcome),
    subcategory: request.subcategory ?? null,
    sessions: {
      all: Number(totals?.sessions_all ?? 0),
      unranked: Number(totals?.unranked ?? 0),
      top: Number(totals?.sessions_top ?? 0),
      rest: Number(totals?.sessions_rest ?? 0),
      reviewedTop: Number(totals?.reviewed_top ?? 0),
      reviewedRest: Number(totals?.reviewed_rest ?? 0),
    },
    subcategories: subcategories.map((s) => ({
      subcategory: s.subcategory === '' ? null : s.subcategory,
      subcategoryName: s.subcategory_name,
      sessions: Number(s.sessions),
      ranked: Number(s.ranked),
      included: Boolean(s.included),
      topSessions: Number(s.top_sessions),
      topThreshold: s.top_threshold,
    })),
    habits,
    interactions,
    rubric: rubricFindings,
    startHours,
    tags,
    highlights,
    examples: examples.map((e) => ({
      reviewId: Number(e.review_id),
      livestreamId: e.livestream_id,
      title: e.title,
      sellerId: e.seller_id,
      sellerName: e.seller_name,
      host: e.host,
      startDate: e.start_date,
      reviewer: e.reviewer,
      practices: [...e.tags].map(tagLabel),
      notes: e.notes,
      rubricScore: e.rubric_score,
      topQuartile: e.quartile === null ? null : e.quartile === 'top',
    })),
  };
}
