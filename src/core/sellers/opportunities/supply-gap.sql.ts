/**
 * The supply-gap rule's query: subcategories where buyers spend more while few sellers serve them.
 */
import { sql, type Sql } from '../../db/sql.ts';
import { compileMetricQuery } from '../../metrics/compile-query.ts';
import { addDays } from '../../shared/dates.ts';
import type { RuleContext } from './rule-types.ts';

/**
 * Subcategories whose GMV rose at least `min_growth` % on the 4 weeks before while they have fewer
 * active sellers than `few_percent` % of the median subcategory: demand without enough supply.
 * No money upside: how much of the demand new sellers would win cannot be read from the data.
 */
export function supplyGap(c: RuleContext): Sql {
  const days = 28;
  const window = (offset: number) => {
    const to = addDays(c.asOf, -offset);
    return compileMetricQuery(c.dialect, { metrics: ['gmv', 'active_sellers'], by: ['subcategory'], from: addDays(to, -(days - 1)), to }).query;
  };
  return sql`
    WITH now AS (${window(0)}), before AS (${window(days)}),
    med AS (SELECT median(active_sellers) AS median_sellers FROM now WHERE subcategory IS NOT NULL),
    j AS (
      SELECT now.subcategory AS subcategory_id, coalesce(cat.name, now.subcategory) AS subcategory, now.gmv, before.gmv AS gmv_before,
        round(now.gmv / before.gmv - 1, 6) AS growth, now.active_sellers, med.median_sellers,
        now.gmv / nullif(now.active_sellers, 0) AS gmv_per_seller
      FROM now JOIN before ON before.subcategory = now.subcategory CROSS JOIN med
      LEFT JOIN categories cat ON cat.id = now.subcategory
      WHERE now.subcategory IS NOT NULL AND before.gmv > 0
    )
    SELECT subcategory_id AS subject_id, NULL::VARCHAR AS seller_id, subcategory_id, subcategory, gmv, gmv_before, growth,
      active_sellers, median_sellers, gmv_per_seller, NULL::DOUBLE AS upside, growth * gmv AS score
    FROM j
    WHERE growth >= ${(c.t.min_growth_percent ?? 15) / 100} AND active_sellers < median_sellers * ${(c.t.few_percent ?? 75) / 100}`;
}
