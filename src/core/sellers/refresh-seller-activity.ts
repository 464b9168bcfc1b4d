/**
 * Sets each seller's `first_seen` / `last_seen` — the first and last local date with any activity:
 * an order line, a seller-day with sales (imported daily rows count), or a livestream — in one
 * set-based UPDATE. "New sellers" and "last active" read these columns, so every loader calls this
 * after writing facts. A seller with no activity left gets NULLs rather than stale dates. The
 * profile's `updated_at` is not touched: these dates are derived, not an edit of the profile.
 */
import type { Executor } from '../db/database.ts';
import { sql, type Sql } from '../db/sql.ts';

export async function refreshSellerActivity(
  executor: Executor,
  sellerIds?: readonly string[],
): Promise<number> {
  if (sellerIds && sellerIds.length === 0) return 0;
  const only = (column: Sql): Sql =>
    sellerIds ? sql`AND ${column} IN (${sql.join([...new Set(sellerIds)])})` : sql.empty;
  return executor.run(sql`
    UPDATE sellers SET first_seen = a.first_seen, last_seen = a.last_seen
    FROM (
      SELECT s.id, min(x.first_day) AS first_seen, max(x.last_day) AS last_seen
      FROM sellers s
      LEFT JOIN (
        SELECT seller_id, min(order_date) AS first_day, max(order_date) AS last_day
        FROM order_lines WHERE true ${only(sql`seller_id`)} GROUP BY seller_id
        UNION ALL
        SELECT seller_id, min(date), max(date)
        FROM seller_days WHERE (gmv > 0 OR orders > 0) ${only(sql`seller_id`)} GROUP BY seller_id
        UNION ALL
        SELECT seller_id, min(start_date), max(start_date)
        FROM livestreams WHERE true ${only(sql`seller_id`)} GROUP BY seller_id
      ) x ON x.seller_id = s.id
      WHERE true ${only(sql`s.id`)}
      GROUP BY s.id
    ) a
    WHERE sellers.id = a.id
      AND (sellers.first_seen IS DISTINCT FROM a.first_seen OR sellers.last_seen IS DISTINCT FROM a.last_seen)`);
}
