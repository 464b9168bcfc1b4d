/**
 * Demo livestream sessions for one chunk of days. A session is planned first (`demo_sessions`:
 * host, start in the evening peak, 30 min–6 h, audience and rates), its orders are generated as
 * order lines, and only then is the `livestreams` row written from those lines — GMV, orders,
 * buyers and items sold are sums over the session's lines, never a second random number — and the
 * funnel is clamped so impressions ≥ views ≥ viewers ≥ buyers and orders ≤ clicks ≤ impressions.
 */
import type { Executor } from '../db/database.ts';
import { sql, type Sql } from '../db/sql.ts';
import type { DayChunk, DemoPlan } from './demo-plan.ts';
import { lit, sqlList, type DemoRandom } from './demo-random.sql.ts';
import { MAX_ORDERS_PER_UNIT } from './generate-orders.sql.ts';
import { atLocalTime, localDateOf, plusSeconds } from './local-time.sql.ts';
import { storyHostSkill, storyLiveFactor, storyVolumeFactor } from './planted-stories.ts';
import { DEMO_SUBCATEGORIES } from './taxonomy.ts';
import { FIRST_NAMES, LIVE_TITLES, STORY_HOST_NAME, SURNAMES } from './word-lists.ts';

/** A session's id (the platform's numeric string) from its integer key. */
export function sessionIdOf(skey: Sql): Sql {
  return sql`CAST(${skey} + 7300000000000000 AS VARCHAR)`;
}

/** Views per expected live order at average rates (1 / (4% CTR × 8% CTOR)). */
const VIEWS_PER_ORDER = 312;

