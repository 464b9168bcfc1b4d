/** Runs a metric request and returns the contract's JSON shape (CONTRACTS.md §4). */
import type { Executor } from '../db/database.ts';
import type { PlainRow } from '../db/convert-row.ts';
import type { Grain } from '../db/dialect/index.ts';
import { compileMetricQuery } from './compile-query.ts';
import type { MetricRequest } from './metric-request.ts';

export interface MetricResult {
  metrics: string[];
  by: string[];
  grain: Grain | null;
  from: string;
  to: string;
  rows: PlainRow[];
}

export async function queryMetrics(executor: Executor, request: MetricRequest): Promise<MetricResult> {
  const compiled = compileMetricQuery(executor.dialect, request);
  const rows = await executor.query(compiled.query);
  const { metrics, by, grain, from, to } = compiled.request;
  return { metrics, by, grain, from, to, rows };
}
