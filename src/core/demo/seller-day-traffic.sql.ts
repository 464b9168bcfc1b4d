/**
 * The demo's seller-days, one INSERT per chunk: the sales columns exactly as `refreshSellerDays`
 * (src/core/ingest/refresh-seller-days.ts) derives them from order lines, plus shop traffic. Order
 * lines cannot tell how many people visited a shop, so the refresh leaves traffic alone; the demo
 * makes it up consistent with the sales: visitors ≥ buyers (a conversion rate of 1.5–6.5%), page
 * views ≥ visitors, product clicks ≤ product impressions.
 *
 * Why not the shared refresh followed by an UPDATE: at benchmark size (18.6 million seller-days)
 * its general path — `count(DISTINCT order_id)`, `ON CONFLICT` against the primary key, then
 * rewriting four columns of every row — was a fifth of the generation. A demo chunk is simpler: its
 * days have no rows yet (the workspace was cleared, chunks do not overlap), and an order's lines
 * share seller, time and date and are numbered from 1, so its orders are its first lines. A test
 * (generate-demo.test.ts) runs the shared refresh over a generated demo and expects no change.
 */
import type { Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import type { DayChunk } from './demo-plan.ts';
import type { DemoRandom } from './demo-random.sql.ts';

export async function insertChunkSellerDays(tx: Executor, rnd: DemoRandom, chunk: DayChunk): Promise<number> {
  const key = [sql`seller_id`, sql`date`];
  return tx.run(sql`
    INSERT INTO seller_days (seller_id, date, source, gmv, cancelled_gmv, refunds, orders, items_sold, buyers,
      live_gmv, video_gmv, product_card_gmv, visitors, page_views, product_impressions, product_clicks, import_id, updated_at)
    WITH sold AS (
      SELECT seller_id, order_date AS date,
        sum(amount) AS gmv,
        coalesce(sum(amount) FILTER (WHERE status = 'cancelled'), 0) AS cancelled_gmv,
        sum(refund_amount) AS refunds,
        count(*) FILTER (WHERE line_no = 1) AS orders,
        sum(quantity) AS items_sold,
        CASE WHEN count(buyer_id) = 0 THEN NULL ELSE count(DISTINCT buyer_id) END AS buyers,
        coalesce(sum(amount) FILTER (WHERE channel = 'live'), 0) AS live_gmv,
        coalesce(sum(amount) FILTER (WHERE channel = 'video'), 0) AS video_gmv,
        coalesce(sum(amount) FILTER (WHERE channel = 'product_card'), 0) AS product_card_gmv
      FROM order_lines
      WHERE order_date BETWEEN CAST(${chunk.from} AS DATE) AND CAST(${chunk.to} AS DATE)
      GROUP BY seller_id, order_date
    ), visited AS (
      SELECT *,
        CAST(ceil(coalesce(buyers, orders) / (0.015 + 0.05 * ${rnd.uniform('traffic_conversion', ...key)})) AS INTEGER) AS visitors
      FROM sold
    ), viewed AS (
      SELECT *, CAST(ceil(visitors * (1.3 + 1.2 * ${rnd.uniform('traffic_pages', ...key)})) AS INTEGER) AS page_views
      FROM visited
    ), clicked AS (
      SELECT *, CAST(ceil(page_views * (0.5 + 0.35 * ${rnd.uniform('traffic_clicks', ...key)})) AS BIGINT) AS product_clicks
      FROM viewed
    )
    SELECT seller_id, date, 'order_lines', gmv, cancelled_gmv, refunds, orders, items_sold, buyers,
      live_gmv, video_gmv, product_card_gmv, visitors, page_views,
      product_clicks + CAST(ceil(page_views * (4 + 10 * ${rnd.uniform('traffic_impressions', ...key)})) AS BIGINT),
      product_clicks, NULL, current_timestamp
    FROM clicked`);
}
