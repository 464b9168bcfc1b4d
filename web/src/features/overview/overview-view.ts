// What the Overview shows — a period preset (or a custom range) and what it is compared with —
// lives in the URL (`?period=last_28_days&compare=last_year`, `?period=custom&from=…&to=…`) so a
// view can be shared and survives a reload. Defaults are left out of the URL; anything unknown in
// it falls back to the default instead of breaking the page.

export const PERIOD_OPTIONS = [
  { value: 'yesterday', label: 'Yesterday' },
  { value: 'last_7_days', label: '7 days' },
  { value: 'last_28_days', label: '28 days' },
  { value: 'week', label: 'Week' },
  { value: 'month', label: 'Month' },
  { value: 'custom', label: 'Custom' },
] as const;
export type PeriodPreset = (typeof PERIOD_OPTIONS)[number]['value'];

export const COMPARISON_OPTIONS = [
  { value: 'previous', label: 'Previous period' },
  { value: 'last_year', label: 'Same period last year' },
  { value: 'target', label: 'Target' },
] as const;
export type Comparison = (typeof COMPARISON_OPTIONS)[number]['value'];

export interface OverviewView {
  period: PeriodPreset;
  compare: Comparison;
  /** Only used (and only kept in the URL) for the custom period; null until chosen. */
  from: string | null;
  to: string | null;
}

export const DEFAULT_VIEW: OverviewView = {
  period: 'last_7_days',
  compare: 'previous',
  from: null,
  to: null,
};

function isPeriod(value: string | null): value is PeriodPreset {
  return PERIOD_OPTIONS.some((option) => option.value === value);
}

function isComparison(value: string | null): value is Comparison {
  return COMPARISON_OPTIONS.some((option) => option.value === value);
}

/** A real calendar date written `YYYY-MM-DD` (so `2026-02-30` is not one). */
export function isCalendarDate(value: string | null): value is string {
  if (value === null || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function readOverviewView(params: URLSearchParams): OverviewView {
  const period = params.get('period');
  const compare = params.get('compare');
  const view: OverviewView = {
    period: isPeriod(period) ? period : DEFAULT_VIEW.period,
    compare: isComparison(compare) ? compare : DEFAULT_VIEW.compare,
    from: null,
    to: null,
  };
  if (view.period === 'custom') {
    view.from = params.get('from');
    view.to = params.get('to');
  }
  return view;
}

/** The view written into the page's query string; other parameters are kept as they are. */
export function writeOverviewView(current: URLSearchParams, view: OverviewView): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const key of ['period', 'compare', 'from', 'to']) next.delete(key);
  if (view.period !== DEFAULT_VIEW.period) next.set('period', view.period);
  if (view.period === 'custom') {
    if (view.from) next.set('from', view.from);
    if (view.to) next.set('to', view.to);
  }
  if (view.compare !== DEFAULT_VIEW.compare) next.set('compare', view.compare);
  return next;
}

/** Why a custom range cannot be asked for yet, or null when the view can be loaded. */
export function customRangeProblem(view: OverviewView): string | null {
  if (view.period !== 'custom') return null;
  if (!view.from || !view.to) return 'Choose the first and the last day of the period.';
  if (!isCalendarDate(view.from)) return `The first day (${view.from}) is not a date.`;
  if (!isCalendarDate(view.to)) return `The last day (${view.to}) is not a date.`;
  if (view.from > view.to) return 'The first day is after the last day.';
  return null;
}

/** The API's query string for a view: every parameter explicit, so API links read on their own. */
export function overviewQueryString(view: OverviewView): string {
  const query = new URLSearchParams({ period: view.period });
  if (view.period === 'custom') {
    query.set('from', view.from ?? '');
    query.set('to', view.to ?? '');
  }
  query.set('compare', view.compare);
  return query.toString();
}

export function overviewApiPath(view: OverviewView): string {
  return `/api/overview?${overviewQueryString(view)}`;
}

/** The subcategory breakdown as a workbook, for the same period and comparison. */
export function breakdownExportPath(view: OverviewView): string {
  return `/api/overview/breakdown.xlsx?${overviewQueryString(view)}`;
}

/** Every day of an inclusive range, `YYYY-MM-DD` (the days a tile's sparkline stands for). */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  const end = new Date(`${to}T00:00:00Z`).getTime();
  for (let time = new Date(`${from}T00:00:00Z`).getTime(); time <= end; time += 86_400_000) {
    days.push(new Date(time).toISOString().slice(0, 10));
  }
  return days;
}
