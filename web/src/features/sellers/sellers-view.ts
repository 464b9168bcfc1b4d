// What the Sellers grid shows — period, quick filters and sort — lives in the URL, so a view can be
// shared, survives a reload and is what a saved view stores. The parameters are the API's own
// (`subcategory`, `from`, `to`, `sort`…), which is how the Overview links here
// (`/sellers?subcategory=kitchen&from=…&to=…&sort=gmv`). Anything unknown falls back to the default.
import { isCalendarDate, PERIOD_OPTIONS, type PeriodPreset } from '../overview/overview-view';

export const SELLER_PERIOD_OPTIONS = PERIOD_OPTIONS;
export const DEFAULT_PERIOD: PeriodPreset = 'last_28_days';
export const PERIOD_LABELS: Record<PeriodPreset, string> = {
  yesterday: 'Latest day',
  last_7_days: 'Last 7 days',
  last_28_days: 'Last 28 days',
  week: 'This week',
  month: 'This month',
  custom: 'Custom range',
};
export const NOT_CONTACTED_DAYS = 30;

export const COMPARE_OPTIONS = [
  { value: 'previous', label: 'Previous period' },
  { value: 'last_year', label: 'Same period last year' },
] as const;
export type SellerCompare = (typeof COMPARE_OPTIONS)[number]['value'];

/** Columns the server sorts by (its whitelist); the grid only offers these. */
export const SORTABLE = [
  'name',
  'subcategory',
  'tier',
  'lifecycle',
  'live_status',
  'region',
  'status',
  'owner',
  'last_contact_at',
  'completeness',
  'gmv',
  'gmv_previous',
  'gmv_change',
  'gmv_change_ratio',
  'orders',
  'aov',
  'live_sessions',
  'live_gmv',
  'live_gmv_share',
] as const;
export type SortColumn = (typeof SORTABLE)[number];

export interface SellersView {
  period: PeriodPreset;
  /** Only for the custom period. */
  from: string | null;
  to: string | null;
  compare: SellerCompare;
  q: string;
  subcategory: string[];
  tier: string[];
  lifecycle: string[];
  live_status: string[];
  /** User ids as text, `me` or `none`. */
  owner: string[];
  /** Only sellers not contacted in the last N days. */
  not_contacted: number | null;
  sort: SortColumn;
  dir: 'asc' | 'desc';
}

export const DEFAULT_SELLERS_VIEW: SellersView = {
  period: DEFAULT_PERIOD,
  from: null,
  to: null,
  compare: 'previous',
  q: '',
  subcategory: [],
  tier: [],
  lifecycle: [],
  live_status: [],
  owner: [],
  not_contacted: null,
  sort: 'gmv',
  dir: 'desc',
};

const LIST_KEYS = ['subcategory', 'tier', 'lifecycle', 'live_status', 'owner'] as const;

const listOf = (value: string | null) =>
  value
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : [];

function isPeriod(value: unknown): value is PeriodPreset {
  return PERIOD_OPTIONS.some((option) => option.value === value);
}

function isSortColumn(value: unknown): value is SortColumn {
  return (SORTABLE as readonly unknown[]).includes(value);
}

export function readSellersView(params: URLSearchParams): SellersView {
  const period = params.get('period');
  const from = params.get('from');
  const to = params.get('to');
  // The Overview links with from + to and no preset: that is a custom period.
  const custom = (period === null || period === 'custom') && isCalendarDate(from) && isCalendarDate(to);
  const sort = params.get('sort');
  const days = Number(params.get('not_contacted'));
  return {
    period: custom ? 'custom' : isPeriod(period) && period !== 'custom' ? period : DEFAULT_PERIOD,
    from: custom ? from : null,
    to: custom ? to : null,
    compare: params.get('compare') === 'last_year' ? 'last_year' : 'previous',
    q: (params.get('q') ?? '').slice(0, 200),
    subcategory: listOf(params.get('subcategory')),
    tier: listOf(params.get('tier')),
    lifecycle: listOf(params.get('lifecycle')),
    live_status: listOf(params.get('live_status')),
    owner: listOf(params.get('owner')),
    not_contacted: Number.isInteger(days) && days > 0 && days <= 3650 ? days : null,
    sort: isSortColumn(sort) ? sort : DEFAULT_SELLERS_VIEW.sort,
    dir: params.get('dir') === 'asc' ? 'asc' : 'desc',
  };
}

/** The view as URL parameters; defaults are left out. */
export function sellersViewParams(view: SellersView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.period === 'custom') {
    if (view.from) params.set('from', view.from);
    if (view.to) params.set('to', view.to);
  } else if (view.period !== DEFAULT_PERIOD) params.set('period', view.period);
  if (view.compare !== 'previous') params.set('compare', view.compare);
  if (view.q.trim()) params.set('q', view.q.trim());
  for (const key of LIST_KEYS) if (view[key].length) params.set(key, view[key].join(','));
  if (view.not_contacted !== null) params.set('not_contacted', String(view.not_contacted));
  if (view.sort !== DEFAULT_SELLERS_VIEW.sort) params.set('sort', view.sort);
  if (view.dir !== DEFAULT_SELLERS_VIEW.dir) params.set('dir', view.dir);
  return params;
}

/** The API query for one page of the view (the export takes the same without paging). */
export function sellersApiQuery(view: SellersView, paging?: { page: number; pageSize: number }): string {
  const query = new URLSearchParams();
  if (view.period === 'custom') {
    query.set('from', view.from ?? '');
    query.set('to', view.to ?? '');
  } else query.set('period', view.period);
  query.set('compare', view.compare);
  if (view.q.trim()) query.set('q', view.q.trim());
  for (const key of LIST_KEYS) if (view[key].length) query.set(key, view[key].join(','));
  if (view.not_contacted !== null) query.set('not_contacted_days', String(view.not_contacted));
  query.set('sort', view.sort);
  query.set('dir', view.dir);
  if (paging) {
    query.set('page', String(paging.page));
    query.set('pageSize', String(paging.pageSize));
  }
  return query.toString();
}

/** The view's period as the seller page's URL parameters (same names). */
export function sellerPeriodQuery(view: Pick<SellersView, 'period' | 'from' | 'to' | 'compare'>): string {
  const params = new URLSearchParams();
  if (view.period === 'custom') {
    if (view.from) params.set('from', view.from);
    if (view.to) params.set('to', view.to);
  } else if (view.period !== DEFAULT_PERIOD) params.set('period', view.period);
  if (view.compare !== 'previous') params.set('compare', view.compare);
  return params.toString();
}

/** How many quick filters are on (the period and sort are not filters). */
export function activeFilterCount(view: SellersView): number {
  return (
    (view.q.trim() ? 1 : 0) +
    LIST_KEYS.filter((key) => view[key].length > 0).length +
    (view.not_contacted !== null ? 1 : 0)
  );
}

export function clearFilters(view: SellersView): SellersView {
  return {
    ...view,
    q: '',
    subcategory: [],
    tier: [],
    lifecycle: [],
    live_status: [],
    owner: [],
    not_contacted: null,
  };
}

/** A saved view's stored state back into a view (unknown or missing parts take their defaults). */
export function viewFromState(state: Record<string, unknown>): SellersView {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) {
    if (typeof value === 'string' || typeof value === 'number') params.set(key, String(value));
  }
  return readSellersView(params);
}

/** A view as the state a saved view keeps: its URL parameters. */
export function stateFromView(view: SellersView): Record<string, string> {
  return Object.fromEntries(sellersViewParams(view));
}
