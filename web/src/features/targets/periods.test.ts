import { describe, expect, it } from 'vitest';
import { isoWeekOf, periodLabel, periodStart, shiftPeriod, switchKind } from './periods';

describe('target periods in the browser', () => {
  it('steps months and ISO weeks across year ends', () => {
    expect(shiftPeriod('2026-12', 1)).toBe('2027-01');
    expect(shiftPeriod('2026-01', -1)).toBe('2025-12');
    expect(shiftPeriod('2026-W53', 1)).toBe('2027-W01');
    expect(shiftPeriod('2026-W01', -1)).toBe('2025-W52');
  });

  it('knows where ISO weeks start and switches between months and weeks', () => {
    expect(periodStart('2026-W01')).toBe('2025-12-29');
    expect(isoWeekOf('2027-01-03')).toBe('2026-W53');
    expect(switchKind('2026-11', 'week')).toBe('2026-W44'); // 1 Nov 2026 is a Sunday
    expect(switchKind('2026-W01', 'month')).toBe('2026-01'); // its Thursday is 1 Jan
    expect(switchKind('2026-11', 'month')).toBe('2026-11');
  });

  it('labels periods for people', () => {
    expect(periodLabel('2026-11')).toBe('November 2026');
    expect(periodLabel('2026-W47')).toBe('Week 47 · Nov 16 – Nov 22');
  });
});
