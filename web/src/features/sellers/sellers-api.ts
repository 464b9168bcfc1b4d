// `/api/sellers*` and `/api/seller-views`: the registry's list (filtered, sorted and paged by the
// server), one seller's profile, figures and history, edits, owner assignment and saved views.
// Field names are the contract's (snake_case), as in imports and the history.
import { apiDelete, apiGet, apiSend } from '../../ui/api';

export interface DateRange {
  from: string;
  to: string;
}

export interface SellerRow {
  id: string;
  name: string;
  shop_name: string | null;
  category: string | null;
  category_name: string | null;
  subcategory: string | null;
  subcategory_name: string | null;
  platform_tier: string | null;
  tier: string | null;
  lifecycle: string | null;
  live_status: string | null;
  region: string | null;
  status: string;
  owner_user_id: number | null;
  owner_name: string | null;
  last_contact_at: string | null;
  last_contact_date: string | null;
  completeness: number;
  missing_fields: string[];
  gmv: number;
  gmv_previous: number;
  gmv_change: number;
  gmv_change_ratio: number | null;
  orders: number;
  aov: number | null;
  live_sessions: number;
  live_gmv: number;
  live_gmv_share: number | null;
}

export interface SellerPeriod {
  period: string;
  compare: string;
  asOf: string | null;
  current: DateRange;
  previous: DateRange;
}

export interface SellerList {
  /** Rows from the figures before the latest data change, while the new ones are built (the grid asks again). */
  refreshing: boolean;
  period: SellerPeriod;
  sort: { column: string; direction: 'asc' | 'desc' };
  page: number;
  pageSize: number;
  total: number;
  rows: SellerRow[];
}

export interface SellerOptions {
  asOf: string | null;
  currency: string;
  categories: { id: string; name: string; parent_id: string | null }[];
  owners: { id: number; name: string }[];
  regions: string[];
  platform_tiers: string[];
  tiers: string[];
  lifecycles: string[];
  live_statuses: string[];
  statuses: string[];
  seller_types: string[];
  sort_columns: string[];
}

export interface SellerProfile {
  id: string;
  seller_name: string;
  shop_name: string | null;
  brand: string | null;
  seller_type: string | null;
  tier: string | null;
  region: string | null;
  city: string | null;
  postal_code: string | null;
  category: string | null;
  category_name: string | null;
  subcategory: string | null;
  subcategory_name: string | null;
  status: string;
  onboarded_at: string | null;
  account_manager: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  followers: number | null;
  product_count: number | null;
  store_rating: number | null;
  owner_user_id: number | null;
  owner_name: string | null;
  owner_email: string | null;
  first_seen: string | null;
  last_seen: string | null;
  created_at: string;
  updated_at: string;
  last_contact_at: string | null;
  completeness: number;
  missing_fields: string[];
  segment: {
    tier: string | null;
    tier_reason: string | null;
    lifecycle: string | null;
    lifecycle_reason: string | null;
    live_status: string | null;
    live_status_reason: string | null;
    computed_at: string | null;
  } | null;
  merged_into: string | null;
  merged_from: string[];
}

export interface HistoryEntry {
  id: number;
  field: string;
  old: string | null;
  new: string | null;
  changed_at: string;
  by: string;
  source: 'import' | 'user' | 'merge' | 'system';
}

export type ValueFormat = 'money' | 'count' | 'rate' | 'duration' | 'number';

export interface SellerKpi {
  metric: string;
  label: string;
  description: string;
  format: ValueFormat;
  value: number | null;
  previous: number | null;
  change: number | null;
  changeRatio: number | null;
  median: number | null;
}

export interface SellerPerformance {
  /** The figures before the latest data change, while the new ones are computed (the page asks again). */
  refreshing: boolean;
  seller: string;
  currency: string;
  period: SellerPeriod;
  subcategory: { id: string; name: string; sellers: number } | null;
  kpis: SellerKpi[];
  trend: { range: DateRange; points: { date: string; gmv: number; median: number | null }[] };
  calendar: { range: DateRange; days: { date: string; sessions: number; liveGmv: number }[] };
  sessions: {
    id: string;
    title: string | null;
    host: string | null;
    started_at: string;
    start_date: string;
    duration_s: number | null;
    views: number | null;
    peak_viewers: number | null;
    orders: number | null;
    gmv: number | null;
  }[];
  mix: {
    sales: { subcategory: string | null; name: string | null; amount: number; share: number | null }[];
    products: { subcategory: string | null; name: string | null; products: number }[];
  };
}

export interface SavedView {
  id: number;
  name: string;
  state: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

export function fetchSellers(query: string, signal?: AbortSignal): Promise<SellerList> {
  return apiGet<SellerList>(`/api/sellers?${query}`, signal);
}

export function fetchSellerOptions(signal?: AbortSignal): Promise<SellerOptions> {
  return apiGet<SellerOptions>('/api/sellers/options', signal);
}

export function sellersExportPath(query: string): string {
  return `/api/sellers/export.xlsx?${query}`;
}

export async function fetchSeller(id: string, signal?: AbortSignal): Promise<SellerProfile> {
  return (await apiGet<{ seller: SellerProfile }>(`/api/sellers/${encodeURIComponent(id)}`, signal)).seller;
}

export async function fetchSellerHistory(id: string, signal?: AbortSignal): Promise<HistoryEntry[]> {
  return (await apiGet<{ history: HistoryEntry[] }>(`/api/sellers/${encodeURIComponent(id)}/history`, signal))
    .history;
}

export function fetchSellerPerformance(
  id: string,
  query: string,
  signal?: AbortSignal,
): Promise<SellerPerformance> {
  return apiGet<SellerPerformance>(`/api/sellers/${encodeURIComponent(id)}/performance?${query}`, signal);
}

export function updateSeller(
  id: string,
  changes: Record<string, string | number | null>,
): Promise<{ seller: SellerProfile; changed: string[] }> {
  return apiSend('PATCH', `/api/sellers/${encodeURIComponent(id)}`, changes);
}

export function assignOwner(
  sellerIds: string[],
  userId: number | null,
): Promise<{ owner: { id: number; name: string } | null; changed: number }> {
  return apiSend('POST', '/api/sellers/owner', { sellerIds, userId });
}

export async function fetchSavedViews(signal?: AbortSignal): Promise<SavedView[]> {
  return (await apiGet<{ views: SavedView[] }>('/api/seller-views', signal)).views;
}

export async function createSavedView(name: string, state: Record<string, unknown>): Promise<SavedView> {
  return (await apiSend<{ view: SavedView }>('POST', '/api/seller-views', { name, state })).view;
}

export async function updateSavedView(
  id: number,
  changes: { name?: string; state?: Record<string, unknown> },
): Promise<SavedView> {
  return (await apiSend<{ view: SavedView }>('PATCH', `/api/seller-views/${id}`, changes)).view;
}

export function deleteSavedView(id: number): Promise<void> {
  return apiDelete(`/api/seller-views/${id}`);
}
