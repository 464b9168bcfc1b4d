import { describe, expect, it } from 'vitest';
import {
  breakdownExportPath,
  customRangeProblem,
  daysOf,
  DEFAULT_VIEW,
  isCalendarDate,
  overviewApiPath,
  readOverviewView,
  writeOverviewView,
  type OverviewView,
} from './overview-view';

const read = (query: string) => readOverviewView(new URLSearchParams(query));

describe('readOverviewView', () => {
  it('gives the default view for an empty or unknown query', () => {
    expect(read('')).toEqual(DEFAULT_VIEW);
    expect(read('period=fortnight&compare=tomorrow')).toEqual(DEFAULT_VIEW);
  });

  it('reads a preset and a comparison, ignoring dates outside a custom period', () => {
    expect(read('period=last_28_days&compare=last_year&from=2026-01-01')).toEqual({
      period: 'last_28_days',
      compare: 'last_year',
      from: null,
      to: null,
    });
  });

  it('reads the dates of a custom period as written', () => {
    expect(read('period=custom&from=2026-11-01&to=2026-11-10&compare=target')).toEqual({
      period: 'custom',
      compare: 'target',
      from: '2026-11-01',
      to: '2026-11-10',
    });
  });
});

describe('writeOverviewView', () => {
  it('leaves defaults out and keeps unrelated parameters', () => {
    const next = writeOverviewView(new URLSearchParams('tab=x&period=month&from=2026-01-01'), DEFAULT_VIEW);
    expect(next.toString()).toBe('tab=x');
  });

  it('writes what differs from the default, and dates only for a custom period', () => {
    const month: OverviewView = {
      period: 'month',
      compare: 'last_year',
      from: '2026-01-01',
      to: '2026-01-02',
    };
    expect(writeOverviewView(new URLSearchParams(), month).toString()).toBe('period=month&compare=last_year');
    const custom: OverviewView = {
      period: 'custom',
      compare: 'previous',
      from: '2026-11-01',
      to: '2026-11-10',
    };
    expect(writeOverviewView(new URLSearchParams(), custom).toString()).toBe(
      'period=custom&from=2026-11-01&to=2026-11-10',
    );
  });

  it('round-trips through the URL', () => {
    const view: OverviewView = { period: 'custom', compare: 'target', from: '2026-10-05', to: '2026-11-04' };
    expect(readOverviewView(writeOverviewView(new URLSearchParams(), view))).toEqual(view);
  });
});

describe('customRangeProblem', () => {
  const custom = (from: string | null, to: string | null): OverviewView => ({
    period: 'custom',
    compare: 'previous',
    from,
    to,
  });

  it('accepts presets and a well-formed custom range (one day included)', () => {
    expect(customRangeProblem(DEFAULT_VIEW)).toBeNull();
    expect(customRangeProblem(custom('2026-11-01', '2026-11-30'))).toBeNull();
    expect(customRangeProblem(custom('2026-11-01', '2026-11-01'))).toBeNull();
  });

  it('names what is wrong with a custom range', () => {
    expect(customRangeProblem(custom(null, '2026-11-01'))).toBe(
      'Choose the first and the last day of the period.',
    );
    expect(customRangeProblem(custom('2026-02-30', '2026-03-01'))).toBe(
      'The first day (2026-02-30) is not a date.',
    );
    expect(customRangeProblem(custom('2026-11-10', '2026-11-01'))).toBe(
      'The first day is after the last day.',
    );
  });
});

describe('isCalendarDate', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
    expect(isCalendarDate(null)).toBe(false);
  });
});

describe('API paths', () => {
  it('spell every parameter out for the API and the workbook', () => {
    expect(overviewApiPath(DEFAULT_VIEW)).toBe('/api/overview?period=last_7_days&compare=previous');
    const custom: OverviewView = {
      period: 'custom',
      compare: 'last_year',
      from: '2026-11-01',
      to: '2026-11-10',
    };
    expect(breakdownExportPath(custom)).toBe(
      '/api/overview/breakdown.xlsx?period=custom&from=2026-11-01&to=2026-11-10&compare=last_year',
    );
  });
});

describe('daysOf', () => {
  it('lists every day of a range, across a month end', () => {
    expect(daysOf('2026-10-30', '2026-11-02')).toEqual([
      '2026-10-30',
      '2026-10-31',
      '2026-11-01',
      '2026-11-02',
    ]);
    expect(daysOf('2026-11-23', '2026-11-23')).toEqual(['2026-11-23']);
  });
});
