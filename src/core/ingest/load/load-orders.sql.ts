/**
 * Loads order lines by natural key (order_id, line_no): the keys about to be written are deleted
 * and the new lines inserted in the caller's transaction — an overlapping newer export replaces the
 * lines it shares, and no index has to be maintained during the bulk insert. Lines without a line
 * number are numbered in file order within their order. Amount defaults to unit price × quantity.
 * Buyer ids are stored as a one-way hash (exports carry usernames, which are personal data).
 * Afterwards the seller-days touched by the old and the new lines are rebuilt; a file of new orders
 * only (the usual daily export) has its seller-days brought up to date from its own lines.
 *
 * The lines go from `valid` straight into `order_lines` (no copy of the file in between): only a
 * file that shares order ids with stored lines has its keys listed, to find what it replaces.
 */
import type { Executor } from '../../db/database.ts';
import { sql, type Sql } from '../../db/sql.ts';
import { localDateOf } from '../../demo/local-time.sql.ts';
import { addAppendedLines, refreshSellerDays } from '../refresh-seller-days.ts';
import { joinCategory } from './category-lookup.sql.ts';

/**
 * The line number of each row: its own, else its place in its order in file order. When no order
 * id repeats in the file that place is 1 for every row, and the window (a sort of the whole file,
 * most of the insert's time on a million lines) is left out.
 */
async function lineNumbers(executor: Executor): Promise<Sql> {
  const [shape] = await executor.query<{ repeated: boolean }>(sql`SELECT count(DISTINCT order_id) < count(*) AS repeated FROM valid`);
  return shape?.repeated === false
    ? sql`coalesce(line_no, 1)::INTEGER`
    : sql`coalesce(line_no, row_number() OVER (PARTITION BY order_id ORDER BY row_no))::INTEGER`;
}

function newLines(lineNo: Sql, importId: string, timezone: string): Sql {
  return sql`
    SELECT order_id, ${lineNo} AS line_no,
      ordered_at, ${localDateOf(timezone, sql`ordered_at`)} AS order_date,
      coalesce(status, 'paid') AS status, seller_ref AS seller_id, product_id, product_name,
      cat.id AS category_id, sub.id AS subcategory_id,
      coalesce(quantity, 1)::INTEGER AS quantity, unit_price,
      coalesce(amount, round(unit_price * coalesce(quantity, 1), 2)) AS amount, coalesce(refund_amount, 0) AS refund_amount,
      buyer.hashed AS buyer_id,
      coalesce(channel, CASE WHEN livestream_id IS NOT NULL THEN 'live' ELSE 'other' END) AS channel, livestream_id,
      ${importId} AS import_id, now() AS updated_at
    FROM valid v
    -- Each distinct buyer is hashed once (a million lines of a few thousand buyers: 0.3 s less).
    LEFT JOIN (SELECT buyer_id AS username, 'b_' || left(sha256(buyer_id), 24) AS hashed
               FROM (SELECT DISTINCT buyer_id FROM valid WHERE buyer_id IS NOT NULL)) AS buyer ON buyer.username = v.buyer_id
    ${joinCategory('category', sql`v.category`, 'cat')}
    ${joinCategory('subcategory', sql`v.subcategory`, 'sub')}`;
}

/**
 * Deletes the stored lines this file writes again and lists their seller-days in `replaced_days`
 * (a line can move seller or day, so the old day is refreshed too). A file of new orders shares no
 * order id with stored lines: one semi-join finds that, nothing else is done, and false says so.
 */
async function replaceStoredLines(executor: Executor, lineNo: Sql): Promise<boolean> {
  await executor.exec('DROP TABLE IF EXISTS replaced_days; DROP TABLE IF EXISTS file_keys');
  const [shared] = await executor.query<{ n: number }>(sql`
    SELECT count(*) AS n FROM order_lines WHERE order_id IN (SELECT order_id FROM valid)`);
  if ((shared?.n ?? 0) === 0) {
    await executor.run(sql`CREATE TEMP TABLE replaced_days (seller_id VARCHAR, order_date DATE)`);
    return false;
  }
  await executor.run(sql`CREATE TEMP TABLE file_keys AS SELECT order_id, ${lineNo} AS line_no FROM valid`);
  await executor.run(sql`CREATE TEMP TABLE replaced_days AS
    SELECT DISTINCT o.seller_id, o.order_date FROM order_lines o JOIN file_keys n ON o.order_id = n.order_id AND o.line_no = n.line_no`);
  await executor.run(sql`DELETE FROM order_lines USING file_keys n WHERE order_lines.order_id = n.order_id AND order_lines.line_no = n.line_no`);
  await executor.exec('DROP TABLE file_keys');
  return true;
}

export async function loadOrders(executor: Executor, importId: string, timezone: string): Promise<number> {
  const lineNo = await lineNumbers(executor);
  const replacing = await replaceStoredLines(executor, lineNo);
  const written = await executor.run(sql`
    INSERT INTO order_lines (order_id, line_no, ordered_at, order_date, status, seller_id, product_id, product_name,
      category_id, subcategory_id, quantity, unit_price, amount, refund_amount, buyer_id, channel, livestream_id, import_id, updated_at)
    ${newLines(lineNo, importId, timezone)}`);
  // Only new orders, into days that already hold more lines than the file: their seller-days are
  // brought up to date from the new lines alone. Otherwise aggregating every line costs no more.
  if (!replacing && (await storedLinesOutnumber(executor, importId, written))) await addAppendedLines(executor, importId);
  else await refreshTouchedDays(executor, importId);
  await executor.exec('DROP TABLE replaced_days');
  return written;
}

/** Whether the dates of this import's lines hold more lines of earlier imports than it wrote. */
async function storedLinesOutnumber(executor: Executor, importId: string, written: number): Promise<boolean> {
  const [stored] = await executor.query<{ n: number }>(sql`
    WITH span AS (SELECT min(order_date) AS first, max(order_date) AS last FROM order_lines WHERE import_id = ${importId})
    SELECT count(*) AS n FROM order_lines, span
    WHERE order_date BETWEEN span.first AND span.last AND import_id IS DISTINCT FROM ${importId}`);
  return (stored?.n ?? 0) > written;
}

/** The seller-days of the replaced and the new lines, recomputed from every line they have. */
async function refreshTouchedDays(executor: Executor, importId: string): Promise<void> {
  await executor.exec('DROP TABLE IF EXISTS touched_days');
  await executor.run(sql`CREATE TEMP TABLE touched_days AS
    SELECT seller_id, order_date FROM replaced_days
    UNION SELECT seller_id, order_date FROM order_lines WHERE import_id = ${importId}`);
  const [range] = await executor.query<{ from: string | null; to: string | null; sellers: number }>(
    sql`SELECT min(order_date) AS "from", max(order_date) AS "to", count(DISTINCT seller_id) AS sellers FROM touched_days`,
  );
  if (range?.from && range.to) {
    // A handful of sellers: refresh just them; a big export: every seller of the date range.
    const sellerIds = range.sellers <= 500
      ? (await executor.query<{ id: string }>(sql`SELECT DISTINCT seller_id AS id FROM touched_days`)).map((s) => s.id)
      : undefined;
    await refreshSellerDays(executor, { from: range.from, to: range.to, ...(sellerIds ? { sellerIds } : {}) });
  }
  await executor.exec('DROP TABLE touched_days');
}
