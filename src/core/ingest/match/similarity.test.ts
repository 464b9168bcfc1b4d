import { describe, expect, it } from 'vitest';
import { editSimilarity, levenshtein, wordOverlap } from './similarity.ts';

describe('similarity', () => {
  it('counts edits', () => {
    expect(levenshtein('viewers', 'viewrs')).toBe(1);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('观看人数', '观看人次')).toBe(1);
  });

  it('normalises the edit distance by the longer string', () => {
    expect(editSimilarity('viewers', 'viewrs')).toBeCloseTo(6 / 7);
    expect(editSimilarity('', '')).toBe(1);
  });

  it('scores word overlap', () => {
    expect(wordOverlap(['likes', 'count'], ['like', 'count'])).toBe(0.5);
    expect(wordOverlap(['product', 'impressions', 'total'], ['product', 'impressions'])).toBe(0.8);
    expect(wordOverlap([], [])).toBe(0);
  });
});
