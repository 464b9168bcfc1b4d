// Turns the finished numbers the server sends into display strings. This file is the only place
// the web app formats numbers and dates, so a KPI reads the same on every page, and the e2e suite
// can derive the exact expected text from an API value. It does formatting, never arithmetic on
// business values: changes and ratios arrive computed.
//
// The locale is pinned (not the browser's) so screenshots, exports and tests agree byte for byte;
// dates are calendar dates (`YYYY-MM-DD`) already bucketed in the workspace timezone by the server,
// so they are formatted in UTC to keep the browser's own timezone from shifting them by a day.

/** How a metric's values read; `number` is a plain quantity that is not a count (e.g. live hours). */
export type ValueFormat = 'money' | 'count' | 'number' | 'rate' | 'duration';

export const DISPLAY_LOCALE = 'en-US';

/** Shown where a value is missing (null), never 0: a missing number is not a zero. */
export const MISSING = '—';

const countFormat = new Intl.NumberFormat(DISPLAY_LOCALE, { maximumFractionDigits: 2 });
const signedCountFormat = new Intl.NumberFormat(DISPLAY_LOCALE, {
  maximumFractionDigits: 2,
  signDisplay: 'exceptZero',
});
const percentFormat = new Intl.NumberFormat(DISPLAY_LOCALE, {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const signedPercentFormat = new Intl.NumberFormat(DISPLAY_LOCALE, {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
});
const pointsFormat = new Intl.NumberFormat(DISPLAY_LOCALE, {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
});

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string, signed: boolean, compact: boolean): Intl.NumberFormat {
  const key = `${currency}|${signed}|${compact}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(DISPLAY_LOCALE, {
      style: 'currency',
      currency,
      ...(compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
      ...(signed ? { signDisplay: 'exceptZero' } : {}),
    });
    moneyFormats.set(key, format);
  }
  return format;
}

/** `123456.78, 'USD'` → `$123,456.78` (the currency's own number of decimals). */
export function formatMoney(value: number, currency: string): string {
  return moneyFormat(currency, false, false).format(value);
}

/** Axis labels: `123456.78, 'USD'` → `$123.5K`. */
export function formatMoneyCompact(value: number, currency: string): string {
  return moneyFormat(currency, false, true).format(value);
}

/** `4321` → `4,321`; `12.345` → `12.35` (counts and plain quantities). */
export function formatCount(value: number): string {
  return countFormat.format(value);
}

/** `1, 'row'` → `1 row`; `1200, 'row'` → `1,200 rows`; irregular plurals are given. */
export function formatCountOf(value: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(value)} ${value === 1 ? singular : plural}`;
}

/** Rates are fractions: `0.034` → `3.4%`. */
export function formatRate(value: number): string {
  return percentFormat.format(value);
}

/** Seconds → `1h 23m`, `12m 5s`, `45s`. */
export function formatDuration(seconds: number): string {
  const sign = seconds < 0 ? '-' : '';
  const total = Math.round(Math.abs(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = total % 60;
  if (hours > 0) return `${sign}${formatCount(hours)}h ${minutes}m`;
  if (minutes > 0) return `${sign}${minutes}m ${secs}s`;
  return `${sign}${secs}s`;
}

export function formatValue(value: number | null, format: ValueFormat, currency: string): string {
  if (value === null) return MISSING;
  switch (format) {
    case 'money':
      return formatMoney(value, currency);
    case 'count':
    case 'number':
      return formatCount(value);
    case 'rate':
      return formatRate(value);
    case 'duration':
      return formatDuration(value);
    default: {
      // A format this build does not know yet still shows its number rather than breaking the page.
      const unknown: never = format;
      return String(unknown);
    }
  }
}

/**
 * An absolute change with its sign: `+$13,456.28`, `-321`. A change of a rate is in percentage
 * points (`+0.4 pp`), because "+0.4%" would read as a relative change.
 */
export function formatChange(change: number | null, format: ValueFormat, currency: string): string {
  if (change === null) return MISSING;
  switch (format) {
    case 'money':
      return moneyFormat(currency, true, false).format(change);
    case 'count':
    case 'number':
      return signedCountFormat.format(change);
    case 'rate':
      return `${pointsFormat.format(change * 100)} pp`;
    case 'duration':
      return change > 0 ? `+${formatDuration(change)}` : formatDuration(change);
    default: {
      const unknown: never = format;
      return String(unknown);
    }
  }
}

/** `0.1223` → `+12.2%`; null (no previous value to compare with) → `—`. */
export function formatChangeRatio(ratio: number | null): string {
  return ratio === null ? MISSING : signedPercentFormat.format(ratio);
}

export type ChangeDirection = 'up' | 'down' | 'flat' | 'none';

export function changeDirection(change: number | null): ChangeDirection {
  if (change === null) return 'none';
  if (change > 0) return 'up';
  if (change < 0) return 'down';
  return 'flat';
}

const dayMonthFormat = new Intl.DateTimeFormat(DISPLAY_LOCALE, {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const fullDateFormat = new Intl.DateTimeFormat(DISPLAY_LOCALE, {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

function calendarDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

/** `2026-11-23` → `Nov 23`. */
export function formatShortDate(isoDate: string): string {
  return dayMonthFormat.format(calendarDate(isoDate));
}

/** `2026-11-23` → `Nov 23, 2026`. */
export function formatDate(isoDate: string): string {
  return fullDateFormat.format(calendarDate(isoDate));
}

/**
 * `2026-11-17..2026-11-23` → `Nov 17 – Nov 23`; a range across a new year names both years
 * (`Dec 29, 2025 – Jan 4, 2026`) so it cannot be misread.
 */
export function formatDateRange(from: string, to: string): string {
  if (from.slice(0, 4) !== to.slice(0, 4)) return `${formatDate(from)} – ${formatDate(to)}`;
  return `${formatShortDate(from)} – ${formatShortDate(to)}`;
}

// Instants (sign-ins, audit entries, token use) read in the viewer's own clock: "when did this
// happen for me". Calendar dates above stay in UTC because they are already workspace days.
const dateTimeFormat = new Intl.DateTimeFormat(DISPLAY_LOCALE, {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `2026-11-23T14:05:00Z` → `Nov 23, 2026, 06:05` (in the browser's timezone); null → `—`. */
export function formatDateTime(iso: string | null): string {
  if (iso === null) return MISSING;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}