export async function createChunkSessions(
  tx: Executor,
  plan: DemoPlan,
  rnd: DemoRandom,
  chunk: DayChunk,
): Promise<void> {
  const sd = [sql`s.idx`, sql`d.day_idx`];
  const key = sql`skey`;
  const host = [sql`seller_idx`, sql`host_no`];
  await tx.run(sql`
    CREATE OR REPLACE TEMP TABLE demo_sessions AS
    WITH live_days AS (
      SELECT s.idx AS seller_idx, s.id AS seller_id, s.n_products, s.n_hosts, s.story, s.sub_id, s.seller_type,
        s.base_orders * s.live_mult * ${storyVolumeFactor(plan)} * pow(d.factor, 0.7) AS audience,
        d.day_idx, d.d, d.discount, d.campaign, d.payday,
        1 + CAST(${rnd.uniform('second_live', ...sd)} < (CASE WHEN s.tier IN ('S', 'A') THEN 0.25 ELSE 0.06 END) AS INTEGER) AS n_sessions
      FROM demo_sellers s
      JOIN demo_days d ON d.day_idx BETWEEN greatest(s.active_from_day, s.live_from_day) AND s.active_to_day
      WHERE s.live_from_day IS NOT NULL AND d.day_idx BETWEEN ${lit(chunk.fromDay)} AND ${lit(chunk.toDay)}
        AND ${rnd.uniform('go_live', ...sd)} < least(0.95, s.live_freq * d.live_lift * ${storyLiveFactor(plan)})
    ), sessions AS (
      SELECT *, CAST(unnest(range(n_sessions)) AS INTEGER) AS k FROM live_days
    ), numbered AS (
      SELECT *, (CAST(day_idx AS BIGINT) * 1000000 + seller_idx) * 10 + k AS skey FROM sessions
    ), keyed AS (
      SELECT *, CAST(${rnd.below(sql`n_hosts`, 'host', key)} AS INTEGER) AS host_no FROM numbered
    ), timed AS (
      SELECT *,
        CASE WHEN story = 'host' THEN ${storyHostSkill(plan, sql`day_idx`)}
          ELSE exp(0.25 * ${rnd.normal('host_skill', ...host)}) END AS skill,
        -- Rates are a habit of the host; a session only varies around them.
        (0.8 + 3 * ${rnd.uniform('host_likes', ...host)}) * exp(0.15 * ${rnd.normal('likes', key)}) AS like_rate,
        (0.015 + 0.06 * ${rnd.uniform('host_comments', ...host)}) * exp(0.15 * ${rnd.normal('comments', key)}) AS comment_rate,
        (0.002 + 0.01 * ${rnd.uniform('host_shares', ...host)}) * exp(0.15 * ${rnd.normal('shares', key)}) AS share_rate,
        (0.004 + 0.02 * ${rnd.uniform('host_follows', ...host)}) * exp(0.15 * ${rnd.normal('follows', key)}) AS follow_rate,
        (35 + 90 * ${rnd.uniform('host_view_duration', ...host)}) * exp(0.1 * ${rnd.normal('view_duration', key)}) AS view_duration,
        -- A second session of the day is a midday one; the main one is usually in the evening peak.
        CAST(3600 * CASE
          WHEN k = 1 THEN least(13, greatest(9, 11 + ${rnd.normal('start', key)}))
          WHEN n_sessions = 1 AND ${rnd.uniform('afternoon', key)} < 0.22 THEN least(16, greatest(10, 14 + 1.5 * ${rnd.normal('start', key)}))
          ELSE least(23, greatest(17, 20 + 1.2 * ${rnd.normal('start', key)}))
        END AS INTEGER) AS start_s
      FROM keyed
    ), planned AS (
      SELECT *,
        CAST(least(CASE WHEN k = 1 THEN 59400 - start_s ELSE 86399 - start_s END, CASE WHEN k = 1 THEN 14400 ELSE 21600 END,
          greatest(1800, ${rnd.lognormal(6600, 0.45, 'duration', key)})) AS INTEGER) AS duration_s,
        CAST(greatest(20, round(audience * ${lit(VIEWS_PER_ORDER)} * (0.7 + 0.3 * skill)
          * exp(0.35 * ${rnd.normal('views', key)}) * (CASE WHEN k = 1 THEN 0.6 ELSE 1 END))) AS BIGINT) AS views,
        least(0.3, greatest(0.005, 0.04 * skill * exp(0.15 * ${rnd.normal('ctr', key)}))) AS ctr,
        least(0.4, greatest(0.01, 0.08 * sqrt(skill) * exp(0.15 * ${rnd.normal('ctor', key)}))) AS ctor
      FROM timed
    )
    SELECT skey, ${sessionIdOf(sql`skey`)} AS id, seller_idx, seller_id, n_products, day_idx, discount,
      ${atLocalTime(plan.timezone, sql`CAST(d AS TIMESTAMP) + to_seconds(start_s)`)} AS started_at, duration_s,
      CASE WHEN story = 'host' THEN ${STORY_HOST_NAME}
        ELSE ${rnd.pick(FIRST_NAMES, 'host_first', ...host)} || ' ' || ${rnd.pick(SURNAMES, 'host_last', ...host)} END AS host,
      replace(replace(${rnd.pick(LIVE_TITLES, 'title', key)},
        '{sub}', list_element(${sqlList(DEMO_SUBCATEGORIES.map((s) => s.name))}, list_position(${sqlList(DEMO_SUBCATEGORIES.map((s) => s.id))}, sub_id))),
        '{campaign}', coalesce(campaign, CASE WHEN payday THEN 'Payday' ELSE 'Daily' END)) AS title,
      views,
      CAST(round(views * (0.55 + 0.3 * ${rnd.uniform('viewers', key)})) AS BIGINT) AS viewers,
      CAST(round(views / (0.06 + 0.2 * ${rnd.uniform('tap_through', key)})) AS BIGINT) AS impressions,
      CAST(round(views * ctr) AS BIGINT) AS planned_clicks,
      CAST(round(views * ctr / (0.06 + 0.12 * ${rnd.uniform('product_ctr', key)})) AS BIGINT) AS product_impressions,
      round(view_duration * sqrt(skill), 1) AS avg_view_duration_s,
      CAST(round(views * like_rate * skill) AS BIGINT) AS likes,
      CAST(round(views * comment_rate * skill) AS BIGINT) AS comments,
      CAST(round(views * share_rate * skill) AS BIGINT) AS shares,
      CAST(round(views * 0.7 * follow_rate * skill) AS BIGINT) AS new_followers,
      CAST(least(n_products, 3 + ${rnd.below(25, 'products_shown', key)}) AS INTEGER) AS products_count,
      CAST(CASE WHEN seller_type = 'creator' THEN round(views * 0.002 * ${rnd.uniform('gifts', key)} * ${lit(plan.price.rate)}, 2) ELSE 0 END
        AS DECIMAL(18, 2)) AS gifts_value,
      CAST(10 + ${rnd.below(16, 'drop_every', key)} AS INTEGER) AS drop_every,
      3 + 7 * ${rnd.uniform('ramp', key)} AS ramp_min,
      1.6 + 1.4 * ${rnd.uniform('peak', key)} AS peak_ratio,
      CAST(least(${lit(MAX_ORDERS_PER_UNIT)}, floor(views * ctr * ctor * (1 + discount) + ${rnd.uniform('orders_round', key)})) AS INTEGER) AS n_orders
    FROM planned`);
}

