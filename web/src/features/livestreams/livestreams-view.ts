// What the Livestreams list shows lives in the URL, with the parameter names the Overview's links
// already use (`from`, `to`, `subcategory`, `sort`) plus the page's own (`period`, `seller`, `host`,
// `q`, `band`, `reviewed`, `scoreBand`, `dir`, `page`). Defaults are left out of the URL; anything unknown falls back to the
// default instead of breaking the page. The API reads the same names, so the view is its query.
import { isCalendarDate, PERIOD_OPTIONS, type PeriodPreset } from '../overview/overview-view';

export const SORT_OPTIONS = [
  { value: 'started_at', label: 'Newest' },
  { value: 'peer_score', label: 'Peer score' },
  { value: 'quality_score', label: 'Quality score' },
  { value: 'live_gmv', label: 'GMV' },
  { value: 'gpm', label: 'GPM' },
  { value: 'gmv_per_live_hour', label: 'GMV per hour' },
  { value: 'views', label: 'Views' },
  { value: 'engagement_rate', label: 'Engagement rate' },
  { value: 'ctr', label: 'CTR' },
  { value: 'ctor', label: 'CTOR' },
  { value: 'live_conversion', label: 'Conversion' },
  { value: 'avg_view_duration_s', label: 'Avg. view duration' },
  { value: 'follow_rate', label: 'Follow rate' },
] as const;
export type SortColumn = (typeof SORT_OPTIONS)[number]['value'];

export const BAND_OPTIONS = [
  { value: 'top', label: 'Top (75–100)' },
  { value: 'good', label: 'Good (50–75)' },
  { value: 'fair', label: 'Fair (25–50)' },
  { value: 'low', label: 'Low (0–25)' },
] as const;
export type ScoreBand = (typeof BAND_OPTIONS)[number]['value'];

/** Quality score bands (rubric and peer score combined), as the server names them. */
export const QUALITY_BAND_OPTIONS = [
  { value: '80-100', label: 'Quality 80 and above' },
  { value: '60-80', label: 'Quality 60–80' },
  { value: '40-60', label: 'Quality 40–60' },
  { value: '0-40', label: 'Quality below 40' },
] as const;
export type QualityBand = (typeof QUALITY_BAND_OPTIONS)[number]['value'];

export const REVIEWED_OPTIONS = [
  { value: 'yes', label: 'Reviewed' },
  { value: 'no', label: 'Not reviewed' },
] as const;
export type ReviewedFilter = (typeof REVIEWED_OPTIONS)[number]['value'];

/** The Livestreams page's tabs (`?tab=`); Sessions is the default and is left out of the URL. */
export const LIVESTREAM_TABS = [
  { value: 'sessions', label: 'Sessions' },
  { value: 'queue', label: 'Review queue' },
  { value: 'calibration', label: 'Calibration' },
  { value: 'best-practices', label: 'Best practices' },
] as const;
export type LivestreamTab = (typeof LIVESTREAM_TABS)[number]['value'];

export function readTab(params: URLSearchParams): LivestreamTab {
  return LIVESTREAM_TABS.find((t) => t.value === params.get('tab'))?.value ?? 'sessions';
}

/** The same address on another tab; other parameters stay, so coming back keeps the filters. */
export function tabParams(params: URLSearchParams, tab: LivestreamTab): URLSearchParams {
  const next = new URLSearchParams(params);
  if (tab === 'sessions') next.delete('tab');
  else next.set('tab', tab);
  return next;
}

export interface LivestreamsView {
  period: PeriodPreset;
  from: string | null;
  to: string | null;
  subcategory: string | null;
  seller: string | null;
  host: string | null;
  q: string;
  band: ScoreBand | null;
  reviewed: ReviewedFilter | null;
  scoreBand: QualityBand | null;
  sort: SortColumn;
  dir: 'asc' | 'desc';
  page: number;
}

export const DEFAULT_LIVESTREAMS_VIEW: LivestreamsView = {
  period: 'last_7_days',
  from: null,
  to: null,
  subcategory: null,
  seller: null,
  host: null,
  q: '',
  band: null,
  reviewed: null,
  scoreBand: null,
  sort: 'started_at',
  dir: 'desc',
  page: 1,
};

