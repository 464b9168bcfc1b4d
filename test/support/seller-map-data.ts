/**
 * Hand-built sellers for segmentation and opportunity tests: each seller is a few spans of daily
 * GMV and of livestreams, counted in days back from the reference day D (0 = D, 27 = four weeks
 * ago), written with `range()` in SQL. Activity dates are then refreshed as every loader does.
 */
import type { Executor } from '../../src/core/db/database.ts';
import { sql } from '../../src/core/db/sql.ts';
import { refreshSellerActivity } from '../../src/core/sellers/refresh-seller-activity.ts';

export const D = '2026-03-31';

export interface GmvSpan {
  /** Days back from D, inclusive: from 59 back to 0 = the 60 days ending on D. */
  back: [number, number];
  gmv: number;
  liveGmv?: number;
}

export interface SessionSpan {
  back: [number, number];
  /** One session every `every` days in the span (default 1). */
  every?: number;
  views?: number;
  gmv?: number;
  clicks?: number;
  engagements?: number;
}

export interface SellerSpec {
  id: string;
  name?: string;
  category?: string;
  subcategory?: string;
  tier?: string | null;
  profile?: Partial<Record<'shop_name' | 'brand' | 'seller_type' | 'region' | 'city' | 'contact_name' | 'contact_email' | 'contact_phone', string>>;
  ownerUserId?: number | null;
  gmv?: GmvSpan[];
  sessions?: SessionSpan[];
}

export const CATEGORIES = `
INSERT INTO categories (id, parent_id, name) VALUES ('home', NULL, 'Home & Living'), ('care', NULL, 'Personal Care');
INSERT INTO categories (id, parent_id, name) VALUES ('kitchen', 'home', 'Kitchen'), ('decor', 'home', 'Home Decor'), ('skin', 'care', 'Skin Care'), ('hair', 'care', 'Hair Care');`;

const FULL_PROFILE = {
  shop_name: 'Shop',
  brand: 'Brand',
  seller_type: 'brand',
  region: 'Jakarta',
  city: 'Jakarta',
  contact_name: 'Ana',
  contact_email: 'ana@example.com',
  contact_phone: '+62 811',
};

export async function insertSellers(executor: Executor, specs: SellerSpec[]): Promise<void> {
  const [has] = await executor.query<{ n: number }>(sql`SELECT count(*) AS n FROM categories`);
  if (!has?.n) await executor.exec(CATEGORIES);
  for (const spec of specs) {
    const profile = { ...FULL_PROFILE, ...spec.profile };
    const sub = spec.subcategory ?? 'kitchen';
    const category = spec.category ?? (sub === 'kitchen' || sub === 'decor' ? 'home' : 'care');
    await executor.run(sql`
      INSERT INTO sellers (id, name, name_key, shop_name, brand, seller_type, tier, region, city, category_id, subcategory_id,
        contact_name, contact_email, contact_phone, owner_user_id)
      VALUES (${spec.id}, ${spec.name ?? spec.id}, ${(spec.name ?? spec.id).toLowerCase()}, ${profile.shop_name || null}, ${profile.brand || null},
        ${profile.seller_type || null}, ${spec.tier ?? null}, ${profile.region || null}, ${profile.city || null}, ${category}, ${sub},
        ${profile.contact_name || null}, ${profile.contact_email || null}, ${profile.contact_phone || null}, ${spec.ownerUserId ?? null})`);
    for (const span of spec.gmv ?? []) {
      await executor.run(sql`
        INSERT INTO seller_days (seller_id, date, source, gmv, orders, items_sold, live_gmv)
        SELECT ${spec.id}, CAST(${D} AS DATE) - CAST(b AS INTEGER), 'import', ${span.gmv}, 1, 1, ${span.liveGmv ?? 0}
        FROM range(${span.back[1]}, ${span.back[0] + 1}) t(b)`);
    }
    for (const [i, span] of (spec.sessions ?? []).entries()) {
      await executor.run(sql`
        INSERT INTO livestreams (id, seller_id, started_at, start_date, duration_s, views, viewers, likes, comments, shares,
          product_clicks, product_impressions, gmv)
        SELECT ${spec.id} || '-' || ${i} || '-' || b, ${spec.id}, CAST(CAST(${D} AS DATE) - CAST(b AS INTEGER) AS TIMESTAMP) + INTERVAL 19 HOUR,
          CAST(${D} AS DATE) - CAST(b AS INTEGER), 3600, ${span.views ?? 1000}, ${span.views ?? 1000}, ${span.engagements ?? 50}, 0, 0,
          ${span.clicks ?? 50}, ${(span.clicks ?? 50) * 4}, ${span.gmv ?? 100}
        FROM range(${span.back[1]}, ${span.back[0] + 1}, ${span.every ?? 1}) t(b)`);
    }
  }
  await refreshSellerActivity(executor);
}
