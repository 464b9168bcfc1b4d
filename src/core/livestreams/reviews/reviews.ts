/**
 * Livestream reviews: one review per reviewer per session, scored 1–5 on every criterion of a
 * rubric version, with notes and catalog tags. A new review is scored on the active rubric; editing
 * a review keeps the version it was first scored on. Reviewers write and delete their own reviews
 * (a manager may delete anyone's); every change is audited in the same transaction.
 */
import type { Actor } from '../../auth/actor.ts';
import { writeAudit } from '../../auth/audit-log.ts';
import { can } from '../../auth/roles.ts';
import type { Database, Executor } from '../../db/database.ts';
import { sql, type Sql } from '../../db/sql.ts';
import { UserError } from '../../shared/errors.ts';
import { getSettings } from '../../shared/settings.ts';
import { oncePerWrite } from '../../kpis/data-version.ts';
import { localStart } from '../session-list.ts';
import { reviewLevelsSql, reviewScoresSql } from './review-scores.sql.ts';
import { validateTags } from './review-tags.ts';
import { getActiveRubric, getRubric, validateScores } from './rubrics.ts';

export const MAX_REVIEW_NOTES = 4000;
/** Two reviewers this many points apart on a criterion disagree. */
export const DISAGREE_POINTS = 2;

export interface Review {
  id: number;
  livestreamId: string;
  rubricId: number;
  rubricVersion: number;
  reviewer: string;
  scores: Record<string, number>;
  notes: string | null;
  tags: string[];
  /** Weighted rubric score 1–5 (on the review's own rubric version). */
  score: number;
  /** The same on 0–100. */
  score100: number;
  createdAt: string;
  updatedAt: string;
}

/** A review with the session it is about, for lists across sessions. */
export interface ReviewListRow extends Review {
  title: string | null;
  sellerId: string;
  sellerName: string;
  host: string | null;
  startDate: string;
  startedLocal: string;
}

interface ReviewRow {
  id: number;
  livestream_id: string;
  rubric_id: number;
  rubric_version: number;
  reviewer: string;
  scores: unknown;
  notes: string | null;
  tags: string[];
  score: number;
  score100: number;
  created_at: string;
  updated_at: string;
}

