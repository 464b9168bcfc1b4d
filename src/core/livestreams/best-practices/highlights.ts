/**
 * Ordering findings: tables by evidence, then size; the headline sentences are the largest
 * differences with enough evidence that say what the best *do*, one section at a time.
 */
import type { NumericFinding, ShareFinding } from './best-practices.ts';
import type { Strength } from './statistics.ts';

/** Findings shown as the headline of a comparison. */
export const HIGHLIGHTS = 5;

const STRENGTH_RANK: Record<Strength, number> = { strong: 2, moderate: 1, weak: 0 };
const effectOf = (f: NumericFinding | ShareFinding) => Math.abs('effect' in f ? f.effect : f.difference);
/** Strongest evidence first, then the larger difference. */
export const byEvidence = (a: NumericFinding | ShareFinding, b: NumericFinding | ShareFinding) =>
  STRENGTH_RANK[b.strength] - STRENGTH_RANK[a.strength] || effectOf(b) - effectOf(a);

/**
 * Whether a finding says something about what the best *do*: a difference of some size with at
 * least moderate evidence; for tags, a best practice the top quartile carries more often or an issue
 * it carries less often (workflow tags like "follow up" describe the review, not the session).
 */
function tellsAPractice(f: NumericFinding | ShareFinding): boolean {
  if (f.strength === 'weak' || f.size === 'negligible') return false;
  if ('effect' in f) return f.direction !== 'same';
  if (f.kind === 'start_hour') return f.difference > 0;
  if (f.tagKind === 'best_practice') return f.difference > 0;
  return f.tagKind === 'issue' && f.difference < 0;
}

/** Up to `HIGHLIGHTS` findings, largest first, taking one from each section in turn. */
export function pickHighlights(sections: (NumericFinding | ShareFinding)[][]): string[] {
  const queues = sections
    .map((findings) => findings.filter(tellsAPractice).sort((a, b) => effectOf(b) - effectOf(a)))
    .filter((q) => q.length > 0)
    .sort((a, b) => effectOf(b[0]!) - effectOf(a[0]!));
  const picked: string[] = [];
  for (let round = 0; picked.length < HIGHLIGHTS && queues.some((q) => q.length > round); round += 1) {
    for (const queue of queues) {
      const finding = queue[round];
      if (finding && picked.length < HIGHLIGHTS) picked.push(finding.sentence);
    }
  }
  return picked;
}
