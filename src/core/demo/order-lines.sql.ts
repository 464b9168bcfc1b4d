/**
 * Expands demo orders into order lines, shared by shop orders and livestream orders so both get
 * the same basket sizes, products, prices, statuses and buyers. An order arrives as one row with a
 * unique integer key (`okey`) that seeds every draw; all lines of an order share its time, status
 * and buyer, as on the platform. Statuses depend on the order's age at the end date (recent orders
 * are still paid or shipped), and refunds only hit delivered orders, never above the line amount.
 */
import type { Executor } from '../db/database.ts';
import { sql, type Sql } from '../db/sql.ts';
import { lit, type DemoRandom } from './demo-random.sql.ts';
import { localDateOf } from './local-time.sql.ts';
import type { DemoPlan } from './demo-plan.ts';

/**
 * Columns the orders query must return: okey (BIGINT, unique), seller_idx, seller_id, n_products,
 * day_idx, ordered_at (TIMESTAMPTZ), channel, livestream_id, discount, cancel_p.
 */
export type DemoOrdersQuery = Sql;

/** Order ids look like the platform's 18-digit numbers. */
const ORDER_ID_BASE = sql.raw('500000000000000000');
/** Pseudonymous buyer ids: a bijection of the buyer number onto 10 digits (the multiplier is coprime to 10). */
const BUYER_MULTIPLIER = 2654435761;
/** Anything dearer than this (in base units) is bought one at a time. */
const SINGLE_UNIT_PRICE = 60;

export async function insertOrderLines(
  tx: Executor,
  plan: DemoPlan,
  rnd: DemoRandom,
  orders: DemoOrdersQuery,
): Promise<number> {
  const o = sql`okey`;
  const line = [sql`okey`, sql`li`];
  const age = sql`(${lit(plan.days - 1)} - day_idx)`;
  // Orders are written to a temp table first: DuckDB gives each thread whole row groups (~120k
  // rows) of a scan, and a chunk's sessions or seller-days fill only one or two, so expanding them
  // into lines in one statement would run on one core.
  await tx.run(sql`CREATE OR REPLACE TEMP TABLE demo_orders AS ${orders}`);
  return tx.run(sql`
    INSERT INTO order_lines (order_id, line_no, ordered_at, order_date, status, seller_id, product_id, product_name,
      category_id, subcategory_id, quantity, unit_price, amount, refund_amount, buyer_id, channel, livestream_id, updated_at)
    WITH shaped AS (
      SELECT *,
        CAST(CASE WHEN ${rnd.uniform('basket', o)} < 0.8 THEN 1 WHEN ${rnd.uniform('basket', o)} < 0.94 THEN 2
          WHEN ${rnd.uniform('basket', o)} < 0.985 THEN 3 ELSE 4 END AS INTEGER) AS n_lines,
        CAST(floor(n_products * pow(${rnd.uniform('first_product', o)}, 2.2)) AS INTEGER) AS first_no,
        CASE
          WHEN ${rnd.uniform('cancel', o)} < cancel_p THEN 'cancelled'
          WHEN ${age} <= 1 THEN CASE WHEN ${rnd.uniform('state', o)} < 0.04 THEN 'unpaid'
            WHEN ${rnd.uniform('state', o)} < 0.65 THEN 'paid' ELSE 'shipped' END
          WHEN ${age} <= 4 THEN CASE WHEN ${rnd.uniform('state', o)} < 0.5 THEN 'shipped' ELSE 'delivered' END
          WHEN ${age} <= 10 THEN CASE WHEN ${rnd.uniform('state', o)} < 0.3 THEN 'delivered' ELSE 'completed' END
          ELSE 'completed'
        END AS order_status,
        'u' || lpad(CAST((CAST(floor(${lit(plan.buyerPool)} * pow(${rnd.uniform('buyer', o)}, 1.6)) AS BIGINT)
          * ${lit(BUYER_MULTIPLIER)} + ${lit(plan.seed)}) % 10000000000 AS VARCHAR), 10, '0') AS buyer_id
      FROM demo_orders
    ), lines AS (
      SELECT *, CAST(unnest(range(n_lines)) AS INTEGER) AS li FROM shaped
    ), priced AS (
      SELECT l.*, p.id AS product_id, p.name AS product_name, p.category_id, p.subcategory_id,
        CAST(round(p.price * (1 - l.discount), 2) AS DECIMAL(18, 2)) AS unit_price,
        CAST(CASE WHEN p.price > ${lit(SINGLE_UNIT_PRICE * plan.price.rate)} THEN 1
          WHEN ${rnd.uniform('quantity', ...line)} < 0.78 THEN 1 WHEN ${rnd.uniform('quantity', ...line)} < 0.93 THEN 2
          WHEN ${rnd.uniform('quantity', ...line)} < 0.98 THEN 3 ELSE 4 + ${rnd.below(3, 'quantity_big', ...line)} END AS INTEGER) AS quantity,
        l.order_status IN ('completed', 'delivered') AND ${age} > 3 AND ${rnd.uniform('refund', ...line)} < 0.035 AS refunded
      FROM lines l
      JOIN demo_products p ON p.seller_idx = l.seller_idx AND p.product_no = (l.first_no + l.li) % l.n_products
    )
    SELECT CAST(okey + ${ORDER_ID_BASE} AS VARCHAR), li + 1, ordered_at,
      ${localDateOf(plan.timezone, sql`ordered_at`)},
      CASE WHEN refunded THEN 'refunded' ELSE order_status END,
      seller_id, product_id, product_name, category_id, subcategory_id, quantity, unit_price,
      unit_price * quantity,
      CASE WHEN NOT refunded THEN 0
        WHEN ${rnd.uniform('refund_full', ...line)} < 0.8 THEN unit_price * quantity
        ELSE CAST(round(unit_price * quantity * (0.2 + 0.6 * ${rnd.uniform('refund_part', ...line)}), 2) AS DECIMAL(18, 2)) END,
      buyer_id, channel, livestream_id, ordered_at
    FROM priced
    -- Rows in key order (day, seller, order) compress and commit cheaper than in the order the
    -- threads produce them: measured at 10,000 sellers × a year, the sort more than pays for itself.
    ORDER BY okey, li`);
}
