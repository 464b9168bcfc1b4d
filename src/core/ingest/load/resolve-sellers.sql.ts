/**
 * Gives every valid row a `seller_ref`: its seller id, or — for exports that carry only a name —
 * the registered seller with that normalised name, else a new seller created from the name. Unknown
 * ids create sellers with an incomplete profile that a later sellers import or an edit fills.
 */
import type { Executor } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { sellerNameKeySql } from '../../sellers/seller-name-key.ts';

/** Creates `valid` (parsed rows without rejects) with `seller_ref`; returns how many sellers were created. */
export async function resolveSellers(executor: Executor, hasSeller: boolean): Promise<number> {
  await executor.exec('DROP TABLE IF EXISTS valid');
  if (!hasSeller) {
    await executor.exec('CREATE TEMP TABLE valid AS SELECT *, NULL::VARCHAR AS seller_ref FROM parsed WHERE row_no NOT IN (SELECT row_no FROM rejects)');
    return 0;
  }
  const key = sellerNameKeySql(sql`p.seller_name`);
  await executor.run(sql`CREATE TEMP TABLE valid AS
    SELECT p.*, coalesce(p.seller_id, s.id, 'name:' || left(md5(${key}), 16)) AS seller_ref,
           coalesce(p.seller_name, p.seller_id) AS seller_label
    FROM parsed p
    LEFT JOIN (SELECT name_key, min(id) AS id FROM sellers GROUP BY name_key) s ON p.seller_id IS NULL AND s.name_key = ${key}
    WHERE p.row_no NOT IN (SELECT row_no FROM rejects)`);
  const [before] = await executor.query<{ n: number }>(sql`SELECT count(*) AS n FROM sellers`);
  await executor.run(sql`
    INSERT INTO sellers (id, name, name_key)
    SELECT seller_ref, any_value(seller_label ORDER BY row_no), ${sellerNameKeySql(sql`any_value(seller_label ORDER BY row_no)`)}
    FROM valid WHERE seller_ref NOT IN (SELECT id FROM sellers)
    GROUP BY seller_ref`);
  const [after] = await executor.query<{ n: number }>(sql`SELECT count(*) AS n FROM sellers`);
  return (after?.n ?? 0) - (before?.n ?? 0);
}
