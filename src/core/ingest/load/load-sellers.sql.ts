/**
 * Loads a seller list into the registry. Only columns present in the file change a profile, and a
 * blank cell never erases what is known. Every changed field is recorded in `seller_history`
 * (old, new, when, which import) in the same transaction.
 */
import type { Executor } from '../../db/database.ts';
import { sql, type Sql } from '../../db/sql.ts';
import { sellerNameKeySql } from '../../sellers/seller-name-key.ts';
import { joinCategory } from './category-lookup.sql.ts';

/** Import field → sellers column, with the SQL that gives the new value from `v` (the valid row). */
const PROFILE: Record<string, { column: string; value: Sql }> = {
  seller_name: { column: 'name', value: sql`v.seller_name` },
  shop_name: { column: 'shop_name', value: sql`v.shop_name` },
  brand: { column: 'brand', value: sql`v.brand` },
  seller_type: { column: 'seller_type', value: sql`v.seller_type` },
  tier: { column: 'tier', value: sql`v.tier` },
  region: { column: 'region', value: sql`v.region` },
  city: { column: 'city', value: sql`v.city` },
  postal_code: { column: 'postal_code', value: sql`v.postal_code` },
  category: { column: 'category_id', value: sql`v.cat_id` },
  subcategory: { column: 'subcategory_id', value: sql`v.sub_id` },
  status: { column: 'status', value: sql`v.status` },
  onboarded_at: { column: 'onboarded_at', value: sql`v.onboarded_at` },
  account_manager: { column: 'account_manager', value: sql`v.account_manager` },
  contact_name: { column: 'contact_name', value: sql`v.contact_name` },
  contact_email: { column: 'contact_email', value: sql`v.contact_email` },
  contact_phone: { column: 'contact_phone', value: sql`v.contact_phone` },
  followers: { column: 'followers', value: sql`v.followers` },
  product_count: { column: 'product_count', value: sql`v.product_count::INTEGER` },
  store_rating: { column: 'store_rating', value: sql`v.store_rating` },
};

/** The valid rows with their category and subcategory resolved to taxonomy ids, as `v`. */
const validWithCategories = sql`(SELECT v.*, cat.id AS cat_id, sub.id AS sub_id FROM valid v
  ${joinCategory('category', sql`v.category`, 'cat')} ${joinCategory('subcategory', sql`v.subcategory`, 'sub')}) AS v`;

export async function loadSellers(executor: Executor, importId: string, mappedFields: ReadonlySet<string>): Promise<number> {
  const fields = Object.keys(PROFILE).filter((field) => mappedFields.has(field));
  if (fields.length === 0) return executor.query<{ n: number }>(sql`SELECT count(*) AS n FROM valid`).then((r) => r[0]?.n ?? 0);
  const changes = fields.map((field) => {
    const { column, value } = PROFILE[field] ?? { column: field, value: sql`NULL` };
    return sql`SELECT s.id, ${field}, CAST(s.${sql.ident(column)} AS VARCHAR), CAST(${value} AS VARCHAR)
      FROM ${validWithCategories} JOIN sellers s ON s.id = v.seller_ref
      WHERE ${value} IS NOT NULL AND CAST(${value} AS VARCHAR) IS DISTINCT FROM CAST(s.${sql.ident(column)} AS VARCHAR)`;
  });
  // Capture the changes while `sellers` still holds the old values; the history rows are written
  // after the update because DuckDB refuses to update a parent row that gained referencing rows
  // earlier in the same transaction.
  await executor.exec('DROP TABLE IF EXISTS seller_changes');
  await executor.run(sql`CREATE TEMP TABLE seller_changes AS
    SELECT * FROM (${sql.join(changes, ' UNION ALL ')}) AS c(seller_id, field, old, new)`);
  const sets = fields.map((field) => {
    const { column, value } = PROFILE[field] ?? { column: field, value: sql`NULL` };
    return sql`${sql.ident(column)} = coalesce(${value}, sellers.${sql.ident(column)})`;
  });
  if (fields.includes('seller_name')) sets.push(sql`name_key = coalesce(${sellerNameKeySql(sql`v.seller_name`)}, sellers.name_key)`);
  const updated = await executor.run(sql`UPDATE sellers SET ${sql.join(sets)}, updated_at = now()
    FROM ${validWithCategories} WHERE sellers.id = v.seller_ref`);
  await executor.run(sql`INSERT INTO seller_history (seller_id, field, old, new, "by", source)
    SELECT seller_id, field, old, new, ${`import:${importId}`}, 'import' FROM seller_changes`);
  await executor.exec('DROP TABLE seller_changes');
  return updated;
}
