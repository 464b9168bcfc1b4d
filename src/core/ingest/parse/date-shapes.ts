/**
 * Every date shape Aisle reads, in the order they are tried. Most shapes say how to read the date
 * part (`day`, from text without its time) and the time is added by `time-of-day.ts`; a few give
 * a wall-clock TIMESTAMP (`local`) or an absolute instant (`instant`: written offsets, epoch
 * numbers) directly; some are a refusal naming the option that settles them. The date and
 * timestamp parsers are thin views over this one list, so both read exactly the same forms.
 */
import { sql, type Sql } from '../../db/sql.ts';
import { WS } from './blank.ts';
import {
  bySeparator,
  DAY,
  ISO_TIME,
  LATE_DAY,
  MONTH,
  MONTH_NAME,
  OFFSET,
  sameDayMonth,
  withTime,
  YEAR,
} from './date-grammar.ts';
import { fullMatch, literal } from './sql-pattern.ts';
import type { ParseContext } from './types.ts';

export interface DateShape {
  name: string;
  pattern: string;
  /** DATE from the text without its time (`23/11/2026` of `23/11/2026 20:15`). */
  day?: (dateText: Sql) => Sql;
  /** Wall-clock TIMESTAMP, read in the import's time zone. */
  local?: Sql;
  /** Absolute TIMESTAMPTZ (the text carries its own offset or is an epoch number). */
  instant?: Sql;
  /** The date as written, for shapes read as a whole (ISO, offsets, serials). */
  date?: Sql;
  /** The text cannot be read without more information; this is what to pass. */
  refusal?: string;
}

export const AMBIGUOUS = 'ambiguous date: pass --date-order dmy or mdy';
export const NO_YEAR = 'date without a year: pass --year';

const ISO_DAY = String.raw`${YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])`;
const ISO_LOOSE = `${YEAR}-${MONTH}-${DAY}`;
const SEPARATORS = '[-/.]';
const EXCEL_EPOCH = sql.raw("'1899-12-30'");

/** One strptime format (a list would try every format that fails first, at 10× the cost). */
function strptimeDate(text: Sql, format: string): Sql {
  return sql`CAST(try_strptime(${text}, ${literal(format)}) AS DATE)`;
}

/** `23.11.2026` and `23-11-2026` become `23/11/2026`. */
function slashes(text: Sql): Sql {
  return sql`replace(replace(${text}, '-', '/'), '.', '/')`;
}

/** `Nov 23, 2026`, `23-Nov-2026`, `November 23 2026` in the one strptime format that fits. */
function monthNameDate(text: Sql): Sql {
  const spaced = sql`replace(replace(${text}, ',', ''), '-', ' ')`;
  const abbreviated = String.raw`${WS}*(?:\d{1,2} +)?[A-Za-z]{3}\b.*`;
  return sql`(CASE WHEN ${fullMatch(spaced, String.raw`${WS}*[A-Za-z].*`)}
    THEN (CASE WHEN ${fullMatch(spaced, abbreviated)} THEN ${strptimeDate(spaced, '%b %d %Y')} ELSE ${strptimeDate(spaced, '%B %d %Y')} END)
    ELSE (CASE WHEN ${fullMatch(spaced, abbreviated)} THEN ${strptimeDate(spaced, '%d %b %Y')} ELSE ${strptimeDate(spaced, '%d %B %Y')} END) END)`;
}

