/**
 * Review scores as SQL, so lists, filters, the queue and the trend read the same numbers: each
 * review's weighted score on the rubric version it was scored on, each session's mean over its
 * reviewers, and the quality score that combines it with the peer score. `weightedScore` in
 * rubrics.ts is the same formula for one review (a test holds them equal).
 */
import { sql, type Sql } from '../../db/sql.ts';

/** How the quality score weighs its two parts when both exist. */
export const QUALITY_WEIGHTS = { rubric: 0.5, peers: 0.5 } as const;

const CRITERIA_SHAPE = '[{"key":"VARCHAR","label":"VARCHAR","weight":"DOUBLE"}]';

/** Every criterion of every rubric version as rows (rubric_id, position from 1, key, label, weight). */
export const criteriaRowsSql = sql`(
  SELECT rubric_id, position, c.key, c.label, c.weight FROM (
    SELECT id AS rubric_id, unnest(from_json(criteria, ${CRITERIA_SHAPE})) AS c,
      generate_subscripts(from_json(criteria, ${CRITERIA_SHAPE}), 1) AS position
    FROM rubrics
  )
)`;

/** One row per (review, criterion): review_id, livestream_id, reviewer, rubric_id, position, key, label, weight, level. */
export const reviewLevelsSql = sql`(
  SELECT r.id AS review_id, r.livestream_id, r.reviewer, r.rubric_id, c.position, c.key, c.label, c.weight,
    CAST(r.scores ->> c.key AS INTEGER) AS level
  FROM livestream_reviews r JOIN ${criteriaRowsSql} c ON c.rubric_id = r.rubric_id
)`;

/** One row per review: review_id, livestream_id, reviewer, rubric_id, score (1–5), score100 (0–100). */
export const reviewScoresSql = sql`(
  SELECT review_id, livestream_id, reviewer, rubric_id, sum(weight * level) / sum(weight) AS score,
    round((sum(weight * level) / sum(weight) - 1) / 4 * 100, 1) AS score100
  FROM ${reviewLevelsSql} GROUP BY review_id, livestream_id, reviewer, rubric_id
)`;

/** One row per reviewed session: livestream_id, reviews, rubric_score (mean 1–5), rubric_score100 (0–100). */
export const sessionReviewsSql = sql`(
  SELECT livestream_id, CAST(count(*) AS INTEGER) AS reviews, round(avg(score), 2) AS rubric_score,
    round((avg(score) - 1) / 4 * 100, 1) AS rubric_score100
  FROM ${reviewScoresSql} GROUP BY livestream_id
)`;

/** The quality score over a rubric part and a peer part (0–100 each, either may be NULL). */
export function qualitySql(rubric100: Sql, peerScore: Sql): Sql {
  return sql`CASE WHEN ${rubric100} IS NULL THEN ${peerScore} WHEN ${peerScore} IS NULL THEN ${rubric100}
    ELSE round(${QUALITY_WEIGHTS.rubric} * ${rubric100} + ${QUALITY_WEIGHTS.peers} * ${peerScore}, 1) END`;
}

export type QualityBasis = 'rubric_and_peers' | 'rubric' | 'peers';

export interface QualityScore {
  /** 0–100, null when the session has neither reviews nor a peer score. */
  score: number | null;
  basis: QualityBasis | null;
  /** Weighted rubric score, mean over reviewers, 0–100 (null: not reviewed). */
  rubric: number | null;
  /** Peer score: mean percentile of the scored benchmarks × 100 (null: too few peers). */
  peers: number | null;
  weights: { rubric: number; peers: number };
}

/** The same combination as `qualitySql`, for one session. */
export function qualityScore(rubric100: number | null, peerScore: number | null): QualityScore {
  const weights = { ...QUALITY_WEIGHTS };
  if (rubric100 === null && peerScore === null) return { score: null, basis: null, rubric: null, peers: null, weights };
  if (rubric100 === null) return { score: peerScore, basis: 'peers', rubric: null, peers: peerScore, weights };
  if (peerScore === null) return { score: rubric100, basis: 'rubric', rubric: rubric100, peers: null, weights };
  const score = Math.round((weights.rubric * rubric100 + weights.peers * peerScore) * 10) / 10;
  return { score, basis: 'rubric_and_peers', rubric: rubric100, peers: peerScore, weights };
}

/** Quality score bands for the list filter: [from, to) on 0–100, the last one including 100. */
export const QUALITY_BANDS = [
  { band: '0-40', label: 'Below 40', from: 0, to: 40 },
  { band: '40-60', label: '40–60', from: 40, to: 60 },
  { band: '60-80', label: '60–80', from: 60, to: 80 },
  { band: '80-100', label: '80 and above', from: 80, to: 100 },
] as const;
export type QualityBand = (typeof QUALITY_BANDS)[number]['band'];
export const QUALITY_BAND_NAMES = QUALITY_BANDS.map((b) => b.band) as readonly QualityBand[];
