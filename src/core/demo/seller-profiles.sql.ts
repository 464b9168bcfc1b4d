/**
 * Projects `demo_sellers` into the seller registry with believable profiles: names and shop names
 * by seller type (brands, official stores, resellers, creators), a Malaysian city, state and postal
 * code (kept as text: Kedah's codes start with 0), account managers for the sellers that matter,
 * and gaps — a missing region, contact or category here and there — because that is what category
 * teams actually get. Story sellers always have complete profiles so features can name them.
 */
import { sellerNameKeySql } from '../sellers/seller-name-key.ts';
import type { Executor } from '../db/database.ts';
import { sql, type Sql } from '../db/sql.ts';
import { lit, sqlList, type DemoRandom } from './demo-random.sql.ts';
import type { DemoPlan } from './demo-plan.ts';
import { DEMO_CATEGORIES } from './taxonomy.ts';
import {
  ACCOUNT_MANAGERS,
  COMPANY_FORMS,
  COMPANY_WORDS,
  DEMO_CITIES,
  FIRST_NAMES,
  SHOP_ADJECTIVES,
  SHOP_SUFFIXES,
  SURNAMES,
} from './word-lists.ts';

/** `sellers.name_key`: lower case, runs of anything but letters and digits become one space. */

export async function insertSellerProfiles(tx: Executor, plan: DemoPlan, rnd: DemoRandom): Promise<void> {
  const i = sql`idx`;
  const [home, care] = DEMO_CATEGORIES;
  const shopWord = sql`list_element(CASE WHEN cat_id = ${home?.id ?? ''} THEN ${sqlList(home?.shopWords ?? [])}
      ELSE ${sqlList(care?.shopWords ?? [])} END, 1 + ${rnd.below(8, 'shop_word', i)})`;
  /** A profile field is missing with probability p, except for story sellers. */
  const missing = (p: number, salt: string): Sql =>
    sql`(story IS NULL AND ${rnd.uniform(salt, i)} < ${lit(p)})`;
  const postalFrom = sqlList(DEMO_CITIES.map((c) => c.postalFrom));
  const postalTo = sqlList(DEMO_CITIES.map((c) => c.postalTo));
  await tx.run(sql`
    INSERT INTO sellers (id, name, name_key, shop_name, brand, seller_type, tier, region, city, postal_code,
      category_id, subcategory_id, status, onboarded_at, account_manager, contact_name, contact_email, contact_phone,
      followers, product_count, store_rating, created_at, updated_at)
    WITH named AS (
      SELECT *,
        CASE seller_type
          WHEN 'brand' THEN brand_word || ' Sdn. Bhd.'
          WHEN 'official' THEN brand_word || ' Official (M) Sdn. Bhd.'
          WHEN 'reseller' THEN CASE WHEN ${rnd.uniform('company_style', i)} < 0.5 THEN owner_last
              ELSE ${rnd.pick(SHOP_ADJECTIVES, 'company_adj', i)} || ' ' || ${shopWord} END
            || ' ' || ${rnd.pick(COMPANY_WORDS, 'company', i)} || ' ' || ${rnd.pick(COMPANY_FORMS, 'company_form', i)}
          ELSE owner_first || ' ' || owner_last
        END AS raw_name,
        CASE seller_type
          WHEN 'brand' THEN brand_word || ' ' || ${shopWord}
          WHEN 'official' THEN brand_word || ' Official Store'
          WHEN 'reseller' THEN ${rnd.pick(SHOP_ADJECTIVES, 'shop_adj', i)} || ' ' || ${shopWord} || ' ' || ${rnd.pick(SHOP_SUFFIXES, 'shop_suffix', i)}
          ELSE owner_first || '''s ' || ${shopWord} || ' Picks'
        END AS raw_shop,
        CAST(${plan.from} AS DATE) + active_from_day - CAST(${rnd.below(10, 'onboard', i)} AS INTEGER) AS onboarded
      FROM demo_sellers
    ), by_city AS (
      -- Same name twice: tell them apart by city first, then by number, as people do.
      SELECT *,
        raw_name || CASE WHEN row_number() OVER (PARTITION BY raw_name ORDER BY idx) > 1 THEN ' (' || city || ')' ELSE '' END AS city_name,
        raw_shop || CASE WHEN row_number() OVER (PARTITION BY raw_shop ORDER BY idx) > 1 THEN ' ' || city ELSE '' END AS city_shop
      FROM (SELECT *, list_element(${sqlList(DEMO_CITIES.map((c) => c.city))}, city_no + 1) AS city FROM named)
    ), deduped AS (
      SELECT *,
        city_name || CASE WHEN row_number() OVER (PARTITION BY city_name ORDER BY idx) > 1
          THEN ' ' || row_number() OVER (PARTITION BY city_name ORDER BY idx) ELSE '' END AS name,
        city_shop || CASE WHEN row_number() OVER (PARTITION BY city_shop ORDER BY idx) > 1
          THEN ' ' || row_number() OVER (PARTITION BY city_shop ORDER BY idx) ELSE '' END AS shop_name
      FROM by_city
    )
    SELECT id, name, ${sellerNameKeySql(sql`name`)}, shop_name,
      CASE WHEN seller_type IN ('brand', 'official') THEN brand_word END,
      seller_type, tier,
      CASE WHEN ${missing(0.05, 'no_region')} THEN NULL ELSE list_element(${sqlList(DEMO_CITIES.map((c) => c.region))}, city_no + 1) END,
      CASE WHEN ${missing(0.03, 'no_city')} THEN NULL ELSE city END,
      CASE WHEN ${missing(0.08, 'no_postal')} THEN NULL ELSE lpad(CAST(list_element(${postalFrom}, city_no + 1)
        + ${rnd.below(sql`(list_element(${postalTo}, city_no + 1) - list_element(${postalFrom}, city_no + 1) + 1)`, 'postal', i)} AS VARCHAR), 5, '0') END,
      CASE WHEN ${missing(0.02, 'no_category')} THEN NULL ELSE cat_id END,
      CASE WHEN ${missing(0.02, 'no_category')} OR ${missing(0.04, 'no_subcategory')} THEN NULL ELSE sub_id END,
      status,
      CASE WHEN ${missing(0.03, 'no_onboarded')} THEN NULL ELSE onboarded END,
      CASE WHEN ${rnd.uniform('has_am', i)} < (CASE tier WHEN 'S' THEN 1 WHEN 'A' THEN 0.9 WHEN 'B' THEN 0.4 ELSE 0.05 END)
        THEN ${rnd.pick(ACCOUNT_MANAGERS, 'am', i)} END,
      CASE WHEN ${missing(0.15, 'no_contact')} THEN NULL
        ELSE ${rnd.pick(FIRST_NAMES, 'contact_first', i)} || ' ' || ${rnd.pick(SURNAMES, 'contact_last', i)} END,
      CASE WHEN ${missing(0.2, 'no_email')} THEN NULL
        ELSE regexp_replace(lower(shop_name), '[^a-z0-9]+', '', 'g') || '@example.com' END,
      CASE WHEN ${missing(0.3, 'no_phone')} THEN NULL
        ELSE '+60 1' || ${rnd.below(10, 'phone_a', i)} || '-555 ' || lpad(CAST(${rnd.below(10000, 'phone_b', i)} AS VARCHAR), 4, '0') END,
      CAST(round(base_orders * 900 * ${rnd.lognormal(1, 0.8, 'followers', i)}
        * (CASE WHEN seller_type = 'creator' THEN 3 ELSE 1 END) * (CASE WHEN live_from_day IS NULL THEN 1 ELSE 1.5 END)) AS BIGINT)
        + ${rnd.below(200, 'followers_base', i)},
      CASE WHEN ${missing(0.05, 'no_product_count')} THEN NULL ELSE n_products END,
      CASE WHEN active_from_day > ${lit(plan.days - 30)} AND ${missing(0.5, 'no_rating')} THEN NULL
        ELSE round(4.9 - 1.4 * pow(${rnd.uniform('rating', i)}, 3), 2) END,
      timezone(${plan.timezone}, CAST(coalesce(onboarded, CAST(${plan.from} AS DATE)) AS TIMESTAMP) + INTERVAL 10 HOUR),
      timezone(${plan.timezone}, CAST(coalesce(onboarded, CAST(${plan.from} AS DATE)) AS TIMESTAMP) + INTERVAL 10 HOUR)
    FROM deduped`);
}
