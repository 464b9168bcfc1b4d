/**
 * Rebuilds the `seller_days` rows that derive from order lines, for a date range and optionally a
 * set of sellers, in two set-based statements. Every loader of order lines (imports, the demo)
 * calls this, so a seller-day's GMV, orders and buyers mean the same thing whoever wrote them.
 *
 * Traps it guards against:
 * - a seller-day whose lines were all removed keeps a stale derived row → such rows are deleted;
 * - an imported daily row (`source = 'import'`) for a seller-day that has no lines is the only data
 *   there is → it is left alone; once lines exist they win and the row becomes `order_lines`;
 * - traffic (visitors, page views, product impressions/clicks) cannot be derived from lines → the
 *   values already on the row, e.g. from a daily import, are kept rather than wiped.
 */
import type { Executor } from '../db/database.ts';
import { sql, type Sql } from '../db/sql.ts';
import { isIsoDate } from '../shared/dates.ts';
import { UserError } from '../shared/errors.ts';

export interface SellerDaysRange {
  /** First and last local date, inclusive (`YYYY-MM-DD`). */
  from: string;
  to: string;
  /** Only these sellers; omitted means every seller. */
  sellerIds?: readonly string[];
}

export interface SellerDaysRefresh {
  /** Derived rows removed because their seller-day has no order lines any more. */
  deleted: number;
  /** Rows inserted or recomputed from order lines. */
  written: number;
}

function checkRange(range: SellerDaysRange): void {
  for (const [name, value] of [
    ['from', range.from],
    ['to', range.to],
  ] as const) {
    if (!isIsoDate(value))
      throw new UserError(`${name} must be a date written YYYY-MM-DD; got ${JSON.stringify(value)}`);
  }
  if (range.from > range.to) throw new UserError(`from (${range.from}) is after to (${range.to})`);
}

export async function refreshSellerDays(
  executor: Executor,
  range: SellerDaysRange,
): Promise<SellerDaysRefresh> {
  checkRange(range);
  if (range.sellerIds && range.sellerIds.length === 0) return { deleted: 0, written: 0 };
  const sellers = (column: Sql): Sql =>
    range.sellerIds ? sql`AND ${column} IN (${sql.join([...new Set(range.sellerIds)])})` : sql.empty;
  const from = sql`CAST(${range.from} AS DATE)`;
  const to = sql`CAST(${range.to} AS DATE)`;

  const deleted = await executor.run(sql`
    DELETE FROM seller_days
    WHERE source = 'order_lines' AND date BETWEEN ${from} AND ${to} ${sellers(sql`seller_id`)}
      AND NOT EXISTS (
        -- The range filter is redundant but lets the engine skip every line outside it.
        SELECT 1 FROM order_lines ol
        WHERE ol.order_date BETWEEN ${from} AND ${to}
          AND ol.seller_id = seller_days.seller_id AND ol.order_date = seller_days.date)`);

  const written = await executor.run(sql`
    INSERT INTO seller_days (seller_id, date, source, gmv, cancelled_gmv, refunds, orders, items_sold, buyers,
      live_gmv, video_gmv, product_card_gmv, import_id, updated_at)
    SELECT seller_id, order_date, 'order_lines',
      sum(amount),
      coalesce(sum(amount) FILTER (WHERE status = 'cancelled'), 0),
      sum(refund_amount),
      count(DISTINCT order_id),
      sum(quantity),
      -- Lines without buyer ids cannot say how many buyers there were.
      CASE WHEN count(buyer_id) = 0 THEN NULL ELSE count(DISTINCT buyer_id) END,
      coalesce(sum(amount) FILTER (WHERE channel = 'live'), 0),
      coalesce(sum(amount) FILTER (WHERE channel = 'video'), 0),
      coalesce(sum(amount) FILTER (WHERE channel = 'product_card'), 0),
      NULL, current_timestamp
    FROM order_lines
    WHERE order_date BETWEEN ${from} AND ${to} ${sellers(sql`seller_id`)}
    GROUP BY seller_id, order_date
    ON CONFLICT (seller_id, date) DO UPDATE SET
      source = excluded.source, gmv = excluded.gmv, cancelled_gmv = excluded.cancelled_gmv, refunds = excluded.refunds,
      orders = excluded.orders, items_sold = excluded.items_sold, buyers = excluded.buyers, live_gmv = excluded.live_gmv,
      video_gmv = excluded.video_gmv, product_card_gmv = excluded.product_card_gmv, import_id = NULL,
      updated_at = excluded.updated_at`);

  return { deleted, written };
}