function shapesWithYear(raw: Sql, order: ParseContext['dateOrder']): DateShape[] {
  const text = sql`trim(${raw})`;
  const serial = sql`TRY_CAST(${raw} AS DOUBLE)`;
  const dmy = (d: Sql) => strptimeDate(slashes(d), '%d/%m/%Y');
  const mdy = (d: Sql) => strptimeDate(slashes(d), '%m/%d/%Y');
  const ambiguous: Partial<DateShape> =
    order === 'dmy' ? { day: dmy } : order === 'mdy' ? { day: mdy } : { refusal: AMBIGUOUS };
  return [
    { name: 'iso-date', pattern: ISO_DAY, date: sql`TRY_CAST(${raw} AS DATE)` },
    {
      name: 'iso-datetime',
      pattern: `${WS}*${ISO_LOOSE}${ISO_TIME}${WS}*`,
      local: sql`TRY_CAST(${text} AS TIMESTAMP)`,
    },
    {
      name: 'iso-offset',
      pattern: `${WS}*${ISO_LOOSE}${ISO_TIME}${OFFSET}${WS}*`,
      instant: sql`TRY_CAST(${text} AS TIMESTAMPTZ)`,
      date: sql`TRY_CAST(${text} AS DATE)`,
    },
    {
      name: 'year-first',
      pattern: withTime(bySeparator(YEAR, MONTH, DAY)),
      day: (d) => sql`TRY_CAST(replace(replace(${d}, '/', '-'), '.', '-') AS DATE)`,
    },
    { name: 'day-first', pattern: withTime(bySeparator(LATE_DAY, MONTH, YEAR)), day: dmy },
    { name: 'month-first', pattern: withTime(bySeparator(MONTH, LATE_DAY, YEAR)), day: mdy },
    {
      name: 'same-day-month',
      pattern: withTime(`${sameDayMonth(SEPARATORS)}${SEPARATORS}${YEAR}`),
      day: dmy,
    },
    { name: 'day-month-ambiguous', pattern: withTime(bySeparator(MONTH, MONTH, YEAR)), ...ambiguous },
    {
      // Excel's 1900 date system; serials 20000–79999 are the years 1954–2119.
      name: 'excel-serial',
      pattern: String.raw`${WS}*[2-7]\d{4}(?:\.\d{1,12})?${WS}*`,
      local: sql`(TIMESTAMP ${EXCEL_EPOCH} + to_seconds(CAST(round(${serial} * 86400) AS BIGINT)))`,
      date: sql`(DATE ${EXCEL_EPOCH} + CAST(floor(${serial}) AS INTEGER))`,
    },
    {
      name: 'epoch-seconds',
      pattern: String.raw`${WS}*[1-9]\d{9}${WS}*`,
      instant: sql`to_timestamp(TRY_CAST(${raw} AS BIGINT))`,
    },
    {
      name: 'epoch-milliseconds',
      pattern: String.raw`${WS}*[1-9]\d{12}${WS}*`,
      instant: sql`timezone('UTC', make_timestamp(TRY_CAST(${raw} AS BIGINT) * 1000))`,
    },
    {
      name: 'compact',
      pattern: String.raw`${WS}*${YEAR}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])${WS}*`,
      date: strptimeDate(text, '%Y%m%d'),
    },
    {
      name: 'month-name',
      pattern: withTime(`(?:${MONTH_NAME} +${DAY},? +${YEAR}|${DAY}(?: +|-)${MONTH_NAME}(?: +|-)${YEAR})`),
      day: monthNameDate,
    },
    {
      name: 'chinese',
      pattern: withTime(`${YEAR}年${MONTH}月${DAY}日`),
      day: (d) => strptimeDate(d, '%Y年%m月%d日'),
    },
  ];
}

/** Shapes without a year (`11-23`, `23/11`, `Nov 23`, `11月23日`): read in `ctx.year`. */
function shapesWithoutYear(ctx: ParseContext): DateShape[] {
  const separators = '[-/]';
  const numeric = (first: string, second: string) => withTime(`${first}${separators}${second}`);
  const year = ctx.year;
  const read = (day: (d: Sql) => Sql): Partial<DateShape> => (year === null ? { refusal: NO_YEAR } : { day });
  const withYear = (d: Sql) => sql`${String(year)} || '/' || replace(${d}, '-', '/')`;
  const dm = (d: Sql) => strptimeDate(withYear(d), '%Y/%d/%m');
  const md = (d: Sql) => strptimeDate(withYear(d), '%Y/%m/%d');
  // Without a year, `ymd` means what it says for the rest of the date: month before day.
  const ambiguous: Partial<DateShape> =
    year === null
      ? { refusal: NO_YEAR }
      : ctx.dateOrder === null
        ? { refusal: AMBIGUOUS }
        : read(ctx.dateOrder === 'dmy' ? dm : md);
  return [
    { name: 'day-first-no-year', pattern: numeric(LATE_DAY, MONTH), ...read(dm) },
    { name: 'month-first-no-year', pattern: numeric(MONTH, LATE_DAY), ...read(md) },
    { name: 'same-day-month-no-year', pattern: withTime(sameDayMonth(separators)), ...read(dm) },
    { name: 'day-month-ambiguous-no-year', pattern: numeric(MONTH, MONTH), ...ambiguous },
    {
      name: 'month-name-no-year',
      pattern: withTime(`(?:${MONTH_NAME} +${DAY}|${DAY}(?: +|-)${MONTH_NAME})`),
      ...read((d) => monthNameDate(sql`${d} || ' ' || ${String(year)}`)),
    },
    {
      name: 'chinese-no-year',
      pattern: withTime(`${MONTH}月${DAY}日`),
      ...read((d) => strptimeDate(sql`${String(year)} || '年' || ${d}`, '%Y年%m月%d日')),
    },
  ];
}

export function dateShapes(raw: Sql, ctx: ParseContext): DateShape[] {
  return [...shapesWithYear(raw, ctx.dateOrder), ...shapesWithoutYear(ctx)];
}
