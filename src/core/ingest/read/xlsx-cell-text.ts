/**
 * One Excel cell → the raw text the staging table stores. Numbers become plain decimals, rich
 * text and hyperlinks their text, formulas their cached result, errors their code ("#N/A").
 *
 * Dates: exceljs turns a date cell into a JavaScript Date at UTC whose UTC fields are the
 * wall-clock value Excel shows (Excel stores no time zone). It is written as ISO 8601 *without*
 * an offset — `2026-11-01` at midnight, else `2026-11-01T20:30:05` (`.sss` only when there are
 * milliseconds) — which the value parsers read as wall-clock time in the import's time zone, like
 * any timestamp written without an offset. A `Z` would claim UTC and shift the hour.
 * A formula whose cached result is an error reads as its code, except through the streaming
 * reader, which keeps no code: there it reads `#ERROR`.
 * Cells formatted as a time only (`[h]:mm:ss`, `mm:ss`) are durations or clock times: written as
 * `H:mm:ss` counted from Excel's day zero, so 1.5 days in `[h]:mm:ss` is `36:00:00`.
 */
import type { CellValue } from 'exceljs';
import { formatPlainNumber } from './plain-number.ts';

const MS_PER_DAY = 86_400_000;
/** 1899-12-30, Excel's day zero, in ms since 1970. */
const EXCEL_EPOCH_MS = -25_569 * MS_PER_DAY;

/** The format without quoted text, escapes and [colour]/[$-409] sections ([h] [m] [s] stay). */
function formatTokens(numFmt: string): string {
  return numFmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .toLowerCase();
}

interface FormatKind {
  date: boolean;
  timeOnly: boolean;
}

/**
 * What a number format says, worked out once per format: a sheet has a handful of formats but a
 * large one has millions of cells, and the tokenising regexes cost more than reading the cell.
 */
const formatKinds = new Map<string, FormatKind>();
const MAX_CACHED_FORMATS = 10_000;

function formatKind(numFmt: string): FormatKind {
  let kind = formatKinds.get(numFmt);
  if (kind) return kind;
  const tokens = formatTokens(numFmt);
  kind = { date: /[ymdhs]/.test(tokens), timeOnly: !/[yd]/.test(tokens) && /[hs]/.test(tokens) };
  if (formatKinds.size >= MAX_CACHED_FORMATS) formatKinds.clear();
  formatKinds.set(numFmt, kind);
  return kind;
}

export function isDateFormat(numFmt: string | undefined): boolean {
  return !!numFmt && formatKind(numFmt).date;
}

export function isTimeOnlyFormat(numFmt: string | undefined): boolean {
  return !!numFmt && formatKind(numFmt).timeOnly;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Instants `toISOString` writes as `YYYY-MM-DDTHH:mm:ss.sssZ`, four-digit years (1000–9999 here). */
const MIN_ISO_MS = Date.UTC(1000, 0, 1);
const MAX_ISO_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export function wallClockText(date: Date, numFmt?: string): string {
  const ms = date.getTime();
  if (isTimeOnlyFormat(numFmt)) {
    const seconds = Math.round((ms - EXCEL_EPOCH_MS) / 1000);
    const sign = seconds < 0 ? '-' : '';
    const total = Math.abs(seconds);
    return `${sign}${Math.floor(total / 3600)}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
  }
  const inDay = ((ms % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
  // Years 1000–9999 (every real spreadsheet date): the ISO text without its zone, one native call
  // instead of a dozen small strings per cell (a large sheet of dates spent its time collecting them).
  if (ms >= MIN_ISO_MS && ms <= MAX_ISO_MS) {
    const iso = date.toISOString();
    if (inDay === 0) return iso.slice(0, 10);
    return iso.slice(0, date.getUTCMilliseconds() ? 23 : 19);
  }
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  if (inDay === 0) return day;
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  const millis = date.getUTCMilliseconds();
  return `${day}T${time}${millis ? `.${pad(millis, 3)}` : ''}`;
}

export function numberText(value: number, numFmt: string | undefined): string {
  // The streaming reader hands over a formula's error result as NaN, losing which error it was.
  if (!Number.isFinite(value)) return '#ERROR';
  // It also hands over formula results as serial numbers even in date-formatted cells.
  if (isDateFormat(numFmt))
    return wallClockText(new Date(EXCEL_EPOCH_MS + Math.round(value * MS_PER_DAY)), numFmt);
  return formatPlainNumber(value);
}

/** The text of a cell, or null when it is empty. */
export function cellText(value: CellValue | { sharedString: number }, numFmt?: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : wallClockText(value, numFmt);
  if ('error' in value) return value.error;
  if ('richText' in value) return value.richText.map((run) => run.text).join('') || null;
  if ('formula' in value || 'sharedFormula' in value)
    return value.result === undefined ? null : cellText(value.result, numFmt);
  if ('hyperlink' in value) return cellText(value.text, numFmt);
  // A shared-string index without the table: cannot happen with sharedStrings: 'cache'.
  throw new Error(`xlsx: unexpected cell value ${JSON.stringify(value).slice(0, 100)}`);
}
