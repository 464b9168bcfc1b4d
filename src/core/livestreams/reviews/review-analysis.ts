/**
 * What the reviews add up to: a session's review summary with its quality score, the calibration
 * list (sessions where reviewers disagree, and how far each reviewer sits from their co-reviewers),
 * the review queue (top sellers' sessions of last week nobody reviewed yet, by GMV) and a host's
 * quality trend week by week. All set-based SQL over the stored benchmarks and reviews.
 */
import type { Executor } from '../../db/database.ts';
import { sql, type Sql } from '../../db/sql.ts';
import { weekStart } from '../../kpis/periods.ts';
import { addDays, isIsoDate, todayIn } from '../../shared/dates.ts';
import { UserError } from '../../shared/errors.ts';
import { getSettings } from '../../shared/settings.ts';
import { ensureBenchmarks } from '../peer-benchmarks.ts';
import { localStart } from '../session-list.ts';
import { qualityScore, qualitySql, reviewLevelsSql, reviewScoresSql, sessionReviewsSql, type QualityScore } from './review-scores.sql.ts';
import { DISAGREE_POINTS, reviewsOfSession, sessionAgreement, type Agreement, type Review } from './reviews.ts';

export interface SessionReviews {
  livestreamId: string;
  reviews: Review[];
  /** Mean weighted rubric score over the reviewers, 1–5 (null: not reviewed). */
  rubricScore: number | null;
  quality: QualityScore;
  agreement: Agreement;
}

/** The rubric part, the peer part and the quality score of one session. */
export async function sessionQuality(executor: Executor, livestreamId: string, peerScore: number | null): Promise<{ reviews: number; rubricScore: number | null; quality: QualityScore }> {
  const [row] = await executor.query<{ reviews: number; rubric_score: number; rubric_score100: number }>(sql`
    SELECT reviews, rubric_score, rubric_score100 FROM ${sessionReviewsSql} q WHERE q.livestream_id = ${livestreamId}`);
  return { reviews: row?.reviews ?? 0, rubricScore: row?.rubric_score ?? null, quality: qualityScore(row?.rubric_score100 ?? null, peerScore) };
}

/** A session's reviews, agreement and quality score (the peer part read from its stored benchmark). */
export async function getSessionReviews(executor: Executor, livestreamId: string): Promise<SessionReviews> {
  const [session] = await executor.query<{ start_date: string; subcategory: string }>(sql`
    SELECT CAST(l.start_date AS VARCHAR) AS start_date, coalesce(s.subcategory_id, '') AS subcategory
    FROM livestreams l JOIN sellers s ON s.id = l.seller_id WHERE l.id = ${livestreamId}`);
  if (!session) throw new UserError(`no livestream with id ${livestreamId}`, { code: 'not_found', hint: 'pick a session from the Livestreams list' });
  await ensureBenchmarks(executor, { from: session.start_date, to: session.start_date, subcategories: [session.subcategory] });
  const [bench] = await executor.query<{ peer_score: number | null }>(sql`SELECT peer_score FROM livestream_benchmarks WHERE livestream_id = ${livestreamId}`);
  const { rubricScore, quality } = await sessionQuality(executor, livestreamId, bench?.peer_score ?? null);
  return {
    livestreamId,
    reviews: await reviewsOfSession(executor, livestreamId),
    rubricScore,
    quality,
    agreement: await sessionAgreement(executor, livestreamId),
  };
}

export interface CalibrationRequest {
  /** Session start dates, inclusive; default: everything. */
  from?: string;
  to?: string;
  /** Only sessions where two reviewers differ by ≥ 2 points somewhere. */
  flaggedOnly?: boolean;
  limit?: number;
}

export interface CalibrationSession {
  livestreamId: string;
  title: string | null;
  sellerName: string;
  host: string | null;
  startedLocal: string;
  reviewers: string[];
  /** Each reviewer's weighted score 0–100, in the order of `reviewers`. */
  scores100: number[];
  maxSpread: number;
  flagged: boolean;
  /** Labels of the criteria with a spread ≥ 2. */
  flaggedCriteria: string[];
}

export interface ReviewerCalibration {
  reviewer: string;
  /** Sessions this reviewer shares with at least one other reviewer. */
  sharedSessions: number;
  /** Mean of (own level − the other reviewers' mean level) over shared criteria: > 0 scores higher. */
  meanOffset: number | null;
  /** Shared criteria where this reviewer is 2+ points from another reviewer. */
  disagreements: number;
}

export interface Calibration {
  disagreePoints: number;
  sessions: CalibrationSession[];
  reviewers: ReviewerCalibration[];
}

