/**
 * Shop traffic for the demo's seller-days. Order lines cannot tell how many people visited a shop,
 * so `refreshSellerDays` leaves these columns alone; the demo fills them in a way that stays
 * consistent with the sales already there: visitors ≥ buyers (a conversion rate of 1.5–6.5%),
 * page views ≥ visitors, product clicks ≤ product impressions.
 */
import type { Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import type { DayChunk } from './demo-plan.ts';
import type { DemoRandom } from './demo-random.sql.ts';

export async function fillSellerDayTraffic(tx: Executor, rnd: DemoRandom, chunk: DayChunk): Promise<number> {
  const key = [sql`seller_id`, sql`date`];
  return tx.run(sql`
    UPDATE seller_days SET visitors = t.visitors, page_views = t.page_views,
      product_impressions = t.product_impressions, product_clicks = t.product_clicks
    FROM (
      SELECT seller_id, date, visitors, page_views,
        CAST(ceil(page_views * (0.5 + 0.35 * ${rnd.uniform('traffic_clicks', ...key)})) AS BIGINT) AS product_clicks,
        CAST(ceil(page_views * (0.5 + 0.35 * ${rnd.uniform('traffic_clicks', ...key)}))
          + ceil(page_views * (4 + 10 * ${rnd.uniform('traffic_impressions', ...key)})) AS BIGINT) AS product_impressions
      FROM (
        SELECT seller_id, date, visitors,
          CAST(ceil(visitors * (1.3 + 1.2 * ${rnd.uniform('traffic_pages', ...key)})) AS INTEGER) AS page_views
        FROM (
          SELECT seller_id, date,
            CAST(ceil(coalesce(buyers, orders) / (0.015 + 0.05 * ${rnd.uniform('traffic_conversion', ...key)})) AS INTEGER) AS visitors
          FROM seller_days
          WHERE source = 'order_lines' AND date BETWEEN CAST(${chunk.from} AS DATE) AND CAST(${chunk.to} AS DATE)
        )
      )
    ) t
    WHERE seller_days.seller_id = t.seller_id AND seller_days.date = t.date`);
}
