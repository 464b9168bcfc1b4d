/**
 * Gives every valid row a `seller_ref`: its seller id, or — for exports that carry only a name —
 * the registered seller with that normalised name, else a new seller created from the name. Unknown
 * ids create sellers with an incomplete profile that a later sellers import or an edit fills.
 */
import type { Executor } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { sellerNameKeySql } from '../../sellers/seller-name-key.ts';
import { createNarrow, dropNarrow, type NarrowColumn } from './narrow-table.sql.ts';

/**
 * Creates `valid` (the parsed rows without rejects: `row_no` and the typed value of every field,
 * not the raw text and reasons `parsed` also holds) with `seller_ref`: the row's seller id, else the
 * registered seller with its name, else the id a seller created from that name gets.
 *
 * Returns whether `valid` is a view over `parsed` (which must then be kept until the load is done):
 * a file without rejects whose rows all give their seller id (no name to look up) keeps every row
 * as parsed, so copying a million rows into a table of their own bought nothing but memory.
 */
export async function buildValid(executor: Executor, fields: readonly NarrowColumn[], hasSeller: boolean): Promise<boolean> {
  const [rejected] = await executor.query<{ n: number }>(sql`SELECT count(*) AS n FROM rejects`);
  const sellerNames = fields.some((f) => f.name === 'seller_name' && !f.constant);
  if ((rejected?.n ?? 0) === 0 && !sellerNames) {
    const all = sql.join([sql`row_no`, ...fields.map((f) => sql.ident(f.name))]);
    // Every row names its seller by id here (a row with neither id nor name is a reject).
    const seller = hasSeller ? sql`seller_id AS seller_ref, seller_id AS seller_label` : sql`NULL::VARCHAR AS seller_ref`;
    await dropNarrow(executor, 'valid');
    await executor.run(sql`CREATE TEMP VIEW valid AS SELECT ${all}, ${seller} FROM parsed`);
    return true;
  }
  // Rows with a reject are left out; without any, the anti-join is skipped.
  const keep = (rejected?.n ?? 0) > 0 ? sql`WHERE p.row_no NOT IN (SELECT row_no FROM rejects)` : sql.empty;
  const values = sql.join([sql`p.row_no`, ...fields.filter((f) => !f.constant).map((f) => sql`p.${sql.ident(f.name)}`)]);
  const columns: NarrowColumn[] = [{ name: 'row_no' }, ...fields, { name: 'seller_ref' }];
  if (!hasSeller) {
    await createNarrow(executor, 'valid', columns, sql`SELECT ${values}, NULL::VARCHAR AS seller_ref FROM parsed p ${keep}`);
    return false;
  }
  const key = sellerNameKeySql(sql`p.seller_name`);
  await createNarrow(executor, 'valid', [...columns, { name: 'seller_label' }], sql`
    SELECT ${values}, coalesce(p.seller_id, s.id, 'name:' || left(md5(${key}), 16)) AS seller_ref,
           coalesce(p.seller_name, p.seller_id) AS seller_label
    FROM parsed p
    LEFT JOIN (SELECT name_key, min(id) AS id FROM sellers GROUP BY name_key) s ON p.seller_id IS NULL AND s.name_key = ${key}
    ${keep}`);
  return false;
}

/** Creates the sellers `valid` refers to that are not registered yet; returns how many. */
export async function resolveSellers(executor: Executor, hasSeller: boolean): Promise<number> {
  if (!hasSeller) return 0;
  const [before] = await executor.query<{ n: number }>(sql`SELECT count(*) AS n FROM sellers`);
  await executor.run(sql`
    INSERT INTO sellers (id, name, name_key)
    SELECT seller_ref, any_value(seller_label ORDER BY row_no), ${sellerNameKeySql(sql`any_value(seller_label ORDER BY row_no)`)}
    FROM valid WHERE seller_ref NOT IN (SELECT id FROM sellers)
    GROUP BY seller_ref`);
  const [after] = await executor.query<{ n: number }>(sql`SELECT count(*) AS n FROM sellers`);
  return (after?.n ?? 0) - (before?.n ?? 0);
}
