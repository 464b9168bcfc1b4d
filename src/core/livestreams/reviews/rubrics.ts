/**
 * Rubric versions. A rubric is a list of criteria (key, label, weight, a written anchor for each
 * level 1–5); the workspace has one active version. A manager edits the rubric by saving a NEW
 * version — nothing is overwritten, and every review keeps the version it was scored on, so an old
 * review's score never changes when the rubric does. The weighted score of a review is
 * Σ weight × level / Σ weight (1–5), shown as 0–100 by (score − 1) / 4 × 100.
 */
import type { Actor } from '../../auth/actor.ts';
import { writeAudit } from '../../auth/audit-log.ts';
import type { Database, Executor } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { UserError } from '../../shared/errors.ts';
import { ensureDefaultRubric, type RubricCriterion, type RubricLevel } from '../default-rubric.ts';

export type { RubricCriterion, RubricLevel };
export const RUBRIC_LEVELS: readonly RubricLevel[] = ['1', '2', '3', '4', '5'];
export const MAX_CRITERIA = 15;
export const MAX_ANCHOR_LENGTH = 400;
/** Weights may sum to 1 within this (three criteria of 0.333 are fine). */
export const WEIGHT_TOLERANCE = 0.011;

export interface Rubric {
  id: number;
  version: number;
  criteria: RubricCriterion[];
  isActive: boolean;
  createdBy: string;
  createdAt: string;
  /** Reviews scored on this version. */
  reviews: number;
}

interface RubricRow {
  id: number;
  version: number;
  criteria: unknown;
  is_active: boolean;
  created_by: string;
  created_at: string;
  reviews: number;
}

function parseCriteria(value: unknown): RubricCriterion[] {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  if (!Array.isArray(parsed)) throw new Error('stored rubric criteria are not a JSON array');
  return parsed as RubricCriterion[];
}

const toRubric = (r: RubricRow): Rubric => ({
  id: r.id,
  version: r.version,
  criteria: parseCriteria(r.criteria),
  isActive: r.is_active,
  createdBy: r.created_by,
  createdAt: r.created_at,
  reviews: r.reviews,
});

const SELECT = sql`
  SELECT b.id, b.version, b.criteria, b.is_active, b.created_by, b.created_at,
    CAST((SELECT count(*) FROM livestream_reviews r WHERE r.rubric_id = b.id) AS INTEGER) AS reviews
  FROM rubrics b`;

/** Every version, newest first. */
export async function listRubricVersions(executor: Executor): Promise<Rubric[]> {
  return (await executor.query<RubricRow>(sql`${SELECT} ORDER BY b.version DESC`)).map(toRubric);
}

export async function getRubric(executor: Executor, id: number): Promise<Rubric> {
  const [row] = await executor.query<RubricRow>(sql`${SELECT} WHERE b.id = ${id}`);
  if (!row) throw new UserError(`no rubric with id ${id}`, { code: 'not_found', hint: 'list the rubric versions to pick one' });
  return toRubric(row);
}

/** The active rubric; a workspace without one gets the default rubric as version 1. */
export async function getActiveRubric(executor: Executor): Promise<Rubric> {
  const { rubricId } = await ensureDefaultRubric(executor, 'system');
  return getRubric(executor, rubricId);
}

const KEY = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * Checks an edited rubric and returns it cleaned (trimmed texts, weights rounded to 4 places).
 * Every problem names the criterion and the field, so the form can point at it.
 */
