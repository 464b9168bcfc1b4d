import { describe, expect, it } from 'vitest';
import type { Contribution } from './alert-types.ts';
import { buildExplanation, changePhrase, driverClause, formatMetricValue } from './explain-alert.ts';
import type { DriverRow } from './drivers.sql.ts';

const seller = (key: string, name: string, sub: string, observed: number, baseline: number): DriverRow => ({
  kind: 'seller', key, name, subcategory_id: sub.toLowerCase(), subcategory_name: sub, observed, baseline,
});
const subcategory = (name: string, observed: number, baseline: number): DriverRow => ({
  kind: 'subcategory', key: name.toLowerCase(), name, subcategory_id: name.toLowerCase(), subcategory_name: name, observed, baseline,
});

const base = {
  label: 'GMV', format: 'money' as const, currency: 'USD', scopeLabel: null, splitBySubcategory: true,
  comparedWith: 'the usual Tuesday', basis: 'median', observedDays: ['2026-11-17'], baselineDays: ['2026-11-10', '2026-11-03'],
  campaignDaysLeftOut: [], movements: [],
};

describe('buildExplanation', () => {
  it('splits the change so that subcategories, and listed sellers plus the rest, add up to it', () => {
    const explanation = buildExplanation({
      ...base,
      observed: 820,
      expected: 1000,
      drivers: [
        subcategory('Kitchen', 400, 540), subcategory('Bath', 420, 460),
        seller('a', 'Alpha', 'Kitchen', 100, 160), seller('b', 'Beta', 'Kitchen', 50, 90), seller('c', 'Gamma', 'Kitchen', 30, 60),
      ],
    });
    expect(explanation.change).toBe(-180);
    expect(explanation.changeRatio).toBe(-0.18);
    expect(explanation.subcategories.map((s) => [s.name, s.contribution])).toEqual([['Kitchen', -140], ['Bath', -40]]);
    expect(explanation.subcategories.reduce((sum, s) => sum + s.contribution, 0)).toBe(explanation.change);
    expect(explanation.sellers.reduce((sum, s) => sum + s.contribution, 0) + (explanation.otherSellers ?? 0)).toBe(explanation.change);
    expect(explanation.sentence).toBe('GMV −18% vs the usual Tuesday; 72% of the drop comes from 3 sellers in Kitchen: Alpha, Beta, Gamma.');
  });

  it('names a rate in points with its numerator and denominator movement', () => {
    const explanation = buildExplanation({
      ...base, label: 'Live GMV share', format: 'rate', scopeLabel: 'Home Decor', splitBySubcategory: false, observed: 0.12, expected: 0.18, drivers: [],
      movements: [
        { metric: 'live_gmv', label: 'Live GMV', format: 'money', observed: 65, baseline: 100, changeRatio: -0.35 },
        { metric: 'gmv', label: 'GMV', format: 'money', observed: 540, baseline: 551, changeRatio: -0.02 },
      ],
    });
    expect(explanation.sentence).toBe('Home Decor: Live GMV share 12.0%, −6.0 pts vs the usual Tuesday (18.0%); live GMV −35%, GMV −2%.');
  });
});

describe('driverClause', () => {
  const c = (name: string, share: number, sub = 'Kitchen'): Contribution => ({ key: name, name, subcategory: { id: sub, name: sub }, observed: 0, baseline: 0, contribution: -share, shareOfChange: share });
  it('names sellers from different subcategories with theirs, and falls back to the subcategory that carries a spread drop', () => {
    expect(driverClause(-1, [c('A', 0.4, 'Kitchen'), c('B', 0.3, 'Bath')], [], true)).toBe('70% of the drop comes from 2 sellers: A (Kitchen), B (Bath)');
    expect(driverClause(-1, [c('A', 0.1), c('B', 0.1), c('C', 0.1)], [{ ...c('Kitchen', 0.8), subcategory: null }], true)).toBe('Kitchen accounts for 80% of the drop');
    expect(driverClause(-1, [c('A', 0.45), c('B', 0.3), c('C', 0.05)], [], true)).toBe('75% of the drop comes from 2 sellers in Kitchen: A, B');
    expect(driverClause(1, [c('A', 1.2)], [], false)).toBe('all of the rise comes from A');
  });
});

describe('formatting', () => {
  it('writes changes and values for a sentence', () => {
    expect(changePhrase(0.171, 0.215, 'rate')).toBe('−4.4 pts');
    expect(changePhrase(120, 100, 'count')).toBe('+20%');
    expect(formatMetricValue(1234.5, 'money', 'IDR')).toBe('IDR\u00a01,235');
    expect(formatMetricValue(0.2, 'rate', 'USD')).toBe('20.0%');
  });
});
