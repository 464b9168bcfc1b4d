// The Opportunities page's filters, status and page, kept in the URL (`?rule=…&tier=S&page=2`) so
// a filtered list can be bookmarked and shared. Reading is forgiving: an unknown status or a bad
// page number falls back to the default rather than breaking the page.
import type { OpportunityQuery, OpportunityStatus } from './opportunities-api';

export interface OpportunityFilters {
  status: OpportunityStatus;
  rule: string | null;
  subcategory: string | null;
  tier: string | null;
  /** A user id, or 'none' for sellers without an owner. */
  owner: string | null;
  page: number;
}

export const PAGE_SIZE = 20;
const STATUSES: readonly OpportunityStatus[] = ['open', 'snoozed', 'dismissed'];
const KEYS = ['rule', 'subcategory', 'tier', 'owner'] as const;

export function readFilters(params: URLSearchParams): OpportunityFilters {
  const status = params.get('status');
  const page = Number(params.get('page'));
  return {
    status: STATUSES.includes(status as OpportunityStatus) ? (status as OpportunityStatus) : 'open',
    rule: params.get('rule') || null,
    subcategory: params.get('subcategory') || null,
    tier: params.get('tier') || null,
    owner: params.get('owner') || null,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

export function writeFilters(current: URLSearchParams, next: OpportunityFilters): URLSearchParams {
  const params = new URLSearchParams(current);
  for (const key of KEYS) {
    const value = next[key];
    if (value) params.set(key, value);
    else params.delete(key);
  }
  if (next.status === 'open') params.delete('status');
  else params.set('status', next.status);
  if (next.page > 1) params.set('page', String(next.page));
  else params.delete('page');
  return params;
}

export function toQuery(filters: OpportunityFilters): OpportunityQuery {
  return {
    status: filters.status,
    ...(filters.rule ? { rule: filters.rule } : {}),
    ...(filters.subcategory ? { subcategory: filters.subcategory } : {}),
    ...(filters.tier ? { tier: filters.tier } : {}),
    ...(filters.owner ? { owner: filters.owner } : {}),
    limit: PAGE_SIZE,
    offset: (filters.page - 1) * PAGE_SIZE,
  };
}

export function hasFilters(filters: OpportunityFilters): boolean {
  return KEYS.some((key) => filters[key] !== null);
}