function dateCondition(column: Sql, from: string | undefined, to: string | undefined): Sql[] {
  const out: Sql[] = [];
  for (const [value, field] of [[from, 'from'], [to, 'to']] as const) {
    if (value !== undefined && !isIsoDate(value)) throw new UserError(`${field} must be a date YYYY-MM-DD, got "${value}"`, { details: { field } });
  }
  if (from) out.push(sql`${column} >= CAST(${from} AS DATE)`);
  if (to) out.push(sql`${column} <= CAST(${to} AS DATE)`);
  return out;
}

/** Sessions with two or more reviewers, the biggest disagreements first, and each reviewer's offset. */
export async function reviewCalibration(executor: Executor, request: CalibrationRequest = {}): Promise<Calibration> {
  const { timezone } = await getSettings(executor);
  const dates = dateCondition(sql`l.start_date`, request.from, request.to);
  const inRange = dates.length ? sql`AND ${sql.join(dates, ' AND ')}` : sql.empty;
  const limit = Math.min(500, Math.max(1, Math.trunc(request.limit ?? 100)));
  const levels = sql`(SELECT v.* FROM ${reviewLevelsSql} v JOIN livestreams l ON l.id = v.livestream_id
    WHERE v.livestream_id IN (SELECT livestream_id FROM livestream_reviews GROUP BY livestream_id HAVING count(*) >= 2) ${inRange})`;
  const sessions = await executor.query<{
    livestream_id: string; title: string | null; seller_name: string; host: string | null; started_local: string;
    reviewers: string[]; scores100: number[]; max_spread: number; flagged_criteria: string[];
  }>(sql`
    WITH spreads AS (
      SELECT livestream_id, key, any_value(label) AS label, min(position) AS position, max(level) - min(level) AS spread
      FROM ${levels} GROUP BY livestream_id, key HAVING count(*) >= 2
    ), per_session AS (
      SELECT livestream_id, max(spread) AS max_spread,
        coalesce(list(label ORDER BY position) FILTER (WHERE spread >= ${DISAGREE_POINTS}), []) AS flagged_criteria
      FROM spreads GROUP BY livestream_id
    ), scores AS (
      SELECT livestream_id, list(reviewer ORDER BY reviewer) AS reviewers, list(score100 ORDER BY reviewer) AS scores100
      FROM ${reviewScoresSql} x GROUP BY livestream_id
    )
    SELECT p.livestream_id, l.title, s.name AS seller_name, l.host, ${localStart(timezone)} AS started_local,
      x.reviewers, x.scores100, p.max_spread, p.flagged_criteria
    FROM per_session p JOIN scores x USING (livestream_id) JOIN livestreams l ON l.id = p.livestream_id JOIN sellers s ON s.id = l.seller_id
    ${request.flaggedOnly ? sql`WHERE p.max_spread >= ${DISAGREE_POINTS}` : sql.empty}
    ORDER BY p.max_spread DESC, l.started_at DESC, p.livestream_id ${executor.dialect.limit(limit)}`);
  const reviewers = await executor.query<{ reviewer: string; shared_sessions: number; mean_offset: number | null; disagreements: number }>(sql`
    WITH lv AS (SELECT * FROM ${levels}),
    pairs AS (
      SELECT a.reviewer, a.livestream_id, a.key, a.level - avg(b.level) AS diff, max(abs(a.level - b.level)) AS widest
      FROM lv a JOIN lv b ON b.livestream_id = a.livestream_id AND b.key = a.key AND b.reviewer <> a.reviewer
      GROUP BY a.reviewer, a.livestream_id, a.key, a.level
    )
    SELECT reviewer, CAST(count(DISTINCT livestream_id) AS INTEGER) AS shared_sessions, round(avg(diff), 2) AS mean_offset,
      CAST(count(*) FILTER (WHERE widest >= ${DISAGREE_POINTS}) AS INTEGER) AS disagreements
    FROM pairs GROUP BY reviewer ORDER BY abs(avg(diff)) DESC, reviewer`);
  return {
    disagreePoints: DISAGREE_POINTS,
    sessions: sessions.map((s) => ({
      livestreamId: s.livestream_id,
      title: s.title,
      sellerName: s.seller_name,
      host: s.host,
      startedLocal: s.started_local,
      reviewers: [...s.reviewers],
      scores100: [...s.scores100],
      maxSpread: s.max_spread,
      flagged: s.max_spread >= DISAGREE_POINTS,
      flaggedCriteria: [...s.flagged_criteria],
    })),
    reviewers: reviewers.map((r) => ({ reviewer: r.reviewer, sharedSessions: r.shared_sessions, meanOffset: r.mean_offset, disagreements: r.disagreements })),
  };
}

