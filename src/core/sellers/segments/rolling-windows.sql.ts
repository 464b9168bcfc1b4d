/**
 * Per-seller metric values over rolling windows that end on the reference day, compiled from the
 * metric catalog (never re-implemented here): a window of N days, or consecutive 7-day blocks
 * (block 0 = the 7 days ending on the reference day, block 1 the 7 days before…). Rolling blocks
 * rather than calendar weeks, so the latest week is never a partial one.
 */
import type { Executor } from '../../db/database.ts';
import type { Dialect } from '../../db/dialect/index.ts';
import { sql, type Sql } from '../../db/sql.ts';
import { addDays } from '../../shared/dates.ts';
import { compileMetricQuery } from '../../metrics/compile-query.ts';

/** Per seller: `seller`, `seller_name` and one column per metric, over the `days` days ending on `asOf` (shifted back `offsetDays`). */
export function sellerWindow(dialect: Dialect, metrics: string[], asOf: string, days: number, offsetDays = 0): Sql {
  const to = addDays(asOf, -offsetDays);
  return compileMetricQuery(dialect, { metrics, by: ['seller'], from: addDays(to, -(days - 1)), to }).query;
}

/** Per seller and 7-day block: `block` (0 = latest), `seller` and one column per metric, for `blocks` blocks. */
export function sellerWeeklyBlocks(dialect: Dialect, metrics: string[], asOf: string, blocks: number): Sql {
  const parts = Array.from({ length: blocks }, (_, block) => {
    const query = sellerWindow(dialect, metrics, asOf, 7, block * 7);
    return sql`SELECT ${block} AS block, * FROM (${query})`;
  });
  return sql.join(parts, ' UNION ALL ');
}

/** First and last local date with any sales or livestream: every rolling window ends on the last. */
export async function dataRange(executor: Executor): Promise<{ first: string | null; last: string | null }> {
  const [row] = await executor.query<{ first: string | null; last: string | null }>(sql`
    SELECT CAST(least((SELECT min(date) FROM seller_days), (SELECT min(start_date) FROM livestreams)) AS VARCHAR) AS first,
      CAST(greatest((SELECT max(date) FROM seller_days), (SELECT max(start_date) FROM livestreams)) AS VARCHAR) AS last`);
  return { first: row?.first ?? null, last: row?.last ?? null };
}
