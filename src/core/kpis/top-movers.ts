/**
 * The sellers whose value of an additive metric (GMV, orders…) rose or fell the most between two
 * periods — in one statement: the catalog's query per period, joined on the seller inside DuckDB,
 * so 100,000 sellers never travel to JavaScript. A seller absent from one period counts 0 there
 * (for an additive metric, no rows is nothing sold).
 */
import type { Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { UserError } from '../shared/errors.ts';
import { getMetric } from '../metrics/catalog/index.ts';
import { compileMetricQuery } from '../metrics/compile-query.ts';
import type { MetricFilter } from '../metrics/metric-request.ts';
import type { DateRange } from './periods.ts';

export interface Mover {
  seller: string;
  name: string;
  subcategory: string | null;
  value: number;
  previous: number;
  change: number;
  changeRatio: number | null;
}

export async function topMovers(
  executor: Executor,
  request: { metric: string; current: DateRange; previous: DateRange; limit: number; where?: MetricFilter[] },
): Promise<{ up: Mover[]; down: Mover[] }> {
  const metric = getMetric(request.metric);
  if (metric.type === 'ratio' || !metric.additive) {
    throw new UserError(`top movers need an additive metric; ${request.metric} is not`, { hint: 'use gmv, orders or items_sold' });
  }
  const base = { metrics: [request.metric], by: ['seller', 'subcategory'], where: request.where ?? [] };
  const now = compileMetricQuery(executor.dialect, { ...base, ...request.current });
  const before = compileMetricQuery(executor.dialect, { ...base, ...request.previous });
  const column = sql.ident(request.metric);
  const limit = Math.max(1, Math.min(100, Math.trunc(request.limit)));
  const rows = await executor.query<Record<string, unknown>>(sql`
    WITH now AS (${now.query}), before AS (${before.query}),
    joined AS (
      SELECT coalesce(now.seller, before.seller) AS seller,
        coalesce(now.seller_name, before.seller_name) AS name,
        coalesce(now.subcategory, before.subcategory) AS subcategory,
        coalesce(now.${column}, 0) AS value,
        coalesce(before.${column}, 0) AS previous
      FROM now FULL JOIN before ON now.seller = before.seller
    ),
    ranked AS (
      SELECT *, value - previous AS change,
        CASE WHEN previous = 0 THEN NULL ELSE round((value - previous) / previous, 6) END AS change_ratio
      FROM joined
    )
    (SELECT 'up' AS direction, * FROM ranked WHERE change > 0 ORDER BY change DESC, seller LIMIT ${limit})
    UNION ALL
    (SELECT 'down' AS direction, * FROM ranked WHERE change < 0 ORDER BY change ASC, seller LIMIT ${limit})`);
  const toMover = (row: Record<string, unknown>): Mover => ({
    seller: row.seller as string,
    name: row.name as string,
    subcategory: (row.subcategory as string | null) ?? null,
    value: Number(row.value),
    previous: Number(row.previous),
    change: Math.round(Number(row.change) * 100) / 100,
    changeRatio: row.change_ratio === null ? null : Number(row.change_ratio),
  });
  return {
    up: rows.filter((row) => row.direction === 'up').map(toMover),
    down: rows.filter((row) => row.direction === 'down').map(toMover),
  };
}
