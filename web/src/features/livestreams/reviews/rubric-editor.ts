// The rubric editor's state and checks, run before the server's own: weights as whole percent,
// keys made from labels for new criteria, and the first problem worded for the form.
import { LEVELS, type RubricCriterion } from './reviews-api';

export interface EditableCriterion extends RubricCriterion {
  /** Criteria of the current version keep their key (reviews across versions compare by it). */
  isNew: boolean;
}

export function toEditable(criteria: readonly RubricCriterion[]): EditableCriterion[] {
  return criteria.map((c) => ({ ...c, anchors: { ...c.anchors }, isNew: false }));
}

/** `Calls to action!` → `calls_to_action`. */
export function keyFromLabel(label: string): string {
  const key = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^[^a-z]+/, '')
    .slice(0, 40);
  return key || 'criterion';
}

export function weightSum(criteria: readonly RubricCriterion[]): number {
  return Math.round(criteria.reduce((sum, c) => sum + c.weight, 0) * 10_000) / 10_000;
}

/** The first thing to fix before saving, or null. */
export function rubricProblem(criteria: readonly EditableCriterion[]): string | null {
  if (criteria.length === 0) return 'Add at least one criterion.';
  const keys = new Set<string>();
  for (const c of criteria) {
    if (!c.label.trim()) return 'Every criterion needs a name.';
    if (keys.has(c.key)) return `Two criteria have the key ${c.key}; rename one.`;
    keys.add(c.key);
    if (!(c.weight > 0)) return `${c.label} needs a weight above 0%.`;
    const empty = LEVELS.find((l) => !c.anchors[l].trim());
    if (empty) return `${c.label} needs a description for level ${empty}.`;
  }
  const sum = weightSum(criteria);
  if (Math.abs(sum - 1) > 0.011) return `The weights add up to ${Math.round(sum * 1000) / 10}%, not 100%.`;
  return null;
}

export function toCriteria(criteria: readonly EditableCriterion[]): RubricCriterion[] {
  return criteria.map(({ key, label, weight, anchors }) => ({ key, label: label.trim(), weight, anchors }));
}
