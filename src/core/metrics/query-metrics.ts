/** Runs a metric request and returns the contract's JSON shape (CONTRACTS.md §4). */
import { Database, type Executor } from '../db/database.ts';
import type { PlainRow } from '../db/convert-row.ts';
import type { Grain } from '../db/dialect/index.ts';
import { APPROXIMATE_PREFIX, compileMetricQuery, ROLLUP_BUILD_COLUMN } from './compile-query.ts';
import type { MetricRequest } from './metric-request.ts';
import { ensureRollups, PRE_AGGREGATED_SOURCES, type SellerDictionary } from './pre-aggregation.ts';

export interface MetricResult {
  metrics: string[];
  by: string[];
  grain: Grain | null;
  from: string;
  to: string;
  rows: PlainRow[];
  /** Metrics whose value in some row includes an approximate part (e.g. buyers from daily exports); absent when none. */
  approximate?: string[];
}

/** A rebuild landing between reading the dictionary and running the query is retried this often. */
const ATTEMPTS = 3;

export async function queryMetrics(executor: Executor, request: MetricRequest): Promise<MetricResult> {
  // Pre-aggregations are read through the database itself, never inside a caller's transaction
  // (it could not see a rebuild, nor would a rebuild see the transaction's rows).
  const compiled = compileMetricQuery(executor.dialect, request, { rollups: executor instanceof Database ? PRE_AGGREGATED_SOURCES : [] });
  let raw: PlainRow[];
  let dictionary: SellerDictionary | undefined;
  for (let attempt = 1; ; attempt += 1) {
    if (compiled.rollupLevels.length > 0 && executor instanceof Database) dictionary = await ensureRollups(executor, compiled.rollupLevels);
    raw = await executor.query(compiled.query);
    // Seller keys are named from the dictionary of the build that answered: a rebuild may have
    // replaced the tables since the dictionary was read (a new seller renumbers the keys).
    const build = raw[0]?.[ROLLUP_BUILD_COLUMN];
    if (!compiled.sellerKeys || build === undefined || build === dictionary?.build) break;
    if (attempt === ATTEMPTS) throw new Error(`per-seller pre-aggregations kept changing while answering (build ${String(build)})`);
  }
  const approximate = new Set<string>();
  const columns = Object.keys(raw[0] ?? {});
  const approximateColumns = columns.filter((column) => column.startsWith(APPROXIMATE_PREFIX));
  const valueColumns = columns.filter((column) => !column.startsWith(APPROXIMATE_PREFIX) && column !== ROLLUP_BUILD_COLUMN);
  const sellerKeys = compiled.sellerKeys && dictionary && valueColumns.includes('seller') ? dictionary : undefined;
  const rows = raw.map((row) => {
    const clean: PlainRow = {};
    for (const column of valueColumns) {
      if (column === 'seller' && sellerKeys) {
        // The key's id and name, in the columns (and order) the facts' answer has.
        const key = row.seller as number;
        clean.seller = sellerKeys.ids[key] ?? null;
        clean.seller_name = sellerKeys.names[key] ?? null;
      } else clean[column] = row[column] ?? null;
    }
    for (const column of approximateColumns) if (row[column] === true) approximate.add(column.slice(APPROXIMATE_PREFIX.length));
    return clean;
  });
  const { metrics, by, grain, from, to } = compiled.request;
  return { metrics, by, grain, from, to, rows, ...(approximate.size ? { approximate: [...approximate] } : {}) };
}
