/**
 * KPI targets: a value per metric × scope × period (month or ISO week), entered by managers and
 * read by everyone. Scopes are `category` (the whole category), `subcategory:<id>`,
 * `seller_tier:<tier>` and `seller:<id>`. `targetsForRange` turns stored periods into a target for
 * any date range (pro-rated for additive metrics), which comparisons and progress use.
 *
 * This is the module's public face: storage, validation, progress and the sheet import live in
 * their own `target-*.ts` files and are re-exported here.
 */
import type { Executor } from '../db/database.ts';
import { UserError } from '../shared/errors.ts';
import { isIsoDate } from '../shared/dates.ts';
import { getMetric } from '../metrics/catalog/index.ts';
import { isAdditiveMetric, targetKey } from './target-scopes.ts';
import { rangeTargetsQuery, type RangeTargetRow } from './targets.sql.ts';

export { isAdditiveMetric, parseScope, targetKey, type TargetScope } from './target-scopes.ts';
export { parsePeriod, type PeriodRange } from './target-periods.ts';
export { deleteTarget, listTargets, setTargets, type KpiTarget, type TargetFilter, type TargetInput } from './target-store.ts';
export type { TargetRowError } from './target-validation.ts';
export { targetProgress, type TargetProgressItem, type TargetProgressReport, type TargetStatus } from './target-progress.ts';
export { importTargets, type TargetImportResult } from './import-targets.ts';
export { targetOptions, type TargetOptions } from './target-options.ts';

/** Target of each metric × scope over an inclusive date range, or null when no targets cover every day of the range. */
export async function targetsForRange(
  executor: Executor,
  request: { metrics: string[]; scopes: string[]; from: string; to: string },
): Promise<Map<string, number | null>> {
  for (const [name, value] of [['from', request.from], ['to', request.to]] as const) {
    if (!isIsoDate(value)) throw new UserError(`${name} must be a date YYYY-MM-DD, got "${value}"`);
  }
  if (request.from > request.to) throw new UserError(`from ${request.from} is after to ${request.to}`);
  const metrics = [...new Set(request.metrics)].map((name) => ({ name, additive: isAdditiveMetric(getMetric(name)) }));
  const scopes = [...new Set(request.scopes)];
  const result = new Map<string, number | null>();
  for (const metric of metrics) for (const scope of scopes) result.set(targetKey(metric.name, scope), null);
  if (metrics.length === 0 || scopes.length === 0) return result;
  const rows = await executor.query<RangeTargetRow>(rangeTargetsQuery({ metrics, scopes, from: request.from, to: request.to }));
  for (const row of rows) result.set(targetKey(row.metric, row.scope), row.target);
  return result;
}
