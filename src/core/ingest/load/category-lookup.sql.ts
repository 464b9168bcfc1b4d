/**
 * Maps a category written in an export (its id or its name, any case) to the taxonomy's id, as a
 * small lookup joined once — one id per key, so the join can never multiply rows. Values that are
 * not in the taxonomy give NULL.
 */
import { sql, type Sql } from '../../db/sql.ts';

export type CategoryLevel = 'category' | 'subcategory';

/** A `LEFT JOIN … AS alias ON …` clause; select `alias.id`. */
export function joinCategory(level: CategoryLevel, value: Sql, alias: string): Sql {
  const parent = level === 'category' ? sql`parent_id IS NULL` : sql`parent_id IS NOT NULL`;
  return sql`LEFT JOIN (
      SELECT k, min(id) AS id FROM (SELECT id, lower(id) AS k FROM categories WHERE ${parent}
                                    UNION ALL SELECT id, lower(name) FROM categories WHERE ${parent})
      GROUP BY k) AS ${sql.ident(alias)} ON ${sql.ident(alias)}.k = lower(${value})`;
}