/** The Overview links with `sort=gmv`: the list's column for a session's GMV is `live_gmv`. */
const SORT_ALIASES: Record<string, SortColumn> = { gmv: 'live_gmv' };

function pick<T extends string>(value: string | null, options: readonly { value: T }[]): T | null {
  return options.find((o) => o.value === value)?.value ?? null;
}

export function readLivestreamsView(params: URLSearchParams): LivestreamsView {
  const from = params.get('from');
  const to = params.get('to');
  const custom = isCalendarDate(from) && isCalendarDate(to);
  const period =
    pick(params.get('period'), PERIOD_OPTIONS) ?? (custom ? 'custom' : DEFAULT_LIVESTREAMS_VIEW.period);
  const rawSort = params.get('sort');
  const sort =
    pick(rawSort, SORT_OPTIONS) ??
    (rawSort ? SORT_ALIASES[rawSort] : undefined) ??
    DEFAULT_LIVESTREAMS_VIEW.sort;
  const page = Number(params.get('page'));
  return {
    period,
    from: period === 'custom' && isCalendarDate(from) ? from : null,
    to: period === 'custom' && isCalendarDate(to) ? to : null,
    subcategory: params.get('subcategory') || null,
    seller: params.get('seller') || null,
    host: params.get('host') || null,
    q: params.get('q') ?? '',
    band: pick(params.get('band'), BAND_OPTIONS),
    reviewed: pick(params.get('reviewed'), REVIEWED_OPTIONS),
    scoreBand: pick(params.get('scoreBand'), QUALITY_BAND_OPTIONS),
    sort,
    // A link that names a sort column wants the highest first.
    dir: params.get('dir') === 'asc' ? 'asc' : 'desc',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The view as query parameters, defaults left out; the same string is the API's query. */
export function livestreamsQuery(view: LivestreamsView): string {
  const params = new URLSearchParams();
  if (view.period === 'custom') {
    if (view.from) params.set('from', view.from);
    if (view.to) params.set('to', view.to);
  } else if (view.period !== DEFAULT_LIVESTREAMS_VIEW.period) {
    params.set('period', view.period);
  }
  for (const key of ['subcategory', 'seller', 'host', 'band', 'reviewed', 'scoreBand'] as const) {
    const value = view[key];
    if (value) params.set(key, value);
  }
  if (view.q.trim()) params.set('q', view.q.trim());
  if (view.sort !== DEFAULT_LIVESTREAMS_VIEW.sort) params.set('sort', view.sort);
  if (view.dir !== DEFAULT_LIVESTREAMS_VIEW.dir) params.set('dir', view.dir);
  if (view.page !== 1) params.set('page', String(view.page));
  return params.toString();
}

/** A custom period still being chosen is not asked for yet. */
export function customRangeIncomplete(view: LivestreamsView): boolean {
  return view.period === 'custom' && (!view.from || !view.to || view.from > view.to);
}

/** The leaderboard follows the list's period and subcategory, nothing else. */
export function leaderboardQuery(view: LivestreamsView): string {
  const query = new URLSearchParams(
    livestreamsQuery({
      ...DEFAULT_LIVESTREAMS_VIEW,
      period: view.period,
      from: view.from,
      to: view.to,
      subcategory: view.subcategory,
    }),
  );
  return query.toString();
}

/** Filters narrowing the list (not the period or the sort). */
export function activeFilterCount(view: LivestreamsView): number {
  return [view.subcategory, view.seller, view.host, view.band, view.reviewed, view.scoreBand, view.q.trim() || null].filter(
    (v) => v !== null,
  ).length;
}

export function sessionHref(id: string, view?: LivestreamsView): string {
  const query = view ? livestreamsQuery({ ...view, page: 1 }) : '';
  return `/livestreams/${encodeURIComponent(id)}${query ? `?${query}` : ''}`;
}

export function listHref(params: URLSearchParams): string {
  const query = livestreamsQuery(readLivestreamsView(params));
  return `/livestreams${query ? `?${query}` : ''}`;
}
