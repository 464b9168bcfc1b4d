// The review form's state: one level per criterion (empty until chosen), tags and notes, filled
// from the reviewer's own review when there is one. The weighted score shown while filling in is
// the server's formula (Σ weight × level / Σ weight, then (score − 1) / 4 × 100); the server
// recomputes it on save.
import type { Review, RubricCriterion } from './reviews-api';

export interface ReviewDraft {
  levels: Record<string, number | null>;
  tags: string[];
  notes: string;
}

export function initialDraft(criteria: readonly RubricCriterion[], own: Review | undefined): ReviewDraft {
  return {
    levels: Object.fromEntries(criteria.map((c) => [c.key, own?.scores[c.key] ?? null])),
    tags: own ? [...own.tags] : [],
    notes: own?.notes ?? '',
  };
}

/** Criteria still without a level, by label. */
export function missingCriteria(criteria: readonly RubricCriterion[], draft: ReviewDraft): string[] {
  return criteria.filter((c) => draft.levels[c.key] === null || draft.levels[c.key] === undefined).map((c) => c.label);
}

/** The weighted score on 0–100 of a complete draft, null while a criterion is missing. */
export function draftScore100(criteria: readonly RubricCriterion[], draft: ReviewDraft): number | null {
  let sum = 0;
  let weights = 0;
  for (const c of criteria) {
    const level = draft.levels[c.key];
    if (level === null || level === undefined) return null;
    sum += c.weight * level;
    weights += c.weight;
  }
  if (weights === 0) return null;
  return Math.round(((sum / weights - 1) / 4) * 1000) / 10;
}

export function draftInput(draft: ReviewDraft): { scores: Record<string, number>; notes: string | null; tags: string[] } {
  const scores: Record<string, number> = {};
  for (const [key, level] of Object.entries(draft.levels)) if (level !== null) scores[key] = level;
  return { scores, notes: draft.notes.trim() || null, tags: draft.tags };
}

/** Reviewer e-mail → a short name for tight tables (`ann.lee@x.com` → `ann.lee`). */
export function shortReviewer(reviewer: string): string {
  const at = reviewer.indexOf('@');
  return at > 0 ? reviewer.slice(0, at) : reviewer;
}
