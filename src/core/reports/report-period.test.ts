import { describe, expect, it } from 'vitest';
import { isoWeekLabel, latestCompletePeriod, parseReportPeriod, previousPeriod } from './report-period.ts';

describe('report periods', () => {
  it('reads ISO weeks and months, across year ends', () => {
    expect(parseReportPeriod('weekly', '2026-W47').range).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(parseReportPeriod('weekly', '2026-W01').range).toEqual({ from: '2025-12-29', to: '2026-01-04' });
    expect(parseReportPeriod('weekly', '2026-W53').range).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(parseReportPeriod('monthly', '2026-02').range).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(isoWeekLabel('2027-01-01')).toBe('2026-W53');
  });

  it('refuses what is not a period, saying how to write one', () => {
    expect(() => parseReportPeriod('weekly', '2025-W53')).toThrow(/2025 has no week 53/);
    expect(() => parseReportPeriod('weekly', '2026-11')).toThrow(expect.objectContaining({ message: '"2026-11" is not a week', hint: 'write a weekly period as an ISO week, e.g. 2026-W47' }));
    expect(() => parseReportPeriod('monthly', '2026-13')).toThrow(expect.objectContaining({ hint: 'write a monthly period as YYYY-MM, e.g. 2026-11' }));
  });

  it('defaults to the latest complete period and steps back one', () => {
    expect(latestCompletePeriod('weekly', '2026-11-24').label).toBe('2026-W47');
    expect(latestCompletePeriod('weekly', '2026-11-22').label).toBe('2026-W47');
    expect(latestCompletePeriod('monthly', '2026-11-24').label).toBe('2026-10');
    expect(latestCompletePeriod('monthly', '2026-11-30').label).toBe('2026-11');
    expect(previousPeriod(parseReportPeriod('weekly', '2026-W01')).label).toBe('2025-W52');
  });
});
