/**
 * The normalised name that matches a seller across exports that carry no seller id: lower case,
 * every run of characters that are not letters, combining marks or digits (in any script) collapsed to one space.
 * "Casa-Rapi  Official" and "casa rapi official" match; Chinese, Thai or Vietnamese names keep
 * their letters instead of collapsing to an empty key.
 */
import { sql, type Sql } from '../db/sql.ts';

export function sellerNameKeySql(name: Sql): Sql {
  // `\\p{…}` reaches DuckDB as `\p{…}` (RE2 Unicode classes).
  return sql`trim(regexp_replace(lower(${name}), '[^\\p{L}\\p{M}\\p{N}]+', ' ', 'g'))`;
}

export function sellerNameKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ').trim();
}
