/**
 * Demo orders for one chunk of days: shop orders per seller-day (video, product card, other) and
 * livestream orders per session. A seller-day's expected volume is the seller's scale × the
 * calendar (weekends, paydays, campaigns, trend) × the seller's own growth × the planted stories,
 * with noise, rounded stochastically — so tiny sellers sell on some days and not on others.
 * Live orders land inside their session, clustered after product drops, so per-minute curves and
 * session totals come from the same lines.
 */
import type { Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import type { DayChunk, DemoPlan } from './demo-plan.ts';
import { lit, type DemoRandom } from './demo-random.sql.ts';
import { atLocalTime, plusSeconds } from './local-time.sql.ts';
import { insertOrderLines } from './order-lines.sql.ts';
import { storyVolumeFactor } from './planted-stories.ts';

/** No seller-day or session produces more orders than this (keeps order keys unique). */
export const MAX_ORDERS_PER_UNIT = 20_000;

export async function insertShopOrders(
  tx: Executor,
  plan: DemoPlan,
  rnd: DemoRandom,
  chunk: DayChunk,
): Promise<number> {
  const sd = [sql`s.idx`, sql`d.day_idx`];
  const o = sql`okey`;
  // The seller-days are written to a temp table first: DuckDB splits a scan into threads by row
  // group (~120k rows), so expanding orders straight from \`demo_sellers\` (one row group even at
  // 100,000 sellers) would run the whole chunk on one core.
  await tx.run(sql`
    CREATE OR REPLACE TEMP TABLE demo_shop_days AS
    WITH planned AS (
      SELECT s.idx AS seller_idx, s.id AS seller_id, s.n_products, s.video_share, d.day_idx, d.d, d.discount,
        CAST(least(${lit(MAX_ORDERS_PER_UNIT)}, floor(
          s.base_orders * d.factor * exp(s.growth * (d.day_idx - ${lit(plan.days - 1)}) / 365.0)
          * (CASE WHEN s.active_from_day >= 0 THEN 1 - exp(-(d.day_idx - s.active_from_day + 1) / 12.0) ELSE 1 END)
          * ${storyVolumeFactor(plan)}
          * exp(0.3 * ${rnd.normal('seller_day', ...sd)} - 0.045)
          + ${rnd.uniform('seller_day_round', ...sd)})) AS INTEGER) AS n
      FROM demo_sellers s
      JOIN demo_days d ON d.day_idx BETWEEN s.active_from_day AND s.active_to_day
      WHERE d.day_idx BETWEEN ${lit(chunk.fromDay)} AND ${lit(chunk.toDay)}
    )
    SELECT * FROM planned WHERE n > 0`);
  const orders = sql`
    WITH expanded AS (
      SELECT *, CAST(unnest(range(n)) AS INTEGER) AS k FROM demo_shop_days
    ), keyed AS (
      SELECT *, ((CAST(day_idx AS BIGINT) * 1000000 + seller_idx) * 100000 + k) * 10 AS okey FROM expanded
    )
    SELECT okey, seller_idx, seller_id, n_products, day_idx, discount, 0.055 AS cancel_p,
      -- Time of day: a lunchtime bump and a bigger evening peak.
      ${atLocalTime(
        plan.timezone,
        sql`CAST(d AS TIMESTAMP) + to_seconds(CAST(
        ((floor(3600 * CASE WHEN ${rnd.uniform('time_mix', o)} < 0.35 THEN 12.5 + 2.5 * ${rnd.normal('time', o)}
          ELSE 21 + 2 * ${rnd.normal('time', o)} END) % 86400) + 86400) % 86400 AS BIGINT))`,
      )} AS ordered_at,
      CASE WHEN ${rnd.uniform('channel', o)} < video_share THEN 'video'
        WHEN ${rnd.uniform('channel', o)} < video_share + 0.1 THEN 'other' ELSE 'product_card' END AS channel,
      CAST(NULL AS VARCHAR) AS livestream_id
    FROM keyed`;
  return insertOrderLines(tx, plan, rnd, orders);
}

/** Orders of the chunk's sessions (`demo_sessions`), placed inside each session. */
export async function insertLiveOrders(tx: Executor, plan: DemoPlan, rnd: DemoRandom): Promise<number> {
  const o = sql`okey`;
  const orders = sql`
    WITH expanded AS (
      SELECT *, CAST(unnest(range(n_orders)) AS INTEGER) AS k FROM demo_sessions WHERE n_orders > 0
    ), keyed AS (
      SELECT *, (skey * 100000 + k) * 10 + 1 AS okey,
        greatest(1, duration_s // (drop_every * 60)) AS n_drops
      FROM expanded
    )
    SELECT okey, seller_idx, seller_id, n_products, day_idx, discount, 0.08 AS cancel_p,
      ${plusSeconds(
        sql`started_at`,
        sql`CAST(CASE
        -- Half the orders follow a product drop by a minute or two; the rest spread over the session.
        WHEN ${rnd.uniform('after_drop', o)} < 0.5 THEN least(duration_s - 1,
          (1 + ${rnd.below(sql`n_drops`, 'drop', o)}) * drop_every * 60 + floor(-90 * ln(${rnd.uniform('drop_lag', o)})))
        ELSE floor(duration_s * (${rnd.uniform('spread_a', o)} + ${rnd.uniform('spread_b', o)}) / 2)
      END AS BIGINT)`,
      )} AS ordered_at,
      'live' AS channel, id AS livestream_id
    FROM keyed`;
  return insertOrderLines(tx, plan, rnd, orders);
}
