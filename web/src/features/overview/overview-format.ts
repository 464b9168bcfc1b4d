// How the Overview writes its numbers and dates. Tiles and tables are read at a glance, so large
// amounts are compact (`$127.6K`, `Rp 1.2B`) with the exact amount a hover away; small amounts,
// counts and rates stay exact. A change is coloured by whether it is good news for that metric,
// not by its sign. Formatting only — every number arrives computed from the server.
import {
  formatChange,
  formatCount,
  formatDuration,
  formatRate,
  MISSING,
  type ValueFormat,
} from '../../ui/format';
import type { MetricDirection } from './overview-api';
import type { Comparison } from './overview-view';

/** Amounts from this size up are written compactly on tiles, charts and movers. */
export const COMPACT_FROM = 10_000;

type MoneyStyle = 'exact' | 'compact' | 'whole';

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Money with the currency's own symbol (`Rp`, `RM`, `฿`, `$`) rather than its code. */
function moneyFormat(currency: string, style: MoneyStyle, signed: boolean): Intl.NumberFormat {
  const key = `${currency}|${style}|${signed}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      ...(style === 'compact'
        ? { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }
        : {}),
      ...(style === 'whole' ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
      ...(signed ? { signDisplay: 'exceptZero' } : {}),
    });
    moneyFormats.set(key, format);
  }
  return format;
}

/** `127648.82` → `$127,648.82`; with `signed`, `+$3.67`. */
export function formatMoneyExact(value: number, currency: string, signed = false): string {
  return moneyFormat(currency, 'exact', signed).format(value);
}

/** `127648.82` → `$127.6K`, `33.99` → `$33.99` (exact below `COMPACT_FROM`). */
export function formatMoneyShort(value: number, currency: string, signed = false): string {
  return moneyFormat(currency, Math.abs(value) >= COMPACT_FROM ? 'compact' : 'exact', signed).format(value);
}

/** Chart axes: always compact, `0` → `$0`, `25000` → `$25K`. */
export function formatMoneyAxis(value: number, currency: string): string {
  return moneyFormat(currency, 'compact', false).format(value);
}

/**
 * Amounts in a column or list, in whole currency units so they line up and compare at a glance:
 * `44082.86` → `$44,083`; with `signed`, `+$4,211`.
 */
export function formatMoneyWhole(value: number | null, currency: string, signed = false): string {
  return value === null ? MISSING : moneyFormat(currency, 'whole', signed).format(value);
}

/** A value written out in full (hover texts, tooltips): `$127,648.82`, `3,755`, `34.6%`. */
export function formatExact(value: number | null, format: ValueFormat, currency: string): string {
  if (value === null) return MISSING;
  return format === 'money' ? formatMoneyExact(value, currency) : formatShort(value, format, currency);
}

/** A change written out in full: `-$12,180.67`, `+857`, `+7.8 pp`. */
export function formatChangeExact(change: number | null, format: ValueFormat, currency: string): string {
  if (change === null) return MISSING;
  return format === 'money'
    ? formatMoneyExact(change, currency, true)
    : formatChange(change, format, currency);
}

/** A value as a tile, table cell or mover shows it. */
export function formatShort(value: number | null, format: ValueFormat, currency: string): string {
  if (value === null) return MISSING;
  switch (format) {
    case 'money':
      return formatMoneyShort(value, currency);
    case 'count':
    case 'number':
      return formatCount(value);
    case 'rate':
      return formatRate(value);
    case 'duration':
      return formatDuration(value);
    default: {
      const unknown: never = format;
      return String(unknown);
    }
  }
}

/** An absolute change, compact for large amounts: `-$12.2K`, `+857`, `+7.8 pp`. */
export function formatChangeShort(change: number | null, format: ValueFormat, currency: string): string {
  if (change === null) return MISSING;
  if (format === 'money') return formatMoneyShort(change, currency, true);
  return formatChange(change, format, currency);
}

const signedPercent = new Intl.NumberFormat('en-US', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
});

/**
 * The change a badge shows: points for rates (`+7.8 pp` — "+29%" of a share misleads), else the
 * relative change (`-8.7%`), else — when the comparison was 0 — the absolute change.
 */
export function formatHeadlineChange(
  change: number | null,
  changeRatio: number | null,
  format: ValueFormat,
  currency: string,
): string {
  if (change === null) return MISSING;
  if (format === 'rate') return formatChange(change, format, currency);
  if (changeRatio !== null) return signedPercent.format(changeRatio);
  return formatChangeShort(change, format, currency);
}

/** `0.1223` → `+12.2%`; null → `new` when there was nothing before (a seller starting). */
export function formatMoverRatio(ratio: number | null): string {
  return ratio === null ? 'new' : signedPercent.format(ratio);
}

export type ChangeTone = 'good' | 'bad' | 'neutral' | 'none';

/** Green only when the change is good news for the metric; a rise of a cost is bad news. */
export function changeTone(change: number | null, direction: MetricDirection): ChangeTone {
  if (change === null) return 'none';
  if (change === 0 || direction === 'neutral') return 'neutral';
  const rising = change > 0;
  return rising === (direction === 'higher_is_better') ? 'good' : 'bad';
}

export function changeArrow(change: number | null): string {
  if (change === null || change === 0) return '';
  return change > 0 ? '▲' : '▼';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parts(isoDate: string): { day: number; month: string; year: string } {
  const [year = '', month = '', day = ''] = isoDate.split('-');
  return { day: Number(day), month: MONTHS[Number(month) - 1] ?? month, year };
}

/** `2026-11-23` → `23 Nov 2026`. */
export function formatDay(isoDate: string): string {
  const { day, month, year } = parts(isoDate);
  return `${day} ${month} ${year}`;
}

/** `2026-11-23` → `23 Nov`. */
export function formatDayShort(isoDate: string): string {
  const { day, month } = parts(isoDate);
  return `${day} ${month}`;
}

/**
 * A range as short as it can be read without doubt: `10–16 Nov 2026`, `27 Oct – 23 Nov 2026`,
 * `29 Dec 2025 – 4 Jan 2026`, `23 Nov 2026`. `withYear: false` drops a year the reader already
 * has from the range next to it (`vs 3–9 Nov`).
 */
export function formatRange(from: string, to: string, withYear = true): string {
  const a = parts(from);
  const b = parts(to);
  const year = withYear ? ` ${b.year}` : '';
  if (from === to) return `${b.day} ${b.month}${year}`;
  if (a.year !== b.year) return `${formatDay(from)} – ${formatDay(to)}`;
  if (a.month === b.month) return `${a.day}–${b.day} ${b.month}${year}`;
  return `${a.day} ${a.month} – ${b.day} ${b.month}${year}`;
}

const COMPARISON_NAMES: Record<Comparison, string> = {
  previous: 'previous period',
  last_year: 'same period last year',
  target: 'target',
};

/** `17–23 Nov 2026 vs 10–16 Nov`; against targets `17–23 Nov 2026 vs target`. */
export function formatPeriodComparison(
  current: { from: string; to: string },
  comparison: { from: string; to: string } | null,
  compare: Comparison,
): string {
  const now = formatRange(current.from, current.to);
  if (compare === 'target' || comparison === null) return `${now} vs ${COMPARISON_NAMES[compare]}`;
  const sameYear =
    comparison.from.slice(0, 4) === current.to.slice(0, 4) &&
    comparison.to.slice(0, 4) === current.to.slice(0, 4);
  return `${now} vs ${formatRange(comparison.from, comparison.to, !sameYear)}`;
}

/** What the comparison value on a tile is called: "Previous", "Last year", "Target". */
export function comparisonShortName(compare: Comparison): string {
  switch (compare) {
    case 'previous':
      return 'Previous';
    case 'last_year':
      return 'Last year';
    case 'target':
      return 'Target';
    default: {
      const unknown: never = compare;
      return String(unknown);
    }
  }
}

export function comparisonName(compare: Comparison): string {
  return COMPARISON_NAMES[compare];
}
