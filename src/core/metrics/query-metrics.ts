/** Runs a metric request and returns the contract's JSON shape (CONTRACTS.md §4). */
import { Database, type Executor } from '../db/database.ts';
import type { PlainRow } from '../db/convert-row.ts';
import type { Grain } from '../db/dialect/index.ts';
import { APPROXIMATE_PREFIX, compileMetricQuery } from './compile-query.ts';
import type { MetricRequest } from './metric-request.ts';
import { ensureRollups, ROLLUP_SOURCES } from './pre-aggregation.ts';

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

export async function queryMetrics(executor: Executor, request: MetricRequest): Promise<MetricResult> {
  // Pre-aggregations are read through the database itself, never inside a caller's transaction
  // (it could not see a rebuild, nor would a rebuild see the transaction's rows).
  const compiled = compileMetricQuery(executor.dialect, request, { rollups: executor instanceof Database ? ROLLUP_SOURCES : [] });
  if (compiled.rollups.length > 0 && executor instanceof Database) await ensureRollups(executor);
  const raw = await executor.query(compiled.query);
  const approximate = new Set<string>();
  const rows = raw.map((row) => {
    const clean: PlainRow = {};
    for (const [key, value] of Object.entries(row)) {
      if (!key.startsWith(APPROXIMATE_PREFIX)) clean[key] = value;
      else if (value === true) approximate.add(key.slice(APPROXIMATE_PREFIX.length));
    }
    return clean;
  });
  const { metrics, by, grain, from, to } = compiled.request;
  return { metrics, by, grain, from, to, rows, ...(approximate.size ? { approximate: [...approximate] } : {}) };
}
