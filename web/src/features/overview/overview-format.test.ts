import { describe, expect, it } from 'vitest';
import {
  changeArrow,
  changeTone,
  formatChangeShort,
  formatDay,
  formatHeadlineChange,
  formatMoneyAxis,
  formatMoneyWhole,
  formatMoverRatio,
  formatPeriodComparison,
  formatRange,
  formatShort,
} from './overview-format';

describe('formatShort', () => {
  it('writes large amounts compactly in the workspace currency and small ones exactly', () => {
    expect(formatShort(127648.82, 'money', 'USD')).toBe('$127.6K');
    expect(formatShort(1_234_567, 'money', 'USD')).toBe('$1.2M');
    expect(formatShort(10_000, 'money', 'USD')).toBe('$10K');
    expect(formatShort(9_999.5, 'money', 'USD')).toBe('$9,999.50');
    expect(formatShort(33.99, 'money', 'USD')).toBe('$33.99');
    expect(formatShort(1_234_567_890, 'money', 'IDR')).toBe('Rp\u00a01.2B');
  });

  it('keeps counts exact with separators, rates as percent, and missing as a dash (never 0)', () => {
    expect(formatShort(1234567, 'count', 'USD')).toBe('1,234,567');
    expect(formatShort(0.34635941, 'rate', 'USD')).toBe('34.6%');
    expect(formatShort(5025, 'duration', 'USD')).toBe('1h 23m');
    expect(formatShort(null, 'money', 'USD')).toBe('—');
    expect(formatShort(0, 'count', 'USD')).toBe('0');
  });
});

describe('money in columns and on axes', () => {
  it('writes whole units in lists and compact amounts on axes', () => {
    expect(formatMoneyWhole(44082.86, 'USD')).toBe('$44,083');
    expect(formatMoneyWhole(4211.1, 'USD', true)).toBe('+$4,211');
    expect(formatMoneyWhole(-1018.2, 'USD', true)).toBe('-$1,018');
    expect(formatMoneyWhole(null, 'USD')).toBe('—');
    expect(formatMoneyAxis(0, 'USD')).toBe('$0');
    expect(formatMoneyAxis(25_000, 'USD')).toBe('$25K');
  });
});

describe('changes', () => {
  it('writes absolute changes with their sign, compact for large amounts', () => {
    expect(formatChangeShort(-12180.67, 'money', 'USD')).toBe('-$12.2K');
    expect(formatChangeShort(3.67, 'money', 'USD')).toBe('+$3.67');
    expect(formatChangeShort(-857, 'count', 'USD')).toBe('-857');
    expect(formatChangeShort(0.078472, 'rate', 'USD')).toBe('+7.8 pp');
    expect(formatChangeShort(null, 'count', 'USD')).toBe('—');
  });

  it('headlines rates in points, others relative, and absolute when there was nothing before', () => {
    expect(formatHeadlineChange(-12180.67, -0.087111, 'money', 'USD')).toBe('-8.7%');
    expect(formatHeadlineChange(0.078472, 0.292927, 'rate', 'USD')).toBe('+7.8 pp');
    expect(formatHeadlineChange(5237.35, null, 'money', 'USD')).toBe('+$5,237.35');
    expect(formatHeadlineChange(null, null, 'count', 'USD')).toBe('—');
    expect(formatHeadlineChange(0, 0, 'count', 'USD')).toBe('0.0%');
  });

  it('calls a mover with nothing before "new"', () => {
    expect(formatMoverRatio(null)).toBe('new');
    expect(formatMoverRatio(0.434471)).toBe('+43.4%');
  });

  it('colours a change by what is good for the metric, not by its sign', () => {
    expect(changeTone(5, 'higher_is_better')).toBe('good');
    expect(changeTone(-5, 'higher_is_better')).toBe('bad');
    expect(changeTone(5, 'lower_is_better')).toBe('bad');
    expect(changeTone(-5, 'lower_is_better')).toBe('good');
    expect(changeTone(5, 'neutral')).toBe('neutral');
    expect(changeTone(0, 'higher_is_better')).toBe('neutral');
    expect(changeTone(null, 'higher_is_better')).toBe('none');
    expect(changeArrow(-1)).toBe('▼');
    expect(changeArrow(2)).toBe('▲');
    expect(changeArrow(0)).toBe('');
  });

});

describe('dates', () => {
  it('writes ranges as short as they can be read without doubt', () => {
    expect(formatDay('2026-11-03')).toBe('3 Nov 2026');
    expect(formatRange('2026-11-10', '2026-11-16')).toBe('10–16 Nov 2026');
    expect(formatRange('2026-10-27', '2026-11-23')).toBe('27 Oct – 23 Nov 2026');
    expect(formatRange('2025-12-29', '2026-01-04')).toBe('29 Dec 2025 – 4 Jan 2026');
    expect(formatRange('2026-11-23', '2026-11-23')).toBe('23 Nov 2026');
    expect(formatRange('2026-11-03', '2026-11-09', false)).toBe('3–9 Nov');
  });

  it('names the period and what it is compared with, dropping a repeated year', () => {
    const current = { from: '2026-11-10', to: '2026-11-16' };
    expect(formatPeriodComparison(current, { from: '2026-11-03', to: '2026-11-09' }, 'previous')).toBe(
      '10–16 Nov 2026 vs 3–9 Nov',
    );
    expect(formatPeriodComparison(current, { from: '2025-11-11', to: '2025-11-17' }, 'last_year')).toBe(
      '10–16 Nov 2026 vs 11–17 Nov 2025',
    );
    expect(formatPeriodComparison(current, current, 'target')).toBe('10–16 Nov 2026 vs target');
  });
});