const parseScores = (value: unknown): Record<string, number> =>
  (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, number>;

const toReview = (r: ReviewRow): Review => ({
  id: r.id,
  livestreamId: r.livestream_id,
  rubricId: r.rubric_id,
  rubricVersion: r.rubric_version,
  reviewer: r.reviewer,
  scores: parseScores(r.scores),
  notes: r.notes,
  tags: [...r.tags],
  score: Math.round(r.score * 100) / 100,
  score100: r.score100,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const REVIEW_COLUMNS = sql`r.id, r.livestream_id, r.rubric_id, b.version AS rubric_version, r.reviewer, r.scores, r.notes, r.tags,
  x.score, x.score100, r.created_at, r.updated_at`;
const REVIEW_FROM = sql`livestream_reviews r JOIN rubrics b ON b.id = r.rubric_id JOIN ${reviewScoresSql} x ON x.review_id = r.id`;

async function reviewsWhere(executor: Executor, where: Sql): Promise<Review[]> {
  const rows = await executor.query<ReviewRow>(sql`SELECT ${REVIEW_COLUMNS} FROM ${REVIEW_FROM} WHERE ${where} ORDER BY r.created_at, r.id`);
  return rows.map(toReview);
}

export async function getReview(executor: Executor, id: number): Promise<Review> {
  const [review] = await reviewsWhere(executor, sql`r.id = ${id}`);
  if (!review) throw new UserError(`no review with id ${id}`, { code: 'not_found', hint: "open the session's reviews to pick one" });
  return review;
}

export interface ReviewFilters {
  livestreamId?: string;
  reviewer?: string;
  sellerId?: string;
  host?: string;
  tag?: string;
  /** Session start dates, inclusive. */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export interface ReviewList {
  total: number;
  rows: ReviewListRow[];
}

/** Reviews across sessions, newest first, filtered and paged in SQL. */
export async function listReviews(executor: Executor, filters: ReviewFilters = {}): Promise<ReviewList> {
  const { timezone } = await getSettings(executor);
  const where: Sql[] = [sql`true`];
  if (filters.livestreamId) where.push(sql`r.livestream_id = ${filters.livestreamId}`);
  if (filters.reviewer) where.push(sql`r.reviewer = ${filters.reviewer}`);
  if (filters.sellerId) where.push(sql`l.seller_id = ${filters.sellerId}`);
  if (filters.host) where.push(sql`l.host = ${filters.host}`);
  if (filters.tag) where.push(sql`list_contains(r.tags, ${filters.tag})`);
  if (filters.from) where.push(sql`l.start_date >= CAST(${filters.from} AS DATE)`);
  if (filters.to) where.push(sql`l.start_date <= CAST(${filters.to} AS DATE)`);
  const limit = Math.min(500, Math.max(1, Math.trunc(filters.limit ?? 50)));
  const offset = Math.max(0, Math.trunc(filters.offset ?? 0));
  const rows = await executor.query<ReviewRow & { title: string | null; seller_id: string; seller_name: string; host: string | null; start_date: string; started_local: string; total: number }>(sql`
    SELECT ${REVIEW_COLUMNS}, l.title, l.seller_id, s.name AS seller_name, l.host, CAST(l.start_date AS VARCHAR) AS start_date,
      ${localStart(timezone)} AS started_local, count(*) OVER () AS total
    FROM ${REVIEW_FROM} JOIN livestreams l ON l.id = r.livestream_id JOIN sellers s ON s.id = l.seller_id
    WHERE ${sql.join(where, ' AND ')}
    ORDER BY r.updated_at DESC, r.id DESC ${executor.dialect.limit(limit, offset)}`);
  return {
    total: rows[0]?.total ?? 0,
    rows: rows.map((r) => ({
      ...toReview(r),
      title: r.title,
      sellerId: r.seller_id,
      sellerName: r.seller_name,
      host: r.host,
      startDate: r.start_date,
      startedLocal: r.started_local,
    })),
  };
}

export interface CriterionAgreement {
  key: string;
  label: string;
  /** Reviewers who scored this criterion. */
  reviewers: number;
  min: number;
  max: number;
  spread: number;
  /** Two reviewers differ by DISAGREE_POINTS or more. */
  flagged: boolean;
  levels: { reviewer: string; level: number }[];
}

export interface Agreement {
  reviewers: number;
  /** Largest spread over the criteria, null with fewer than two reviewers. */
  maxSpread: number | null;
  flagged: boolean;
  criteria: CriterionAgreement[];
}

/** How far the reviewers of one session agree, criterion by criterion (criteria in the rubric's order). */
export async function sessionAgreement(executor: Executor, livestreamId: string): Promise<Agreement> {
  const rows = await executor.query<{ key: string; label: string; reviewers: number; min: number; max: number; levels: { reviewer: string; level: number }[] }>(sql`
    SELECT key, any_value(label) AS label, CAST(count(*) AS INTEGER) AS reviewers, min(level) AS min, max(level) AS max,
      list({'reviewer': reviewer, 'level': level} ORDER BY reviewer) AS levels
    FROM ${reviewLevelsSql} v WHERE v.livestream_id = ${livestreamId}
    GROUP BY key ORDER BY min(position), key`);
  const reviewers = Math.max(0, ...rows.map((r) => r.reviewers));
  const criteria = rows.map((r) => ({
    key: r.key,
    label: r.label,
    reviewers: r.reviewers,
    min: r.min,
    max: r.max,
    spread: r.max - r.min,
    flagged: r.reviewers >= 2 && r.max - r.min >= DISAGREE_POINTS,
    levels: r.levels.map((l) => ({ reviewer: l.reviewer, level: l.level })),
  }));
  const multi = criteria.filter((c) => c.reviewers >= 2);
  return {
    reviewers,
    maxSpread: multi.length === 0 ? null : Math.max(...multi.map((c) => c.spread)),
    flagged: criteria.some((c) => c.flagged),
    criteria,
  };
}

export interface ReviewInput {
  scores: Record<string, unknown>;
  notes?: string | null;
  tags?: string[];
}

async function requireSession(executor: Executor, livestreamId: string): Promise<void> {
  const [row] = await executor.query(sql`SELECT 1 AS found FROM livestreams WHERE id = ${livestreamId}`);
  if (!row) throw new UserError(`no livestream with id ${livestreamId}`, { code: 'not_found', hint: 'pick a session from the Livestreams list' });
}

function cleanNotes(notes: string | null | undefined): string | null {
  const text = notes?.trim() ?? '';
  if (text.length > MAX_REVIEW_NOTES) {
    throw new UserError(`the notes are longer than ${MAX_REVIEW_NOTES.toLocaleString('en-US')} characters`, { hint: 'shorten them', details: { field: 'notes' } });
  }
  return text || null;
}

/**
 * Creates the actor's review of a session, or updates it when they already reviewed it. Returns
 * the review and whether it was created.
 */
export async function saveReview(db: Database, actor: Actor, livestreamId: string, input: ReviewInput): Promise<{ review: Review; created: boolean }> {
  const tags = validateTags(input.tags ?? []);
  const notes = cleanNotes(input.notes);
  return db.transaction(async (tx) => {
    await requireSession(tx, livestreamId);
    const [existing] = await reviewsWhere(tx, sql`r.livestream_id = ${livestreamId} AND r.reviewer = ${actor.label}`);
    const rubric = existing ? await getRubric(tx, existing.rubricId) : await getActiveRubric(tx);
    const scores = validateScores(rubric.criteria, input.scores);
    const scoresJson = JSON.stringify(scores);
    let id: number;
    if (existing) {
      await tx.run(sql`UPDATE livestream_reviews SET scores = CAST(${scoresJson} AS JSON), notes = ${notes},
        tags = CAST(${JSON.stringify(tags)} AS VARCHAR[]), updated_at = current_timestamp WHERE id = ${existing.id}`);
      id = existing.id;
    } else {
      const [row] = await tx.query<{ id: number }>(sql`
        INSERT INTO livestream_reviews (livestream_id, rubric_id, reviewer, scores, notes, tags)
        VALUES (${livestreamId}, ${rubric.id}, ${actor.label}, CAST(${scoresJson} AS JSON), ${notes}, CAST(${JSON.stringify(tags)} AS VARCHAR[]))
        RETURNING id`);
      if (!row) throw new Error('insert returned no review');
      id = row.id;
    }
    const review = await getReview(tx, id);
    const snapshot = (r: Review) => ({ livestreamId, rubricVersion: r.rubricVersion, scores: r.scores, notes: r.notes, tags: r.tags });
    await writeAudit(tx, actor, {
      action: existing ? 'update' : 'create',
      entity: 'livestream_review',
      entityId: id,
      before: existing ? snapshot(existing) : undefined,
      after: snapshot(review),
    });
    return { review, created: !existing };
  });
}

/** Deletes a review: its reviewer may, and a manager may delete anyone's. */
export async function deleteReview(db: Database, actor: Actor, reviewId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const review = await getReview(tx, reviewId);
    if (review.reviewer !== actor.label && !can(actor.role, 'manage')) {
      throw new UserError('only its reviewer or a manager can delete this review', { code: 'refused', hint: `ask ${review.reviewer} or a manager` });
    }
    await tx.run(sql`DELETE FROM livestream_reviews WHERE id = ${reviewId}`);
    await writeAudit(tx, actor, { action: 'delete', entity: 'livestream_review', entityId: reviewId, before: review });
  });
}

/** A session's reviews (oldest first). */
export function reviewsOfSession(executor: Executor, livestreamId: string): Promise<Review[]> {
  return reviewsWhere(executor, sql`r.livestream_id = ${livestreamId}`);
}

/**
 * A stamp that changes whenever a review is saved, edited or deleted — with the dashboards' data
 * version (kpis/data-version.ts), what a cached session page depends on.
 */
export function reviewsVersion(executor: Executor): Promise<string> {
  return oncePerWrite(executor, 'reviews', async (on) => {
    const [row] = await on.query<{ stamp: string }>(sql`
      SELECT concat_ws('|', count(*), max(id), CAST(max(updated_at) AS VARCHAR)) AS stamp FROM livestream_reviews`);
    return row?.stamp ?? '';
  });
}
