// Target periods in the browser: a month `YYYY-MM` or an ISO week `YYYY-Www` (Monday start), with
// stepping and labels for the period picker. Calendar arithmetic only, on UTC dates so the
// browser's time zone never shifts a day; which period holds data is the server's business.

export type PeriodKind = 'month' | 'week';

const MONTH = /^(\d{4})-(\d{2})$/;
const WEEK = /^(\d{4})-W(\d{2})$/;
const DAY_MS = 86_400_000;

function utc(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Monday of ISO week 1: the week holding 4 January. */
function weekOneMonday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const isoDay = new Date(jan4).getUTCDay() || 7;
  return jan4 - (isoDay - 1) * DAY_MS;
}

export function periodKind(period: string): PeriodKind {
  return WEEK.test(period) ? 'week' : 'month';
}

/** The ISO week holding a date. */
export function isoWeekOf(date: string): string {
  const ms = utc(date);
  const year = Number(date.slice(0, 4));
  for (const y of [year + 1, year, year - 1]) {
    const monday = weekOneMonday(y);
    if (ms >= monday) return `${y}-W${String(Math.floor((ms - monday) / (7 * DAY_MS)) + 1).padStart(2, '0')}`;
  }
  throw new Error(`no ISO week for ${date}`);
}

/** First day of a period. */
export function periodStart(period: string): string {
  const week = WEEK.exec(period);
  if (week) return iso(weekOneMonday(Number(week[1])) + (Number(week[2]) - 1) * 7 * DAY_MS);
  return `${period}-01`;
}

/** The period `steps` months or weeks away. */
export function shiftPeriod(period: string, steps: number): string {
  const month = MONTH.exec(period);
  if (month) {
    const d = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1 + steps, 1));
    return iso(d.getTime()).slice(0, 7);
  }
  return isoWeekOf(iso(utc(periodStart(period)) + steps * 7 * DAY_MS));
}

/** The same moment seen as the other kind: a month's first week, a week's month (by its Thursday). */
export function switchKind(period: string, kind: PeriodKind): string {
  if (periodKind(period) === kind) return period;
  if (kind === 'week') return isoWeekOf(periodStart(period));
  return iso(utc(periodStart(period)) + 3 * DAY_MS).slice(0, 7);
}

const monthLabel = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const dayLabel = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** `2026-11` → `November 2026`; `2026-W47` → `Week 47 · Nov 16 – Nov 22`. */
export function periodLabel(period: string): string {
  const week = WEEK.exec(period);
  if (!week) return monthLabel.format(new Date(utc(`${period}-01`)));
  const start = utc(periodStart(period));
  return `Week ${Number(week[2])} · ${dayLabel.format(new Date(start))} – ${dayLabel.format(new Date(start + 6 * DAY_MS))}`;
}