/** Seller tiers whose sessions the queue holds by default (Aisle's computed tiers, else the platform's). */
export const QUEUE_TIERS = ['S', 'A'] as const;
export const MAX_QUEUE = 200;

export interface QueueRequest {
  /** Session start dates; default: the last complete ISO week (Mon–Sun) in the workspace time zone. */
  from?: string;
  to?: string;
  tiers?: string[];
  limit?: number;
  /** "Today" for the default week (tests); default: the clock. */
  now?: Date;
}

export interface QueueRow {
  id: string;
  title: string | null;
  sellerId: string;
  sellerName: string;
  tier: string | null;
  host: string | null;
  startDate: string;
  startedLocal: string;
  durationS: number | null;
  liveGmv: number | null;
  views: number | null;
  peerScore: number | null;
}

export interface ReviewQueue {
  from: string;
  to: string;
  tiers: string[];
  currency: string;
  /** Sessions waiting in the range (the rows are the first `limit`). */
  total: number;
  /** Top sellers' sessions of the range that already have a review. */
  reviewed: number;
  rows: QueueRow[];
}

/** The last complete Monday–Sunday week before today in the time zone. */
export function lastCompleteWeek(timezone: string, now: Date = new Date()): { from: string; to: string } {
  const monday = addDays(weekStart(todayIn(timezone, now)), -7);
  return { from: monday, to: addDays(monday, 6) };
}

/** Top sellers' sessions in the range that nobody reviewed yet, highest GMV first. */
export async function reviewQueue(executor: Executor, request: QueueRequest = {}): Promise<ReviewQueue> {
  const { timezone, currency } = await getSettings(executor);
  const week = lastCompleteWeek(timezone, request.now);
  const from = request.from ?? week.from;
  const to = request.to ?? (request.from ? addDays(request.from, 6) : week.to);
  dateCondition(sql``, from, to);
  if (from > to) throw new UserError(`the queue range starts (${from}) after it ends (${to})`, { hint: 'swap the dates', details: { field: 'from' } });
  if (addDays(from, 92) < to) throw new UserError('the queue covers at most 93 days', { hint: 'pick a shorter range', details: { field: 'to' } });
  const tiers = request.tiers?.length ? request.tiers : [...QUEUE_TIERS];
  const limit = Math.min(MAX_QUEUE, Math.max(1, Math.trunc(request.limit ?? 50)));
  await ensureBenchmarks(executor, { from, to });
  const rows = await executor.query<{
    id: string; title: string | null; seller_id: string; seller_name: string; tier: string | null; host: string | null; start_date: string;
    started_local: string; duration_s: number | null; live_gmv: number | null; views: number | null; peer_score: number | null;
    reviewed: boolean; waiting: number; done: number;
  }>(sql`
    WITH top AS (
      SELECT l.id, l.title, l.seller_id, s.name AS seller_name, coalesce(seg.tier, s.tier) AS tier, l.host,
        CAST(l.start_date AS VARCHAR) AS start_date, ${localStart(timezone)} AS started_local, l.duration_s, l.started_at,
        b.live_gmv, b.views, b.peer_score,
        EXISTS (SELECT 1 FROM livestream_reviews r WHERE r.livestream_id = l.id) AS reviewed
      FROM livestreams l JOIN sellers s ON s.id = l.seller_id
      LEFT JOIN seller_segments seg ON seg.seller_id = s.id
      LEFT JOIN livestream_benchmarks b ON b.livestream_id = l.id
      WHERE l.start_date BETWEEN CAST(${from} AS DATE) AND CAST(${to} AS DATE)
        AND coalesce(seg.tier, s.tier) IN (${sql.join(tiers)})
    )
    SELECT *, count(*) FILTER (WHERE NOT reviewed) OVER () AS waiting, count(*) FILTER (WHERE reviewed) OVER () AS done
    FROM top
    QUALIFY NOT reviewed
    ORDER BY live_gmv DESC NULLS LAST, started_at DESC, id ${executor.dialect.limit(limit)}`);
  let total = rows[0]?.waiting ?? 0;
  let reviewed = rows[0]?.done ?? 0;
  if (rows.length === 0) {
    const [counts] = await executor.query<{ done: number }>(sql`
      SELECT count(*) AS done FROM livestreams l JOIN sellers s ON s.id = l.seller_id LEFT JOIN seller_segments seg ON seg.seller_id = s.id
      WHERE l.start_date BETWEEN CAST(${from} AS DATE) AND CAST(${to} AS DATE) AND coalesce(seg.tier, s.tier) IN (${sql.join(tiers)})`);
    total = 0;
    reviewed = counts?.done ?? 0;
  }
  return {
    from,
    to,
    tiers,
    currency,
    total,
    reviewed,
    rows: rows.map((r) => ({
      id: r.id,
      title: r.title,
      sellerId: r.seller_id,
      sellerName: r.seller_name,
      tier: r.tier,
      host: r.host,
      startDate: r.start_date,
      startedLocal: r.started_local,
      durationS: r.duration_s,
      liveGmv: r.live_gmv,
      views: r.views,
      peerScore: r.peer_score,
    })),
  };
}

