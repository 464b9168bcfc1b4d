import { describe, expect, it } from 'vitest';
import { verdict, formatFindingValue, formatPoints, formatRelative, practicesQuery, readPracticesView, writePracticesView } from './best-practices-view';

describe('best practices view in the URL', () => {
  it('reads defaults and keeps the page’s other parameters when writing', () => {
    const params = new URLSearchParams('tab=best-practices&weeks=5&rankBy=likes');
    expect(readPracticesView(params)).toEqual({ subcategory: '', outcome: 'gpm', weeks: 8 });
    const next = writePracticesView(params, { subcategory: 'kitchen', outcome: 'gmv_per_live_hour', weeks: 12 });
    expect(next.toString()).toBe('tab=best-practices&weeks=12&rankBy=gmv_per_live_hour&practiceSub=kitchen');
    expect(writePracticesView(next, { subcategory: '', outcome: 'gpm', weeks: 8 }).toString()).toBe('tab=best-practices');
  });

  it('asks the server for its default 8 weeks, and for other lengths ending on the latest day with data', () => {
    expect(practicesQuery({ subcategory: '', outcome: 'gpm', weeks: 8 }, '2026-03-31')).toBe('');
    expect(practicesQuery({ subcategory: 'kitchen', outcome: 'gpm', weeks: 4 }, '2026-03-31')).toBe('subcategory=kitchen&from=2026-03-04&to=2026-03-31');
    // Before the first answer the latest day is unknown: the default range is asked for.
    expect(practicesQuery({ subcategory: '', outcome: 'gmv_per_live_hour', weeks: 4 }, null)).toBe('outcome=gmv_per_live_hour');
  });

  it('formats hours, rubric scores, changes and points', () => {
    expect(formatFindingValue(2.5, 'hours', 'USD')).toBe('2.5 h');
    expect(formatFindingValue(0.75, 'hours', 'USD')).toBe('45 min');
    expect(formatFindingValue(4.25, 'score', 'USD')).toBe('4.3 / 5');
    expect(formatFindingValue(0.034, 'rate', 'USD')).toBe('3.4%');
    expect(formatFindingValue(null, 'rate', 'USD')).toBe('—');
    expect([formatRelative(1.5), formatRelative(-0.123), formatRelative(null)]).toEqual(['+150%', '−12%', '—']);
    expect([formatPoints(0.667), formatPoints(-0.333)]).toEqual(['+67 pts', '−33 pts']);
  });
});

describe('verdict badge', () => {
  it('shows the size only with at least moderate evidence', () => {
    expect(verdict('large', 'weak').label).toBe('Uncertain');
    expect(verdict('large', 'moderate')).toEqual({ label: 'Large', color: 'teal', variant: 'light' });
    expect(verdict('negligible', 'strong').label).toBe('Negligible');
  });
});
