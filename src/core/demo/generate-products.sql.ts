/**
 * Each demo seller's catalogue: mostly its main subcategory, some neighbours of the same category,
 * lognormal prices per subcategory in the workspace currency with local rounding (79.99, 289.900),
 * and a status. Order lines pick from `demo_products` by (seller, product number) — an integer join —
 * so the catalogue is generated once and 1.5 million lines never look products up by string.
 */
import type { Executor } from '../db/database.ts';
import { sql, type Sql } from '../db/sql.ts';
import { lit, sqlList, type DemoRandom } from './demo-random.sql.ts';
import type { DemoPlan } from './demo-plan.ts';
import { DEMO_CATEGORIES, DEMO_SUBCATEGORIES } from './taxonomy.ts';
import { BRAND_ENDS, BRAND_STARTS, PRODUCT_DESCRIPTORS, PRODUCT_VARIANTS } from './word-lists.ts';

const PRODUCT_STATUSES = ['active', 'out_of_stock', 'inactive', 'deleted'];
const PRODUCT_STATUS_WEIGHTS = [0.86, 0.06, 0.05, 0.03];

/** A price in the workspace currency from a base-unit amount, rounded the way shops price. */
export function localPrice(plan: DemoPlan, base: Sql): Sql {
  const { rate, step } = plan.price;
  const x = sql`(${base} * ${lit(rate)})`;
  if (step < 1) return sql`greatest(0.99, round(${x}) - 0.01)`;
  return sql`greatest(${lit(step)}, round(${x} / ${lit(10 * step)}) * ${lit(10 * step)} - ${lit(step)})`;
}

function nestedList(lists: readonly (readonly string[])[]): Sql {
  return sql`[${sql.join(lists.map((items) => sqlList(items)))}]`;
}

export async function createDemoProducts(tx: Executor, plan: DemoPlan, rnd: DemoRandom): Promise<void> {
  const k = [sql`seller_idx`, sql`product_no`];
  const subIds = sqlList(DEMO_SUBCATEGORIES.map((s) => s.id));
  const siblings = DEMO_CATEGORIES.map((c) =>
    DEMO_SUBCATEGORIES.filter((s) => s.parentId === c.id).map((s) => s.id),
  );
  const siblingCase = sql`CASE ${sql.join(
    DEMO_CATEGORIES.map((c, n) => sql`WHEN cat_id = ${c.id} THEN ${sqlList(siblings[n] ?? [])}`),
    ' ',
  )} END`;
  await tx.run(sql`
    CREATE OR REPLACE TEMP TABLE demo_products AS
    WITH expanded AS (
      SELECT idx AS seller_idx, id AS seller_id, sub_id, cat_id, seller_type, brand_word, active_from_day,
        CAST(unnest(range(n_products)) AS INTEGER) AS product_no
      FROM demo_sellers
    ), placed AS (
      SELECT *,
        CASE WHEN ${rnd.uniform('product_sub', ...k)} < 0.85 THEN sub_id
          ELSE list_element(${siblingCase}, 1 + ${rnd.below(sql`len(${siblingCase})`, 'product_sibling', ...k)}) END AS p_sub
      FROM expanded
    ), described AS (
      SELECT *, list_position(${subIds}, p_sub) AS sub_pos,
        CASE WHEN seller_type IN ('brand', 'official') THEN brand_word
          ELSE list_element(${sqlList(BRAND_STARTS)}, 1 + ${rnd.below(BRAND_STARTS.length, 'product_brand_a', sql`seller_idx`, sql`product_no // 5`)})
            || list_element(${sqlList(BRAND_ENDS)}, 1 + ${rnd.below(BRAND_ENDS.length, 'product_brand_b', sql`seller_idx`, sql`product_no // 5`)})
        END AS p_brand
      FROM placed
    )
    SELECT seller_idx, seller_id, product_no,
      '17' || substr(seller_id, 5) || lpad(CAST(product_no AS VARCHAR), 3, '0') AS id,
      p_brand || ' '
        || CASE WHEN ${rnd.uniform('has_descriptor', ...k)} < 0.5 THEN ${rnd.pick(PRODUCT_DESCRIPTORS, 'descriptor', ...k)} || ' ' ELSE '' END
        || list_element(list_element(${nestedList(DEMO_SUBCATEGORIES.map((s) => s.products))}, sub_pos), 1 + ${rnd.below(10, 'noun', ...k)})
        || CASE WHEN ${rnd.uniform('has_variant', ...k)} < 0.4 THEN ' ' || ${rnd.pick(PRODUCT_VARIANTS, 'variant', ...k)} ELSE '' END AS name,
      list_element(${sqlList(DEMO_SUBCATEGORIES.map((s) => s.parentId))}, sub_pos) AS category_id,
      p_sub AS subcategory_id,
      CAST(${localPrice(
        plan,
        sql`list_element(${sqlList(DEMO_SUBCATEGORIES.map((s) => s.medianPrice))}, sub_pos)
        * exp(list_element(${sqlList(DEMO_SUBCATEGORIES.map((s) => s.priceSigma))}, sub_pos) * ${rnd.normal('price', ...k)})`,
      )} AS DECIMAL(18, 2)) AS price,
      list_element(${sqlList(PRODUCT_STATUSES)}, 1 + ${rnd.weightedIndex(PRODUCT_STATUS_WEIGHTS, 'product_status', ...k)}) AS status,
      -- Listed just before the seller's first sale, so no order line predates its product.
      CAST(${plan.from} AS DATE) + CAST(active_from_day - ${rnd.below(7, 'listed', ...k)} AS INTEGER) AS listed_at
    FROM described`);
  await tx.run(sql`
    INSERT INTO products (id, seller_id, name, category_id, subcategory_id, price, status, listed_at, created_at, updated_at)
    SELECT id, seller_id, name, category_id, subcategory_id, price, status, listed_at,
      timezone(${plan.timezone}, CAST(listed_at AS TIMESTAMP) + INTERVAL 9 HOUR),
      timezone(${plan.timezone}, CAST(listed_at AS TIMESTAMP) + INTERVAL 9 HOUR)
    FROM demo_products`);
}
