/** Response shapes of the seller routes (OpenAPI docs and serialisation). */
import { z } from 'zod';

const text = z.string().nullable();
const money = z.number().nullable();

export const listRow = z.object({
  id: z.string(),
  name: z.string(),
  shop_name: text,
  category: text,
  category_name: text,
  subcategory: text,
  subcategory_name: text,
  platform_tier: text,
  tier: text,
  lifecycle: text,
  live_status: text,
  region: text,
  status: z.string(),
  owner_user_id: z.number().nullable(),
  owner_name: text,
  last_contact_at: text,
  last_contact_date: text,
  completeness: z.number(),
  missing_fields: z.array(z.string()),
  gmv: z.number(),
  gmv_previous: z.number(),
  gmv_change: z.number(),
  gmv_change_ratio: z.number().nullable(),
  orders: z.number(),
  aov: money,
  live_sessions: z.number(),
  live_gmv: z.number(),
  live_gmv_share: z.number().nullable(),
});

export const profile = z.object({
  id: z.string(),
  seller_name: z.string(),
  shop_name: text,
  brand: text,
  seller_type: text,
  tier: text,
  region: text,
  city: text,
  postal_code: text,
  category: text,
  category_name: text,
  subcategory: text,
  subcategory_name: text,
  status: z.string(),
  onboarded_at: text,
  account_manager: text,
  contact_name: text,
  contact_email: text,
  contact_phone: text,
  followers: z.number().nullable(),
  product_count: z.number().nullable(),
  store_rating: z.number().nullable(),
  owner_user_id: z.number().nullable(),
  owner_name: text,
  owner_email: text,
  first_seen: text,
  last_seen: text,
  created_at: z.string(),
  updated_at: z.string(),
  last_contact_at: text,
  completeness: z.number(),
  missing_fields: z.array(z.string()),
  segment: z
    .object({
      tier: text,
      tier_reason: text,
      lifecycle: text,
      lifecycle_reason: text,
      live_status: text,
      live_status_reason: text,
      computed_at: text,
    })
    .nullable(),
  merged_into: text,
  merged_from: z.array(z.string()),
});

export const historyEntry = z.object({
  id: z.number(),
  field: z.string(),
  old: text,
  new: text,
  changed_at: z.string(),
  by: z.string(),
  source: z.enum(['import', 'user', 'merge', 'system']),
});

export const options = z.object({
  asOf: text,
  currency: z.string(),
  categories: z.array(z.object({ id: z.string(), name: z.string(), parent_id: text })),
  owners: z.array(z.object({ id: z.number(), name: z.string() })),
  regions: z.array(z.string()),
  platform_tiers: z.array(z.string()),
  tiers: z.array(z.string()),
  lifecycles: z.array(z.string()),
  live_statuses: z.array(z.string()),
  statuses: z.array(z.string()),
  seller_types: z.array(z.string()),
  sort_columns: z.array(z.string()),
});

const range = z.object({ from: z.string(), to: z.string() });

export const performance = z.object({
  /** The previous figures, while the ones after the latest data change are computed: ask again shortly. */
  refreshing: z.boolean(),
  seller: z.string(),
  currency: z.string(),
  period: z.object({ period: z.string(), compare: z.string(), asOf: text, current: range, previous: range }),
  subcategory: z.object({ id: z.string(), name: z.string(), sellers: z.number() }).nullable(),
  kpis: z.array(
    z.object({
      metric: z.string(),
      label: z.string(),
      description: z.string(),
      format: z.enum(['money', 'count', 'rate', 'duration', 'number']),
      value: money,
      previous: money,
      change: money,
      changeRatio: money,
      median: money,
    }),
  ),
  trend: z.object({ range, points: z.array(z.object({ date: z.string(), gmv: z.number(), median: money })) }),
  calendar: z.object({ range, days: z.array(z.object({ date: z.string(), sessions: z.number(), liveGmv: z.number() })) }),
  sessions: z.array(
    z.object({
      id: z.string(),
      title: text,
      host: text,
      started_at: z.string(),
      start_date: z.string(),
      duration_s: money,
      views: money,
      peak_viewers: money,
      orders: money,
      gmv: money,
    }),
  ),
  mix: z.object({
    sales: z.array(z.object({ subcategory: text, name: text, amount: z.number(), share: money })),
    products: z.array(z.object({ subcategory: text, name: text, products: z.number() })),
  }),
});

export const sellerView = z.object({
  id: z.number(),
  name: z.string(),
  state: z.record(z.string(), z.unknown()),
  created_at: z.string(),
  updated_at: z.string(),
});