/** Session totals from the chunk's live order lines, and the funnel clamped to stay consistent. */
export async function finalizeChunkSessions(tx: Executor, chunk: DayChunk): Promise<void> {
  await tx.run(sql`
    CREATE OR REPLACE TEMP TABLE demo_session_final AS
    WITH sold AS (
      -- An order's lines share its session and time and are numbered from 1: its first line counts it.
      SELECT livestream_id, sum(amount) AS gmv, count(*) FILTER (WHERE line_no = 1) AS orders,
        count(DISTINCT buyer_id) AS buyers, sum(quantity) AS items_sold
      FROM order_lines
      WHERE livestream_id IS NOT NULL AND order_date BETWEEN CAST(${chunk.from} AS DATE) AND CAST(${chunk.to} AS DATE) + 1
      GROUP BY livestream_id
    ), totals AS (
      SELECT s.*, coalesce(a.gmv, 0) AS gmv, CAST(coalesce(a.orders, 0) AS INTEGER) AS orders,
        CAST(coalesce(a.buyers, 0) AS INTEGER) AS buyers, CAST(coalesce(a.items_sold, 0) AS INTEGER) AS items_sold
      FROM demo_sessions s LEFT JOIN sold a ON a.livestream_id = s.id
    )
    SELECT * EXCLUDE (viewers, views, impressions, product_impressions),
      greatest(viewers, buyers) AS viewers,
      greatest(views, viewers, buyers) AS views,
      greatest(impressions, views, viewers, buyers) AS impressions,
      greatest(planned_clicks, orders) AS product_clicks,
      greatest(product_impressions, planned_clicks, orders) AS product_impressions,
      -- Little's law: concurrent viewers = arrivals × time spent / session length.
      greatest(views, viewers, buyers) * avg_view_duration_s / duration_s AS avg_viewers
    FROM totals`);
}

/** Writes the chunk's sessions; sessions with a minute curve take peak and average from it. */
export async function insertChunkLivestreams(tx: Executor, plan: DemoPlan): Promise<number> {
  const ended = plusSeconds(sql`f.started_at`, sql`f.duration_s`);
  return tx.run(sql`
    INSERT INTO livestreams (id, seller_id, host, title, started_at, start_date, ended_at, duration_s, impressions, views,
      viewers, peak_viewers, avg_viewers, avg_view_duration_s, likes, comments, shares, new_followers,
      product_impressions, product_clicks, orders, items_sold, buyers, gmv, products_count, gifts_value, created_at, updated_at)
    WITH curve AS (
      SELECT livestream_id, max(viewers_online) AS peak, avg(viewers_online) AS average
      FROM livestream_minutes WHERE livestream_id IN (SELECT id FROM demo_session_final)
      GROUP BY livestream_id
    )
    SELECT f.id, f.seller_id, f.host, f.title, f.started_at, ${localDateOf(plan.timezone, sql`f.started_at`)},
      ${ended}, f.duration_s, f.impressions, f.views, f.viewers,
      coalesce(c.peak, CAST(ceil(f.avg_viewers * f.peak_ratio) AS INTEGER)), coalesce(c.average, f.avg_viewers),
      f.avg_view_duration_s, f.likes, f.comments, f.shares, f.new_followers, f.product_impressions, f.product_clicks,
      f.orders, f.items_sold, f.buyers, f.gmv, f.products_count, f.gifts_value,
      ${ended}, ${ended}
    FROM demo_session_final f LEFT JOIN curve c ON c.livestream_id = f.id`);
}
