import { describe, expect, it } from 'vitest';
import { draftInput, draftScore100, initialDraft, missingCriteria, shortReviewer } from './review-form';
import type { Review, RubricCriterion } from './reviews-api';

const anchors = { '1': 'a', '2': 'b', '3': 'c', '4': 'd', '5': 'e' };
const CRITERIA: RubricCriterion[] = [
  { key: 'host', label: 'Host', weight: 0.5, anchors },
  { key: 'demo', label: 'Demo', weight: 0.3, anchors },
  { key: 'light', label: 'Light', weight: 0.2, anchors },
];

describe('review form state', () => {
  it('starts empty, or from the reviewer’s own review', () => {
    const empty = initialDraft(CRITERIA, undefined);
    expect(empty).toEqual({ levels: { host: null, demo: null, light: null }, tags: [], notes: '' });
    expect(missingCriteria(CRITERIA, empty)).toEqual(['Host', 'Demo', 'Light']);
    const own = { scores: { host: 4, demo: 2, light: 5 }, tags: ['strong_hook'], notes: 'ok' } as unknown as Review;
    const filled = initialDraft(CRITERIA, own);
    expect(filled).toEqual({ levels: { host: 4, demo: 2, light: 5 }, tags: ['strong_hook'], notes: 'ok' });
    expect(missingCriteria(CRITERIA, filled)).toEqual([]);
  });

  it('scores a complete draft with the weights, as the server does', () => {
    const draft = initialDraft(CRITERIA, undefined);
    expect(draftScore100(CRITERIA, draft)).toBeNull();
    // 0.5 × 4 + 0.3 × 2 + 0.2 × 5 = 3.6 → (3.6 − 1) / 4 × 100 = 65
    const done = { ...draft, levels: { host: 4, demo: 2, light: 5 } };
    expect(draftScore100(CRITERIA, done)).toBe(65);
    expect(draftInput({ ...done, notes: '  ' })).toEqual({ scores: { host: 4, demo: 2, light: 5 }, notes: null, tags: [] });
  });

  it('shortens reviewer e-mails', () => {
    expect(shortReviewer('ann.lee@example.com')).toBe('ann.lee');
    expect(shortReviewer('Hannah Ong')).toBe('Hannah Ong');
  });
});
