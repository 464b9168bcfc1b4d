// Every number on the Overview opens the list behind it, with the Overview's period (and
// subcategory) as filters: seller figures open Sellers, livestream figures open Livestreams. The
// query parameters below are what those pages read (`from`, `to`, `subcategory`, `sort`), so they
// are declared once here and tested.
import type { DateRange } from './overview-api';

export type ListPath = '/sellers' | '/livestreams';

interface ListTarget {
  path: ListPath;
  /** The column the list is sorted by, so the sellers behind the number come first. */
  sort: string | null;
}

const SELLERS_BY = (sort: string): ListTarget => ({ path: '/sellers', sort });
const LIVESTREAMS_BY = (sort: string | null): ListTarget => ({ path: '/livestreams', sort });

/** KPI tiles and breakdown columns → the list that explains them. */
const LISTS: Record<string, ListTarget> = {
  gmv: SELLERS_BY('gmv'),
  orders: SELLERS_BY('orders'),
  buyers: SELLERS_BY('buyers'),
  aov: SELLERS_BY('aov'),
  active_sellers: SELLERS_BY('gmv'),
  // Adoption is about which sellers go live: sellers by their sessions shows who does and who does not.
  seller_adoption_rate: SELLERS_BY('live_sessions'),
  live_gmv: SELLERS_BY('live_gmv'),
  live_gmv_share: LIVESTREAMS_BY('gmv'),
  live_sessions: LIVESTREAMS_BY(null),
  engagement_rate: LIVESTREAMS_BY('engagement_rate'),
  gpm: LIVESTREAMS_BY('gpm'),
};

function listTarget(metric: string): ListTarget {
  return LISTS[metric] ?? SELLERS_BY('gmv');
}

function href(path: string, params: Record<string, string | null>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== null) query.set(key, value);
  const text = query.toString();
  return text === '' ? path : `${path}?${text}`;
}

/** A KPI tile's number → its list for the period. */
export function kpiHref(metric: string, range: DateRange | null): string {
  const { path, sort } = listTarget(metric);
  return href(path, { from: range?.from ?? null, to: range?.to ?? null, sort });
}

/** A breakdown cell → the sellers (or sessions) of that subcategory in the period. */
export function subcategoryHref(subcategory: string, metric: string, range: DateRange | null): string {
  const { path, sort } = listTarget(metric);
  return href(path, { subcategory, from: range?.from ?? null, to: range?.to ?? null, sort });
}

/** A mover → that seller's page, showing the same period. */
export function sellerHref(seller: string, range: DateRange | null): string {
  return href(`/sellers/${encodeURIComponent(seller)}`, { from: range?.from ?? null, to: range?.to ?? null });
}

/** A day of the trend → that day's sellers by GMV. */
export function dayHref(date: string): string {
  return href('/sellers', { from: date, to: date, sort: 'gmv' });
}
