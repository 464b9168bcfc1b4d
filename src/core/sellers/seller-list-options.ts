/**
 * What the Sellers grid's filters can choose from: the taxonomy, owners, regions, platform tiers and
 * Aisle's tiers as they occur in the data, the segment vocabularies and the sortable columns — one
 * request, so the page's pickers never offer a value the list would refuse.
 */
import type { Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { getSettings } from '../shared/settings.ts';
import { latestDataDay } from '../kpis/overview.ts';
import { ownerChoices } from './registry.ts';
import { LIFECYCLES, LIVE_STATUSES, SORT_COLUMNS } from './seller-list.ts';
import { SELLER_STATUSES, SELLER_TYPES } from './registry-fields.ts';

export interface SellerListOptions {
  asOf: string | null;
  currency: string;
  categories: { id: string; name: string; parent_id: string | null }[];
  owners: { id: number; name: string }[];
  regions: string[];
  platform_tiers: string[];
  /** Aisle's computed tiers present in seller_segments, best first (by their sellers' GMV). */
  tiers: string[];
  lifecycles: string[];
  live_statuses: string[];
  statuses: string[];
  seller_types: string[];
  sort_columns: string[];
}

const MAX_REGIONS = 300;

export async function sellerListOptions(executor: Executor): Promise<SellerListOptions> {
  const [settings, asOf, categories, owners, regions, platformTiers, tiers] = await Promise.all([
    getSettings(executor),
    latestDataDay(executor),
    executor.query<{ id: string; name: string; parent_id: string | null }>(sql`SELECT id, name, parent_id FROM categories ORDER BY parent_id NULLS FIRST, lower(name)`),
    ownerChoices(executor),
    executor.query<{ v: string }>(sql`SELECT region AS v FROM sellers WHERE region IS NOT NULL GROUP BY region ORDER BY count(*) DESC, region LIMIT ${MAX_REGIONS}`),
    executor.query<{ v: string }>(sql`SELECT tier AS v FROM sellers WHERE tier IS NOT NULL GROUP BY tier ORDER BY tier LIMIT 50`),
    executor.query<{ v: string }>(sql`SELECT tier AS v FROM seller_segments WHERE tier IS NOT NULL GROUP BY tier ORDER BY max(gmv_window) DESC NULLS LAST, tier LIMIT 50`),
  ]);
  return {
    asOf,
    currency: settings.currency,
    categories,
    owners,
    regions: regions.map((r) => r.v).sort((a, b) => a.localeCompare(b)),
    platform_tiers: platformTiers.map((r) => r.v),
    tiers: tiers.map((r) => r.v),
    lifecycles: [...LIFECYCLES],
    live_statuses: [...LIVE_STATUSES],
    statuses: [...SELLER_STATUSES],
    seller_types: [...SELLER_TYPES],
    sort_columns: SORT_COLUMNS,
  };
}
