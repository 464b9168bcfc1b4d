/**
 * A report's period, named the way people say it: an ISO week `2026-W47` (Monday to Sunday) or a
 * month `2026-11`. Without a period the report covers the latest complete week or month of data,
 * so a report written on Wednesday is about last week, not about three days of this one.
 */
import { addDays } from '../shared/dates.ts';
import { UserError } from '../shared/errors.ts';
import { monthEnd, weekStart, type DateRange } from '../kpis/periods.ts';

export const REPORT_KINDS = ['weekly', 'monthly'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export interface ReportPeriod {
  kind: ReportKind;
  /** `2026-W47` or `2026-11`. */
  label: string;
  range: DateRange;
}

export function isReportKind(value: string): value is ReportKind {
  return (REPORT_KINDS as readonly string[]).includes(value);
}

/** Monday of ISO week 1 of a year: the week holding January 4th. */
function isoWeekOneMonday(year: number): string {
  return weekStart(`${year}-01-04`);
}

/** The ISO week label of a date (`2026-W47`). */
export function isoWeekLabel(date: string): string {
  const monday = weekStart(date);
  const thursday = addDays(monday, 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.round((Date.parse(`${monday}T00:00:00Z`) - Date.parse(`${isoWeekOneMonday(year)}T00:00:00Z`)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function periodOfDate(kind: ReportKind, date: string): ReportPeriod {
  if (kind === 'weekly') {
    const from = weekStart(date);
    return { kind, label: isoWeekLabel(date), range: { from, to: addDays(from, 6) } };
  }
  const from = `${date.slice(0, 7)}-01`;
  return { kind, label: date.slice(0, 7), range: { from, to: monthEnd(from) } };
}

export function parseReportPeriod(kind: ReportKind, text: string): ReportPeriod {
  const value = text.trim();
  if (kind === 'weekly') {
    const match = /^(\d{4})-W(\d{2})$/.exec(value);
    if (!match) throw new UserError(`"${text}" is not a week`, { hint: 'write a weekly period as an ISO week, e.g. 2026-W47' });
    const year = Number(match[1]);
    const week = Number(match[2]);
    const monday = addDays(isoWeekOneMonday(year), (week - 1) * 7);
    if (week < 1 || isoWeekLabel(monday) !== `${year}-W${match[2]}`) {
      throw new UserError(`${value} does not exist: ${year} has no week ${week}`, { hint: 'ISO weeks run from W01 to W52 (W53 in some years)' });
    }
    return { kind, label: value, range: { from: monday, to: addDays(monday, 6) } };
  }
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) {
    throw new UserError(`"${text}" is not a month`, { hint: 'write a monthly period as YYYY-MM, e.g. 2026-11' });
  }
  return periodOfDate(kind, `${value}-01`);
}

/** The latest complete week or month: the one ending on `asOf`, else the one before the period holding `asOf`. */
export function latestCompletePeriod(kind: ReportKind, asOf: string): ReportPeriod {
  const holding = periodOfDate(kind, asOf);
  if (holding.range.to === asOf) return holding;
  return periodOfDate(kind, addDays(holding.range.from, -1));
}

/** The period just before (the comparison of a report). */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  return periodOfDate(period.kind, addDays(period.range.from, -1));
}
