/**
 * Rebuilds the `seller_days` rows that derive from order lines, for a date range and optionally a
 * set of sellers, set-based: stale rows deleted, the rest computed once and written. Every loader of order lines (imports, the demo)
 * calls this, so a seller-day's GMV, orders and buyers mean the same thing whoever wrote them.
 *
 * Traps it guards against:
 * - a seller-day whose lines were all removed keeps a stale derived row → such rows are deleted;
 * - an imported daily row (`source = 'import'`) for a seller-day that has no lines is the only data
 *   there is → it is left alone; once lines exist they win and the row becomes `order_lines`;
 * - traffic (visitors, page views, product impressions/clicks) cannot be derived from lines → the
 *   values already on the row, e.g. from a daily import, are kept rather than wiped.
 */
import { Database, type Executor } from '../db/database.ts';
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

/** The refreshed rows, computed once and then written (a TEMP table: one connection only). */
const REFRESHED = sql.ident('seller_days_refreshed');

/**
 * Runs `work` on one connection: a database hands out a pooled connection per statement, so its
 * statements run inside one transaction (which also keeps the refresh all-or-nothing); any other
 * executor already is one connection (an import's, a transaction's).
 */
function onOneConnection<T>(executor: Executor, work: (tx: Executor) => Promise<T>): Promise<T> {
  return executor instanceof Database ? executor.transaction(work) : work(executor);
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

  return onOneConnection(executor, async (tx) => {
    const deleted = await tx.run(sql`
      DELETE FROM seller_days
      WHERE source = 'order_lines' AND date BETWEEN ${from} AND ${to} ${sellers(sql`seller_id`)}
        AND NOT EXISTS (
          -- The range filter is redundant but lets the engine skip every line outside it.
          SELECT 1 FROM order_lines ol
          WHERE ol.order_date BETWEEN ${from} AND ${to}
            AND ol.seller_id = seller_days.seller_id AND ol.order_date = seller_days.date)`);
    await tx.run(sql`CREATE OR REPLACE TEMP TABLE ${REFRESHED} AS
      SELECT seller_id, order_date AS date,
        ${LINE_SUMS},
        -- Lines without buyer ids cannot say how many buyers there were.
        CASE WHEN count(buyer_id) = 0 THEN NULL ELSE count(DISTINCT buyer_id) END AS buyers
      FROM order_lines
      WHERE order_date BETWEEN ${from} AND ${to} ${sellers(sql`seller_id`)}
      GROUP BY seller_id, order_date`);
    try {
      return { deleted, written: await writeRefreshed(tx) };
    } finally {
      await tx.run(sql`DROP TABLE IF EXISTS ${REFRESHED}`);
    }
  });
}

/**
 * A seller-day's sums over its order lines, grouped by seller and order date: what a full refresh
 * and an import's new lines both compute (buyers apart: distinct across lines, so each path counts
 * them its own way). Catalog text only: nothing is bound.
 */
const LINE_SUMS = sql.raw(`sum(amount) AS gmv,
  coalesce(sum(amount) FILTER (WHERE status = 'cancelled'), 0) AS cancelled_gmv,
  sum(refund_amount) AS refunds,
  count(DISTINCT order_id) AS orders,
  sum(quantity) AS items_sold,
  coalesce(sum(amount) FILTER (WHERE channel = 'live'), 0) AS live_gmv,
  coalesce(sum(amount) FILTER (WHERE channel = 'video'), 0) AS video_gmv,
  coalesce(sum(amount) FILTER (WHERE channel = 'product_card'), 0) AS product_card_gmv`);

/**
 * The computed rows: an UPDATE of the seller-days that exist and an INSERT of the others.
 * `INSERT … ON CONFLICT DO UPDATE` took over a second for 14,000 existing rows; the UPDATE takes
 * milliseconds. Traffic columns (visitors, page views…) are not derived from lines and stay.
 */
