/**
 * Loads daily shop performance exports into `seller_days`. Where order lines exist for a
 * seller-day they stay the source of GMV and orders (the finest grain wins); the export still
 * fills the traffic columns that lines cannot give (visitors, page views, impressions, clicks).
 */
import type { Executor } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';

export async function loadSellerDaily(executor: Executor, importId: string): Promise<number> {
  const keep = (column: string) =>
    sql.raw(`${column} = CASE WHEN seller_days.source = 'import' THEN excluded.${column} ELSE seller_days.${column} END`);
  const fill = (column: string) => sql.raw(`${column} = coalesce(excluded.${column}, seller_days.${column})`);
  return executor.run(sql`
    INSERT INTO seller_days (seller_id, date, source, gmv, cancelled_gmv, refunds, orders, items_sold, buyers, visitors,
      page_views, product_impressions, product_clicks, live_gmv, video_gmv, product_card_gmv, import_id, updated_at)
    SELECT seller_ref, date, 'import', coalesce(gmv, 0), 0, coalesce(refunds, 0), coalesce(orders, 0)::INTEGER,
      coalesce(items_sold, 0)::INTEGER, buyers::INTEGER, visitors::INTEGER, page_views::INTEGER, product_impressions,
      product_clicks, coalesce(live_gmv, 0), coalesce(video_gmv, 0), coalesce(product_card_gmv, 0), ${importId}, now()
    FROM valid
    ON CONFLICT (seller_id, date) DO UPDATE SET
      ${keep('gmv')}, ${keep('refunds')}, ${keep('orders')}, ${keep('items_sold')}, ${keep('buyers')},
      ${keep('live_gmv')}, ${keep('video_gmv')}, ${keep('product_card_gmv')},
      ${fill('visitors')}, ${fill('page_views')}, ${fill('product_impressions')}, ${fill('product_clicks')},
      import_id = excluded.import_id, updated_at = excluded.updated_at`);
}
