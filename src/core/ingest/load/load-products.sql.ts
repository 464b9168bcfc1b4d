/** Loads a product list, upserted by product id; blank cells keep what is known. */
import type { Executor } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { joinCategory } from './category-lookup.sql.ts';

export async function loadProducts(executor: Executor, importId: string): Promise<number> {
  return executor.run(sql`
    INSERT INTO products (id, seller_id, name, category_id, subcategory_id, price, status, listed_at, import_id, updated_at)
    SELECT product_id, seller_ref, name, cat.id, sub.id, price, status, listed_at, ${importId}, now()
    FROM valid v
    ${joinCategory('category', sql`v.category`, 'cat')}
    ${joinCategory('subcategory', sql`v.subcategory`, 'sub')}
    ON CONFLICT (id) DO UPDATE SET seller_id = excluded.seller_id, name = coalesce(excluded.name, products.name),
      category_id = coalesce(excluded.category_id, products.category_id), subcategory_id = coalesce(excluded.subcategory_id, products.subcategory_id),
      price = coalesce(excluded.price, products.price), status = coalesce(excluded.status, products.status),
      listed_at = coalesce(excluded.listed_at, products.listed_at), import_id = excluded.import_id, updated_at = excluded.updated_at`);
}
