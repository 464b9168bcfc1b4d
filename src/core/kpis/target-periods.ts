/**
 * Target periods: a month `YYYY-MM` or an ISO week `YYYY-Www` (Monday start), and the inclusive
 * date range each covers. Kept apart from the SQL so validation, progress and the web agree with
 * `periodBoundsSql` on what a period means (a test checks both give the same dates).
 */
import { sql, type Sql } from '../db/sql.ts';
import { addDays, daysBetween } from '../shared/dates.ts';

export type PeriodKind = 'month' | 'week';

export interface PeriodRange {
  period: string;
  kind: PeriodKind;
  from: string;
  to: string;
  days: number;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const WEEK = /^(\d{4})-W(\d{2})$/;

/** Monday of ISO week 1 of `year`: the week that holds 4 January. */
function isoWeekOneMonday(year: number): string {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const isoDay = jan4.getUTCDay() === 0 ? 7 : jan4.getUTCDay();
  return addDays(`${String(year).padStart(4, '0')}-01-04`, 1 - isoDay);
}

/** The range of a period, or null when the text is not a real month or ISO week. */
export function parsePeriod(period: string): PeriodRange | null {
  const month = MONTH.exec(period);
  if (month) {
    const year = Number(month[1]);
    const m = Number(month[2]);
    const from = `${month[1]}-${month[2]}-01`;
    const to = new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
    return { period, kind: 'month', from, to, days: daysBetween(from, to) + 1 };
  }
  const week = WEEK.exec(period);
  if (week) {
    const year = Number(week[1]);
    const n = Number(week[2]);
    if (n < 1 || n > 53) return null;
    const from = addDays(isoWeekOneMonday(year), (n - 1) * 7);
    // Week 53 exists only in years whose week 53 still starts before next year's week 1.
    if (from >= isoWeekOneMonday(year + 1)) return null;
    return { period, kind: 'week', from, to: addDays(from, 6), days: 7 };
  }
  return null;
}

/** The ISO week (`YYYY-Www`) that holds a date. */
export function isoWeekOf(date: string): string {
  const year = Number(date.slice(0, 4));
  for (const y of [year + 1, year, year - 1]) {
    const monday = isoWeekOneMonday(y);
    if (date >= monday) return `${y}-W${String(Math.floor(daysBetween(monday, date) / 7) + 1).padStart(2, '0')}`;
  }
  throw new Error(`no ISO week for ${date}`);
}

/** The month (`YYYY-MM`) that holds a date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/**
 * SQL for the first and last day of a stored period column (already validated on write).
 * ISO week N starts (N − 1) weeks after the Monday on or before 4 January.
 */
export function periodBoundsSql(column: Sql): { start: Sql; end: Sql } {
  const jan4 = sql`make_date(CAST(substr(${column}, 1, 4) AS INTEGER), 1, 4)`;
  const offset = sql`CAST((CAST(substr(${column}, 7, 2) AS INTEGER) - 1) * 7 - (isodow(${jan4}) - 1) AS INTEGER)`;
  const weekStart = sql`(${jan4} + ${offset})`;
  const monthStart = sql`CAST(${column} || '-01' AS DATE)`;
  const start = sql`(CASE WHEN ${column} LIKE '%W%' THEN ${weekStart} ELSE ${monthStart} END)`;
  const end = sql`(CASE WHEN ${column} LIKE '%W%' THEN ${weekStart} + 6 ELSE CAST(${monthStart} + INTERVAL 1 MONTH AS DATE) - 1 END)`;
  return { start, end };
}
