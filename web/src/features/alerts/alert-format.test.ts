import { describe, expect, it } from 'vitest';
import { changeLabel, periodLabel, statusDetail, valueLabel } from './alert-format';

describe('alert display', () => {
  it('names the period of a day, a run of days, a week and a month', () => {
    expect(periodLabel({ grain: 'day', period: '2026-11-12', periodFrom: '2026-11-12', periodTo: '2026-11-12' })).toBe('Nov 12, 2026');
    expect(periodLabel({ grain: 'day', period: '2026-11-12', periodFrom: '2026-11-12', periodTo: '2026-11-15' })).toBe('Nov 12 – Nov 15');
    expect(periodLabel({ grain: 'week', period: '2026-W46', periodFrom: '2026-11-09', periodTo: '2026-11-15' })).toBe('Week 46 · Nov 9 – Nov 15');
    expect(periodLabel({ grain: 'month', period: '2026-11', periodFrom: '2026-11-01', periodTo: '2026-11-30' })).toBe('November 2026');
  });

  it('says who acknowledged or resolved, and when the system cleared it', () => {
    expect(statusDetail({ status: 'acknowledged', acknowledgedBy: 'rina@shop.example', resolvedBy: null })).toBe('Acknowledged by rina@shop.example');
    expect(statusDetail({ status: 'resolved', acknowledgedBy: null, resolvedBy: 'system' })).toBe('Cleared by a later scan');
  });

  it('shows a rate’s change in points and an amount’s in percent, as the server measured it', () => {
    const explanation = { change: -0.043, changeRatio: -0.2 };
    expect(changeLabel({ format: 'rate', explanation: explanation as never }, 'USD')).toBe('-4.3 pp');
    expect(changeLabel({ format: 'money', explanation: explanation as never }, 'USD')).toBe('-20.0%');
    expect(changeLabel({ format: 'money', explanation: null }, 'USD')).toBe('—');
  });

  it('reads a count as a whole number and money in the workspace currency', () => {
    expect(valueLabel(117.43, { format: 'count' }, 'USD')).toBe('117');
    expect(valueLabel(1771.37, { format: 'money' }, 'USD')).toBe('$1,771.37');
    expect(valueLabel(null, { format: 'count' }, 'USD')).toBe('—');
  });
});
