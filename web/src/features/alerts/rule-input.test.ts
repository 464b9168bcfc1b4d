import { describe, expect, it } from 'vitest';
import { joinScope, ruleCondition, splitScope, thresholdFromInput, thresholdToInput } from './rule-input';

describe('alert rule form values', () => {
  it('types a rate threshold as a percent and stores a fraction', () => {
    expect(thresholdFromInput(20, 'rate')).toBe(0.2);
    expect(thresholdToInput(0.07, 'rate')).toBe(7);
    expect(thresholdFromInput(1300, 'money')).toBe(1300);
  });

  it('composes and splits scopes', () => {
    expect(joinScope('subcategory', ' home_decor ')).toBe('subcategory:home_decor');
    expect(joinScope('seller', '')).toBeNull();
    expect(joinScope('category', 'ignored')).toBe('category');
    expect(splitScope('seller_tier:S')).toEqual({ kind: 'seller_tier', id: 'S' });
    expect(splitScope('category')).toEqual({ kind: 'category', id: '' });
  });

  it('reads a rule as one line', () => {
    expect(ruleCondition({ comparator: '<', threshold: 0.2, grain: 'week', scopeLabel: 'Home Decor' }, { label: 'Live GMV share', format: 'rate' }, 'USD')).toBe(
      'Live GMV share of Home Decor below 20.0% per week',
    );
    expect(ruleCondition({ comparator: '>=', threshold: 5000, grain: 'day', scopeLabel: 'Whole category' }, { label: 'GMV', format: 'money' }, 'USD')).toBe(
      'GMV of the whole category at or above $5,000.00 per day',
    );
  });
});