async function writeRefreshed(tx: Executor): Promise<number> {
  const updated = await tx.run(sql`
    UPDATE seller_days SET source = 'order_lines', gmv = r.gmv, cancelled_gmv = r.cancelled_gmv, refunds = r.refunds,
      orders = r.orders, items_sold = r.items_sold, buyers = r.buyers, live_gmv = r.live_gmv, video_gmv = r.video_gmv,
      product_card_gmv = r.product_card_gmv, import_id = NULL, updated_at = current_timestamp
    FROM ${REFRESHED} AS r
    WHERE seller_days.seller_id = r.seller_id AND seller_days.date = r.date`);
  const inserted = await tx.run(sql`
    INSERT INTO seller_days (seller_id, date, source, gmv, cancelled_gmv, refunds, orders, items_sold, buyers,
      live_gmv, video_gmv, product_card_gmv, import_id, updated_at)
    SELECT r.seller_id, r.date, 'order_lines', r.gmv, r.cancelled_gmv, r.refunds, r.orders, r.items_sold, r.buyers,
      r.live_gmv, r.video_gmv, r.product_card_gmv, NULL, current_timestamp
    FROM ${REFRESHED} AS r
    WHERE NOT EXISTS (SELECT 1 FROM seller_days s WHERE s.seller_id = r.seller_id AND s.date = r.date)`);
  return updated + inserted;
}

/**
 * The same rows as `refreshSellerDays` over the seller-days of one import's lines, computed from
 * those lines alone, for an import that only added lines: none of its order ids was stored before
 * (so no line was replaced and orders add up) and every seller-day it touches was consistent
 * before (the invariant every writer of lines keeps). Sums and orders are added to the stored
 * row's; buyers count the import's buyers that the day's stored lines do not already have. A
 * million stored lines are then probed once instead of aggregated again with two DISTINCT counts.
 * (A day a seller merge summed from lines and a daily import keeps that sum here, where a full
 * refresh would count the lines only.)
 */
export async function addAppendedLines(executor: Executor, importId: string): Promise<number> {
  return onOneConnection(executor, async (tx) => {
    const old = (column: string) => sql.raw(`coalesce(d.${column}, 0)`);
    await tx.run(sql`CREATE OR REPLACE TEMP TABLE ${REFRESHED} AS
      WITH added AS (
        SELECT seller_id, order_date AS date,
          ${LINE_SUMS},
          count(buyer_id) AS buyer_lines
        FROM order_lines WHERE import_id = ${importId}
        GROUP BY seller_id, order_date),
      new_buyers AS (
        SELECT n.seller_id, n.order_date AS date, count(*) AS buyers
        FROM (SELECT DISTINCT seller_id, order_date, buyer_id FROM order_lines
              WHERE import_id = ${importId} AND buyer_id IS NOT NULL) AS n
        WHERE NOT EXISTS (
          SELECT 1 FROM order_lines o
          WHERE o.import_id IS DISTINCT FROM ${importId} AND o.seller_id = n.seller_id
            AND o.order_date = n.order_date AND o.buyer_id = n.buyer_id)
        GROUP BY n.seller_id, n.order_date)
      SELECT a.seller_id, a.date,
        a.gmv + ${old('gmv')} AS gmv,
        a.cancelled_gmv + ${old('cancelled_gmv')} AS cancelled_gmv,
        a.refunds + ${old('refunds')} AS refunds,
        a.orders + ${old('orders')} AS orders,
        a.items_sold + ${old('items_sold')} AS items_sold,
        -- Lines without buyer ids cannot say how many buyers there were (stored NULL: none had one).
        CASE WHEN a.buyer_lines = 0 AND d.buyers IS NULL THEN NULL ELSE ${old('buyers')} + coalesce(b.buyers, 0) END AS buyers,
        a.live_gmv + ${old('live_gmv')} AS live_gmv,
        a.video_gmv + ${old('video_gmv')} AS video_gmv,
        a.product_card_gmv + ${old('product_card_gmv')} AS product_card_gmv
      FROM added AS a
      -- A daily row imported without lines counts nothing here: once lines exist they win.
      LEFT JOIN seller_days AS d ON d.seller_id = a.seller_id AND d.date = a.date AND d.source = 'order_lines'
      LEFT JOIN new_buyers AS b ON b.seller_id = a.seller_id AND b.date = a.date`);
    try {
      return await writeRefreshed(tx);
    } finally {
      await tx.run(sql`DROP TABLE IF EXISTS ${REFRESHED}`);
    }
  });
}
