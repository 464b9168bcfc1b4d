/**
 * Demo sellers: a long-tailed (lognormal) sales scale with tiers cut from it, types, lifecycles
 * (onboarded before or during the window, some churned), livestream adoption that grows over the
 * window, and the generator's private knobs, all in the temp table `demo_sellers`. The registry
 * rows in `sellers` are then projected from it with deliberately incomplete profiles here and there,
 * because real registries have gaps. Story sellers are chosen by rank, so they exist at any size.
 */
import type { Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { lit, sqlList, type DemoRandom } from './demo-random.sql.ts';
import type { DemoPlan } from './demo-plan.ts';
import { DEMO_CATEGORIES, DEMO_SUBCATEGORIES, DIP_SUBCATEGORY } from './taxonomy.ts';
import { BRAND_ENDS, BRAND_MIDDLES, BRAND_STARTS, DEMO_CITIES, FIRST_NAMES, SURNAMES } from './word-lists.ts';

export const SELLER_TYPES = ['brand', 'official', 'reseller', 'creator'] as const;
const TYPE_WEIGHTS = [0.2, 0.1, 0.55, 0.15];
/** Official stores and brands sell more than resellers on average. */
const TYPE_SCALE = [1.6, 2.5, 0.8, 1.0];
/** Chance that a seller of each type ever goes live. */
const TYPE_LIVE = [0.55, 0.7, 0.3, 0.9];
/** Lognormal daily-orders scale: median exp(mu), long right tail. */
const SCALE_MU = -0.6;
const SCALE_SIGMA = 1.6;

/**
 * Ranks (1 = biggest) of the story sellers; distinct for any size from MIN_SELLERS_FOR_STORIES. The
 * never-live seller is the biggest, so it stays in the top 5% without the live GMV others earn.
 */
export function storyRanks(sellers: number): { collapse: number; neverLive: number; host: number } {
  return { neverLive: 1, collapse: 2, host: Math.max(5, Math.ceil(sellers * 0.08)) };
}

export async function insertCategories(tx: Executor, createdAt: string): Promise<void> {
  // Parents first, in their own statement: a foreign key cannot see rows of the same INSERT.
  for (const c of DEMO_CATEGORIES) {
    await tx.run(
      sql`INSERT INTO categories (id, parent_id, name, created_at) VALUES (${c.id}, NULL, ${c.name}, CAST(${createdAt} AS TIMESTAMPTZ))`,
    );
  }
  for (const s of DEMO_SUBCATEGORIES) {
    await tx.run(
      sql`INSERT INTO categories (id, parent_id, name, created_at) VALUES (${s.id}, ${s.parentId}, ${s.name}, CAST(${createdAt} AS TIMESTAMPTZ))`,
    );
  }
}

export async function createDemoSellers(tx: Executor, plan: DemoPlan, rnd: DemoRandom): Promise<void> {
  const i = sql`idx`;
  const ranks = storyRanks(plan.sellers);
  const stories = plan.stories;
  const subIds = sqlList(DEMO_SUBCATEGORIES.map((s) => s.id));
  const subParents = sqlList(DEMO_SUBCATEGORIES.map((s) => s.parentId));
  const storyCase = sql`CASE
      WHEN ${sql.raw(String(stories.collapseFrom !== null))} AND rank = ${lit(ranks.collapse)} THEN 'collapse'
      WHEN ${sql.raw(String(stories.neverLive))} AND rank = ${lit(ranks.neverLive)} THEN 'never_live'
      WHEN ${sql.raw(String(stories.hostFrom !== null))} AND rank = ${lit(ranks.host)} THEN 'host'
    END`;
  const lastDay = lit(plan.days - 1);
  const days = lit(plan.days);
  const sellers = lit(plan.sellers);
  const topTier = lit(Math.max(2, Math.ceil(plan.sellers * 0.02)));
  await tx.run(sql`
    CREATE OR REPLACE TEMP TABLE demo_sellers AS
    WITH draws AS (
      SELECT CAST(i AS INTEGER) AS idx,
        ${rnd.weightedIndex(TYPE_WEIGHTS, 'type', sql`i`)} AS type_no,
        ${rnd.weightedIndex(
          DEMO_SUBCATEGORIES.map((s) => s.sellerShare),
          'sub',
          sql`i`,
        )} AS sub_no,
        ${rnd.normal('scale', sql`i`)} AS z
      FROM range(${lit(plan.sellers)}) r(i)
    ), base AS (
      SELECT *, exp(${lit(SCALE_MU)} + ${lit(SCALE_SIGMA)} * z) * list_element(${sqlList(TYPE_SCALE)}, type_no + 1) AS scale
      FROM draws
    ), ranked AS (
      SELECT *, CAST(row_number() OVER (ORDER BY scale DESC, idx) AS INTEGER) AS rank FROM base
    ), storied AS (
      SELECT *, ${storyCase} AS story,
        -- Top-tier sellers are established accounts: never new in the window and never churned.
        CASE WHEN rank > ${topTier} AND ${rnd.uniform('is_new', i)} < 0.18 THEN CAST(${rnd.below(lit(plan.days), 'from_day', i)} AS INTEGER)
             ELSE CAST(-30 - ${rnd.below(1000, 'from_day', i)} AS INTEGER) END AS from_day,
        CASE WHEN rank > ${topTier} THEN ${rnd.uniform('churn', i)} ELSE 1 END AS churn_u
      FROM ranked
    ), lifecycle AS (
      SELECT *,
        CASE WHEN story IS NOT NULL THEN CAST(-200 - ${rnd.below(600, 'story_from', i)} AS INTEGER) ELSE from_day END AS active_from_day
      FROM storied
    ), lived AS (
      SELECT *,
        CASE
          WHEN story IS NOT NULL OR churn_u >= 0.10 THEN ${lastDay}
          WHEN churn_u < 0.03 THEN greatest(active_from_day, 0) + CAST(${rnd.below(sql`greatest(1, ${days} - greatest(active_from_day, 0))`, 'stop', i)} AS INTEGER)
          WHEN churn_u < 0.09 THEN least(${lastDay}, greatest(active_from_day, ${lit(plan.days - 60)} + CAST(${rnd.below(46, 'stop', i)} AS INTEGER)))
          ELSE least(${lastDay}, greatest(active_from_day, ${lastDay} - CAST(${rnd.below(20, 'stop', i)} AS INTEGER)))
        END AS active_to_day,
        CASE WHEN story IS NOT NULL OR churn_u >= 0.10 THEN 'active' WHEN churn_u < 0.03 THEN 'closed'
             WHEN churn_u < 0.09 THEN 'inactive' ELSE 'suspended' END AS status,
        CASE WHEN rank <= ${topTier} THEN 'S' WHEN rank <= ceil(${sellers} * 0.10) THEN 'A'
             WHEN rank <= ceil(${sellers} * 0.40) THEN 'B' ELSE 'C' END AS tier,
        ${rnd.uniform('adopt', i)} < list_element(${sqlList(TYPE_LIVE)}, type_no + 1) * (CASE WHEN rank <= ceil(${sellers} * 0.10) THEN 1.3 ELSE 1 END) AS adopts
      FROM lifecycle
    )
    SELECT idx, rank, tier, story, status, active_from_day, active_to_day,
      '7301' || lpad(CAST((CAST(idx AS BIGINT) * 1234567 + ${lit(plan.seed % 10_000_000)}) % 10000000 AS VARCHAR), 7, '0') AS id,
      CASE WHEN story = 'never_live' THEN 'brand' ELSE list_element(${sqlList([...SELLER_TYPES])}, type_no + 1) END AS seller_type,
      list_element(${subIds}, CASE WHEN story = 'collapse' AND list_element(${subIds}, sub_no + 1) = ${DIP_SUBCATEGORY} THEN 1 ELSE sub_no + 1 END) AS sub_id,
      list_element(${subParents}, CASE WHEN story = 'collapse' AND list_element(${subIds}, sub_no + 1) = ${DIP_SUBCATEGORY} THEN 1 ELSE sub_no + 1 END) AS cat_id,
      -- The never-live seller earns no live GMV; a bigger shop business keeps it in the top 5%.
      scale * (CASE WHEN story = 'never_live' THEN 1.5 ELSE 1 END) AS base_orders,
      CASE WHEN story IS NOT NULL THEN 0 ELSE 0.1 + 0.5 * ${rnd.normal('growth', i)} END AS growth,
      CASE
        WHEN story = 'never_live' THEN NULL
        WHEN story = 'host' THEN ${lit(-plan.days)}
        WHEN adopts THEN CAST(floor(${lit(-plan.days)} + 2 * ${days} * ${rnd.uniform('live_from', i)}) AS INTEGER)
      END AS live_from_day,
      CASE WHEN story = 'host' THEN 0.8
           ELSE least(0.9, 0.12 + 0.6 * pow(${rnd.uniform('live_freq', i)}, 1.3) + (CASE WHEN type_no = 3 THEN 0.15 ELSE 0 END)) END AS live_freq,
      CASE WHEN story = 'host' THEN 2.5 ELSE ${rnd.lognormal(1, 0.5, 'live_mult', i)} * (CASE WHEN type_no = 3 THEN 1.5 ELSE 1 END) END AS live_mult,
      CASE WHEN story = 'host' THEN 1
           ELSE 1 + CAST(${rnd.uniform('hosts', i)} < (CASE WHEN tier IN ('S', 'A') THEN 0.6 ELSE 0.3 END) AS INTEGER)
                  + CAST(${rnd.uniform('hosts3', i)} < (CASE WHEN tier IN ('S', 'A') THEN 0.3 ELSE 0.05 END) AS INTEGER) END AS n_hosts,
      CAST(least(400, greatest(3, round(exp(2.5 + 0.45 * z + 0.6 * ${rnd.normal('products', i)})))) AS INTEGER) AS n_products,
      CASE WHEN type_no = 3 THEN 0.45 ELSE 0.12 + 0.15 * ${rnd.uniform('video', i)} END AS video_share,
      list_element(${sqlList(BRAND_STARTS)}, 1 + ${rnd.below(BRAND_STARTS.length, 'brand_a', i)})
        || list_element(${sqlList(BRAND_MIDDLES)}, 1 + ${rnd.below(BRAND_MIDDLES.length, 'brand_b', i)})
        || list_element(${sqlList(BRAND_ENDS)}, 1 + ${rnd.below(BRAND_ENDS.length, 'brand_c', i)}) AS brand_word,
      ${rnd.pick(FIRST_NAMES, 'owner_first', i)} AS owner_first,
      ${rnd.pick(SURNAMES, 'owner_last', i)} AS owner_last,
      ${rnd.weightedIndex(
        DEMO_CITIES.map((c) => c.weight),
        'city',
        i,
      )} AS city_no
    FROM lived`);
}
