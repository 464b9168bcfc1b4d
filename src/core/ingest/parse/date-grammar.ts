/**
 * The written forms of dates and times, as RE2 patterns for whole-text tests and the matching
 * strptime formats. Patterns pin down ranges (month 1–12, day 1–31, years 1900–2199, hours
 * 0–23) so that only real-looking dates reach strptime, and every order question (is 03/04 the
 * 3rd of April or March 4th?) is answered by a pattern — a day above 12 decides it — or by the
 * user's `--date-order`, never by a guess.
 */
import { WS } from './blank.ts';

export const YEAR = String.raw`(?:19|20|21)\d\d`;
export const MONTH = String.raw`(?:0?[1-9]|1[0-2])`;
export const DAY = String.raw`(?:0?[1-9]|[12]\d|3[01])`;
/** A day that cannot be a month, which settles the order. */
export const LATE_DAY = String.raw`(?:1[3-9]|2\d|3[01])`;
export const MONTH_NAME = String.raw`(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;

const GAP = ' +';
const HOUR_24 = String.raw`(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,6})?)?`;
const HOUR_12 = String.raw`(?:0?[1-9]|1[0-2]):[0-5]\d(?::[0-5]\d)?(?: *)(?i:am|pm)`;
/** An optional time after a date, 24-hour or with AM/PM. */
export const TIME = `(?:${GAP}(?:${HOUR_24}|${HOUR_12}))?`;
export const ISO_TIME = String.raw`(?:T|${GAP})(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?`;
export const OFFSET = String.raw`${WS}*(?:Z|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?|(?i:utc|gmt))`;

/** The same date written with `-`, `/` or `.` — one separator throughout. */
export function bySeparator(
  first: string,
  second: string,
  third: string,
  separators = ['-', '/', '.'],
): string {
  return `(?:${separators.map((s) => [first, second, third].join(s === '.' ? String.raw`\.` : s)).join('|')})`;
}

/** Day and month that are equal (01/01 … 12/12), so the order does not matter. */
export function sameDayMonth(separators: string): string {
  const pairs = Array.from({ length: 12 }, (_, i) => {
    const n = i + 1;
    const part = n < 10 ? `0?${n}` : String(n);
    return `${part}${separators}${part}`;
  });
  return `(?:${pairs.join('|')})`;
}

/** Wraps a date pattern: optional spaces around it and an optional time after it. */
export function withTime(date: string): string {
  return `${WS}*${date}${TIME}${WS}*`;
}