export function validateRubricCriteria(input: readonly unknown[]): RubricCriterion[] {
  const fail = (message: string, hint: string, field: string): never => {
    throw new UserError(message, { hint, details: { field } });
  };
  if (!Array.isArray(input) || input.length === 0) fail('a rubric needs at least one criterion', 'add the criteria reviewers score', 'criteria');
  if (input.length > MAX_CRITERIA) fail(`a rubric can have at most ${MAX_CRITERIA} criteria`, 'merge related criteria', 'criteria');
  const seen = new Set<string>();
  const criteria = input.map((raw, index): RubricCriterion => {
    const c = (raw ?? {}) as Partial<Record<keyof RubricCriterion, unknown>>;
    const where = `criterion ${index + 1}`;
    const key = typeof c.key === 'string' ? c.key.trim() : '';
    if (!KEY.test(key)) {
      fail(`${where} has the key "${key}"`, 'a key is lower-case letters, digits and _ starting with a letter (up to 40), e.g. host_delivery', `criteria.${index}.key`);
    }
    if (seen.has(key)) fail(`the key "${key}" is used by two criteria`, 'give every criterion its own key', `criteria.${index}.key`);
    seen.add(key);
    const label = typeof c.label === 'string' ? c.label.trim() : '';
    if (!label || label.length > 80) fail(`${where} (${key}) needs a label of 1 to 80 characters`, 'name the criterion as reviewers will read it', `criteria.${index}.label`);
    const weight = c.weight;
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0 || weight > 1) {
      fail(`${where} (${key}) has the weight ${String(weight)}`, 'a weight is a share of the score above 0 and at most 1, e.g. 0.15', `criteria.${index}.weight`);
    }
    const anchorsIn = (c.anchors ?? {}) as Record<string, unknown>;
    const anchors = {} as Record<RubricLevel, string>;
    for (const level of RUBRIC_LEVELS) {
      const text = typeof anchorsIn[level] === 'string' ? anchorsIn[level].trim() : '';
      if (!text) fail(`${where} (${key}) has no anchor for level ${level}`, 'describe what a session scoring this level looks like', `criteria.${index}.anchors.${level}`);
      if (text.length > MAX_ANCHOR_LENGTH) {
        fail(`the level ${level} anchor of ${key} is longer than ${MAX_ANCHOR_LENGTH} characters`, 'shorten it to a sentence or two', `criteria.${index}.anchors.${level}`);
      }
      anchors[level] = text;
    }
    return { key, label, weight: Math.round((weight as number) * 10_000) / 10_000, anchors };
  });
  const sum = criteria.reduce((total, c) => total + c.weight, 0);
  if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) {
    fail(`the weights sum to ${Math.round(sum * 1000) / 1000}, not 1`, 'adjust the weights so they add up to 1 (100%)', 'criteria');
  }
  return criteria;
}

/** Saves the criteria as the next version and makes it active; earlier versions stay as they are. */
export async function saveRubricVersion(db: Database, actor: Actor, input: readonly unknown[]): Promise<Rubric> {
  const criteria = validateRubricCriteria(input);
  return db.transaction(async (tx) => {
    const previous = await getActiveRubric(tx);
    await tx.run(sql`UPDATE rubrics SET is_active = false WHERE is_active`);
    const [row] = await tx.query<{ id: number }>(sql`
      INSERT INTO rubrics (version, criteria, is_active, created_by)
      SELECT coalesce(max(version), 0) + 1, CAST(${JSON.stringify(criteria)} AS JSON), true, ${actor.label} FROM rubrics
      RETURNING id`);
    if (!row) throw new Error('insert returned no rubric');
    const saved = await getRubric(tx, row.id);
    await writeAudit(tx, actor, {
      action: 'create',
      entity: 'rubric',
      entityId: saved.id,
      before: { version: previous.version, criteria: previous.criteria },
      after: { version: saved.version, criteria },
    });
    return saved;
  });
}

export interface WeightedScore {
  /** Σ weight × level / Σ weight, 1–5, two decimals. */
  score: number;
  /** The same on 0–100: (score − 1) / 4 × 100, one decimal. */
  score100: number;
}

export const toScore100 = (score: number): number => Math.round(((score - 1) / 4) * 1000) / 10;

/** The weighted score of complete scores (validated first) on a rubric's criteria. */
export function weightedScore(criteria: readonly RubricCriterion[], scores: Record<string, number>): WeightedScore {
  let sum = 0;
  let weights = 0;
  for (const c of criteria) {
    const level = scores[c.key];
    if (level === undefined) throw new Error(`no score for ${c.key}`);
    sum += c.weight * level;
    weights += c.weight;
  }
  const raw = sum / weights;
  return { score: Math.round(raw * 100) / 100, score100: toScore100(raw) };
}

/** Scores must be integers 1–5 for every criterion of the rubric, and nothing else. */
export function validateScores(criteria: readonly RubricCriterion[], scores: Record<string, unknown>): Record<string, number> {
  const keys = criteria.map((c) => c.key);
  const extra = Object.keys(scores).filter((k) => !keys.includes(k));
  if (extra.length > 0) {
    throw new UserError(`the rubric has no criterion ${extra.join(', ')}`, { hint: `score exactly these criteria: ${keys.join(', ')}`, details: { field: `scores.${extra[0]}` } });
  }
  const missing = keys.filter((k) => scores[k] === undefined || scores[k] === null);
  if (missing.length > 0) {
    const labels = criteria.filter((c) => missing.includes(c.key)).map((c) => c.label);
    throw new UserError(`no score for ${labels.join(', ')}`, { hint: 'score every criterion from 1 to 5', details: { field: `scores.${missing[0]}` } });
  }
  const clean: Record<string, number> = {};
  for (const c of criteria) {
    const value = scores[c.key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5) {
      throw new UserError(`the score for ${c.label} is ${String(value)}, not a whole number from 1 to 5`, { hint: 'score every criterion 1, 2, 3, 4 or 5', details: { field: `scores.${c.key}`, value: String(value) } });
    }
    clean[c.key] = value;
  }
  return clean;
}