export const QUALITY_TREND_WEEKS = 8;
/** A slope below this many quality points per week reads as steady. */
export const STEADY_QUALITY_SLOPE = 1;

export interface QualityTrendWeek {
  week: string;
  sessions: number;
  reviewed: number;
  /** Mean weighted rubric score of the week's reviewed sessions, 0–100. */
  rubric: number | null;
  /** Mean peer score of the week's sessions, 0–100. */
  peers: number | null;
  /** Mean quality score of the week's sessions. */
  quality: number | null;
}

export interface HostQualityTrend {
  sellerId: string;
  host: string;
  weeks: QualityTrendWeek[];
  /** Quality points per week, null with fewer than 3 weeks with a score. */
  slope: number | null;
  direction: 'rising' | 'falling' | 'steady' | null;
}

/** A host's quality score week by week over the last weeks they streamed (a host is a name at one seller). */
export async function hostQualityTrend(executor: Executor, input: { sellerId: string; host: string; weeks?: number }): Promise<HostQualityTrend> {
  const weeks = Math.min(52, Math.max(1, Math.trunc(input.weeks ?? QUALITY_TREND_WEEKS)));
  const empty: HostQualityTrend = { sellerId: input.sellerId, host: input.host, weeks: [], slope: null, direction: null };
  const [latest] = await executor.query<{ last_day: string | null; subcategory: string | null }>(sql`
    SELECT CAST(max(l.start_date) AS VARCHAR) AS last_day, any_value(coalesce(s.subcategory_id, '')) AS subcategory
    FROM livestreams l JOIN sellers s ON s.id = l.seller_id WHERE l.seller_id = ${input.sellerId} AND l.host = ${input.host}`);
  if (!latest?.last_day) return empty;
  const lastWeek = weekStart(latest.last_day);
  const firstWeek = addDays(lastWeek, -7 * (weeks - 1));
  await ensureBenchmarks(executor, { from: firstWeek, to: addDays(lastWeek, 6), subcategories: [latest.subcategory ?? ''] });
  const rows = await executor.query<QualityTrendWeek & { slope: number | null; scored: number }>(sql`
    WITH sessions AS (
      SELECT l.id, CAST(date_trunc('week', l.start_date) AS DATE) AS week, q.rubric_score100 AS rubric, b.peer_score AS peers,
        ${qualitySql(sql`q.rubric_score100`, sql`b.peer_score`)} AS quality, q.livestream_id IS NOT NULL AS reviewed
      FROM livestreams l
      LEFT JOIN livestream_benchmarks b ON b.livestream_id = l.id
      LEFT JOIN ${sessionReviewsSql} q ON q.livestream_id = l.id
      WHERE l.seller_id = ${input.sellerId} AND l.host = ${input.host}
        AND l.start_date BETWEEN CAST(${firstWeek} AS DATE) AND CAST(${addDays(lastWeek, 6)} AS DATE)
    ), weekly AS (
      SELECT week, CAST(count(*) AS INTEGER) AS sessions, CAST(count(*) FILTER (WHERE reviewed) AS INTEGER) AS reviewed,
        round(avg(rubric), 1) AS rubric, round(avg(peers), 1) AS peers, round(avg(quality), 1) AS quality
      FROM sessions GROUP BY week
    )
    SELECT CAST(week AS VARCHAR) AS week, sessions, reviewed, rubric, peers, quality,
      regr_slope(quality, date_diff('day', CAST(${firstWeek} AS DATE), week) / 7.0) OVER () AS slope,
      count(quality) OVER () AS scored
    FROM weekly ORDER BY week`);
  const first = rows[0];
  const slope = first && first.scored >= 3 && first.slope !== null ? Math.round(first.slope * 10) / 10 : null;
  const direction = slope === null ? null : slope >= STEADY_QUALITY_SLOPE ? 'rising' : slope <= -STEADY_QUALITY_SLOPE ? 'falling' : 'steady';
  return {
    ...empty,
    weeks: rows.map(({ week, sessions, reviewed, rubric, peers, quality }) => ({ week, sessions, reviewed, rubric, peers, quality })),
    slope,
    direction,
  };
}
