import { describe, expect, it } from 'vitest';
import { composeScope, fromInputValue, targetInputProblem, toInputValue } from './target-input';

describe('target form values', () => {
  it('types rates as percents without float noise', () => {
    expect(toInputValue(0.07, 'rate')).toBe(7);
    expect(fromInputValue(7, 'rate')).toBe(0.07);
    expect(fromInputValue(3.4, 'rate')).toBe(0.034);
    expect(toInputValue(250000, 'money')).toBe(250000);
  });

  it('composes scopes and checks typed values', () => {
    expect(composeScope('category', 'ignored')).toBe('category');
    expect(composeScope('seller', '  s1 ')).toBe('seller:s1');
    expect(composeScope('subcategory', ' ')).toBeNull();
    expect(targetInputProblem('', 'money')).toBe('Enter the target as a number.');
    expect(targetInputProblem(-1, 'count')).toBe('A target cannot be negative.');
    expect(targetInputProblem(140, 'rate', true)).toBe('This rate is a share of a whole: at most 100%.');
    // Likes can outnumber views: an engagement rate target above 100% is fine.
    expect(targetInputProblem(140, 'rate', false)).toBeNull();
    expect(targetInputProblem(140, 'count')).toBeNull();
  });
});
