/**
 * Reporting periods and the periods they are compared with. A period is an inclusive range of
 * local dates. Presets end on the latest day with data (exports arrive late); "week" and "month"
 * are the calendar week (ISO, Monday start) and month containing that day, to date.
 *
 * Comparisons are like for like:
 * - previous: the span of the same length just before — the previous N whole months when the
 *   range is whole months (Nov 1–30 → Oct 1–31), else the previous N days; per period row, the
 *   previous period of the grain (week → the week before).
 * - last_year: the same calendar dates a year earlier for whole months (and month, quarter or
 *   year rows); otherwise 52 weeks (364 days) earlier, so weekdays line up (a Saturday is compared
 *   with a Saturday, not with a Friday).
 */
import type { Grain } from '../db/dialect/index.ts';
import { addDays, daysBetween, isIsoDate } from '../shared/dates.ts';
import { UserError } from '../shared/errors.ts';

export interface DateRange {
  from: string;
  to: string;
}

export const PERIOD_PRESETS = ['yesterday', 'last_7_days', 'last_28_days', 'week', 'month', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const COMPARISONS = ['previous', 'last_year', 'target'] as const;
export type Comparison = (typeof COMPARISONS)[number];
/** Comparisons that read the same metrics over another date range. */
export type ShiftComparison = Exclude<Comparison, 'target'>;

/** Adds months to a date, keeping the day but clamping it to the month's last day (Mar 31 − 1 month = Feb 28). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const d = new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay)));
  return d.toISOString().slice(0, 10);
}

export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function monthEnd(date: string): string {
  return addDays(addMonths(monthStart(date), 1), -1);
}

/** Monday of the ISO week containing the date. */
export function weekStart(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/** Whole calendar months covered by the range, or null when it does not start on a 1st and end on a month's last day. */
export function wholeMonths(range: DateRange): number | null {
  if (!range.from.endsWith('-01') || range.to !== monthEnd(range.to)) return null;
  const [fy, fm] = range.from.split('-').map(Number) as [number, number];
  const [ty, tm] = range.to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}

export function rangeDays(range: DateRange): number {
  return daysBetween(range.from, range.to) + 1;
}

/** The range a preset stands for, ending on `asOf` (the latest day with data). */
export function resolvePeriod(preset: PeriodPreset, asOf: string, custom?: Partial<DateRange>): DateRange {
  switch (preset) {
    case 'yesterday':
      return { from: asOf, to: asOf };
    case 'last_7_days':
      return { from: addDays(asOf, -6), to: asOf };
    case 'last_28_days':
      return { from: addDays(asOf, -27), to: asOf };
    case 'week':
      return { from: weekStart(asOf), to: asOf };
    case 'month':
      return { from: monthStart(asOf), to: asOf };
    case 'custom': {
      const from = custom?.from;
      const to = custom?.to;
      if (!from || !to || !isIsoDate(from) || !isIsoDate(to)) {
        throw new UserError('a custom period needs from and to as dates YYYY-MM-DD');
      }
      if (from > to) throw new UserError(`the period starts (${from}) after it ends (${to})`);
      if (rangeDays({ from, to }) > 800) throw new UserError('a custom period can span at most 800 days');
      return { from, to };
    }
    default: {
      const unknown: never = preset;
      throw new UserError(`unknown period "${String(unknown)}"`, { hint: `valid periods: ${PERIOD_PRESETS.join(', ')}` });
    }
  }
}

/**
 * Shifts a date to its counterpart in the comparison period. With a grain, `date` is a period row's
 * first day and the shift is one period of that grain (previous) or one year (last_year).
 */
export function shiftDate(date: string, comparison: ShiftComparison, shape: { grain: Grain | null; range: DateRange }): string {
  const { grain, range } = shape;
  if (comparison === 'last_year') {
    const calendar = grain === 'month' || grain === 'quarter' || grain === 'year' || (grain === null && wholeMonths(range) !== null);
    return calendar ? addMonths(date, -12) : addDays(date, -364);
  }
  switch (grain) {
    case 'day':
      return addDays(date, -1);
    case 'week':
      return addDays(date, -7);
    case 'month':
      return addMonths(date, -1);
    case 'quarter':
      return addMonths(date, -3);
    case 'year':
      return addMonths(date, -12);
    case null: {
      const months = wholeMonths(range);
      return months !== null ? addMonths(date, -months) : addDays(date, -rangeDays(range));
    }
    default: {
      const unknown: never = grain;
      throw new Error(`unknown grain ${String(unknown)}`);
    }
  }
}

/** The date range a comparison reads. Whole-month ranges keep whole months (Oct 1–31, not Oct 2–31). */
export function comparisonRange(range: DateRange, comparison: ShiftComparison, grain: Grain | null): DateRange {
  const shape = { grain, range };
  const from = shiftDate(range.from, comparison, shape);
  if (grain === null && wholeMonths(range) !== null) return { from, to: monthEnd(shiftDate(range.to, comparison, shape)) };
  return { from, to: shiftDate(range.to, comparison, shape) };
}

/**
 * The comparison range of a preset period. To-date presets compare with the same days of the
 * previous calendar period: week-to-date Mon–Wed with last week's Mon–Wed, month-to-date Nov 1–23
 * with Oct 1–23 (not with the 23 days just before); the rest as `comparisonRange`.
 */
export function presetComparisonRange(preset: PeriodPreset, range: DateRange, comparison: ShiftComparison): DateRange {
  if (comparison === 'previous' && preset === 'week') return { from: addDays(range.from, -7), to: addDays(range.to, -7) };
  if (preset === 'month' && wholeMonths(range) === null) {
    const months = comparison === 'previous' ? -1 : -12;
    return { from: addMonths(range.from, months), to: addMonths(range.to, months) };
  }
  return comparisonRange(range, comparison, null);
}

/** The dates a period row covers within the requested range. */
export function periodRowRange(periodStart: string, grain: Grain, range: DateRange): DateRange {
  const end = (() => {
    switch (grain) {
      case 'day':
        return periodStart;
      case 'week':
        return addDays(periodStart, 6);
      case 'month':
        return addDays(addMonths(periodStart, 1), -1);
      case 'quarter':
        return addDays(addMonths(periodStart, 3), -1);
      case 'year':
        return addDays(addMonths(periodStart, 12), -1);
      default: {
        const unknown: never = grain;
        throw new Error(`unknown grain ${String(unknown)}`);
      }
    }
  })();
  return { from: periodStart < range.from ? range.from : periodStart, to: end > range.to ? range.to : end };
}
