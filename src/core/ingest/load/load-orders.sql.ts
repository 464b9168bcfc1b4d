/**
 * Loads order lines: upsert by (order_id, line_no) — an overlapping newer export updates the lines
 * it shares — then rebuilds the affected seller-days from the lines. Lines without a line number
 * are numbered in file order within their order. Amount defaults to unit price × quantity.
 * Buyer ids are stored as a one-way hash (exports carry usernames, which are personal data).
 */
import type { Executor } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { refreshSellerDays } from '../refresh-seller-days.ts';

export async function loadOrders(executor: Executor, importId: string, timezone: string): Promise<number> {
  const written = await executor.run(sql`
    INSERT INTO order_lines (order_id, line_no, ordered_at, order_date, status, seller_id, product_id, product_name,
      category_id, subcategory_id, quantity, unit_price, amount, refund_amount, buyer_id, channel, livestream_id, import_id, updated_at)
    SELECT order_id,
      coalesce(line_no, row_number() OVER (PARTITION BY order_id ORDER BY row_no))::INTEGER,
      ordered_at, CAST(timezone(${timezone}, ordered_at) AS DATE),
      coalesce(status, 'paid'), seller_ref, product_id, product_name,
      (SELECT c.id FROM categories c WHERE c.parent_id IS NULL AND (c.id = lower(v.category) OR lower(c.name) = lower(v.category))),
      (SELECT c.id FROM categories c WHERE c.parent_id IS NOT NULL AND (c.id = lower(v.subcategory) OR lower(c.name) = lower(v.subcategory))),
      coalesce(quantity, 1)::INTEGER, unit_price,
      coalesce(amount, round(unit_price * coalesce(quantity, 1), 2)), coalesce(refund_amount, 0),
      -- Buyer names and usernames are personal data: only a stable one-way hash is kept.
      CASE WHEN buyer_id IS NOT NULL THEN 'b_' || left(sha256(buyer_id), 24) END,
      coalesce(channel, CASE WHEN livestream_id IS NOT NULL THEN 'live' ELSE 'other' END), livestream_id, ${importId}, now()
    FROM valid v
    ON CONFLICT (order_id, line_no) DO UPDATE SET
      ordered_at = excluded.ordered_at, order_date = excluded.order_date, status = excluded.status, seller_id = excluded.seller_id,
      product_id = excluded.product_id, product_name = excluded.product_name, category_id = excluded.category_id,
      subcategory_id = excluded.subcategory_id, quantity = excluded.quantity, unit_price = excluded.unit_price,
      amount = excluded.amount, refund_amount = excluded.refund_amount, buyer_id = excluded.buyer_id,
      channel = excluded.channel, livestream_id = excluded.livestream_id, import_id = excluded.import_id, updated_at = excluded.updated_at`);
  const [range] = await executor.query<{ from: string | null; to: string | null }>(
    sql`SELECT CAST(min(timezone(${timezone}, ordered_at)) AS DATE) AS "from", CAST(max(timezone(${timezone}, ordered_at)) AS DATE) AS "to" FROM valid`,
  );
  if (range?.from && range.to) {
    const sellers = await executor.query<{ id: string }>(sql`SELECT DISTINCT seller_ref AS id FROM valid`);
    // A handful of sellers: refresh just them; a big export: every seller of the date range.
    const sellerIds = sellers.length <= 500 ? sellers.map((s) => s.id) : undefined;
    await refreshSellerDays(executor, { from: range.from, to: range.to, ...(sellerIds ? { sellerIds } : {}) });
  }
  return written;
}
