import { describe, expect, it } from 'vitest';
import type { Opportunity, RuleInfo } from './opportunities-api';
import { addDays, decisionLine, evidenceItems, evidenceValue, upsideLabel } from './opportunity-format';

const rule: RuleInfo = {
  id: 'gmv_declining',
  title: 'GMV declining week after week',
  subject: 'seller',
  severity: 'high',
  reason: '',
  upside: '',
  tiers: null,
  thresholds: [],
  evidence: [
    { name: 'weeks', label: 'Weeks below', format: 'count' },
    { name: 'baseline', label: 'Usual weekly GMV', format: 'money' },
    { name: 'change', label: 'Change', format: 'percent' },
    { name: 'upside', label: 'Estimated upside per 4 weeks', format: 'money' },
  ],
};

const base = { evidence: { weeks: 3, baseline: 75_700.5, change: -0.74, upside: 223_000 }, decision: null, status: 'open' } as unknown as Opportunity;

describe('opportunity wording', () => {
  it('formats evidence by its declared format and leaves the upside to its own line', () => {
    expect(evidenceItems(base, rule, 'USD')).toEqual([
      { name: 'weeks', label: 'Weeks below', value: '3' },
      { name: 'baseline', label: 'Usual weekly GMV', value: '$75,700.50' },
      { name: 'change', label: 'Change', value: '-74.0%' },
    ]);
    expect(evidenceValue(950.5, 'money', 'USD')).toBe('$950.50');
    expect(evidenceValue('2026-11-02', 'date', 'USD')).toBe('Nov 2, 2026');
    expect(evidenceValue(null, 'count', 'USD')).toBe('—');
    expect(upsideLabel(223_000, 'IDR')).toBe('≈ IDR\u00a0223K');
    expect(upsideLabel(null, 'USD')).toBe('No money estimate');
  });

  it('says who dismissed or snoozed it and until when', () => {
    const decided = (status: 'open' | 'snoozed', d: Opportunity['decision']) => ({ ...base, status, decision: d }) as Opportunity;
    expect(decisionLine(decided('open', { status: 'dismissed', until: null, reason: 'Seasonal', by: 'ana@shop.test', at: '2026-11-24T10:00:00Z' }))).toBe('Dismissed by ana@shop.test on Nov 24, 2026: Seasonal');
    expect(decisionLine(decided('snoozed', { status: 'snoozed', until: '2026-12-08', reason: 'On leave', by: 'bo@shop.test', at: '2026-11-24T10:00:00Z' }))).toBe('Snoozed until Dec 8, 2026 by bo@shop.test: On leave');
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
  });
});
