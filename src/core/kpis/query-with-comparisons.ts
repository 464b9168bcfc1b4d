/**
 * A metric query with comparisons: each row gets, per metric and comparison, the comparison value
 * and the absolute and relative change — `gmv_previous`, `gmv_previous_change`,
 * `gmv_previous_change_ratio`, and the same with `_last_year` and `_target`. The comparison rows
 * come from the same catalog query over the shifted range (see periods.ts), matched on the
 * dimensions (a period row is matched with its shifted period). Targets apply where a row has one
 * scope: the whole category, or one subcategory, seller tier or seller (grouped or filtered).
 */
import type { Executor } from '../db/database.ts';
import type { PlainRow } from '../db/convert-row.ts';
import { getMetric } from '../metrics/catalog/index.ts';
import { normalizeRequest, type MetricRequest, type NormalizedRequest } from '../metrics/metric-request.ts';
import { queryMetrics, type MetricResult } from '../metrics/query-metrics.ts';
import { UserError } from '../shared/errors.ts';
import { compareValues } from './compare-periods.ts';
import { comparisonRange, COMPARISONS, periodRowRange, shiftDate, type Comparison, type DateRange, type ShiftComparison } from './periods.ts';
import { targetKey, targetsForRange } from './targets.ts';

export interface ComparedRequest extends MetricRequest {
  compare?: Comparison[];
}

/** The contract's result; `compare` and `comparisons` only when comparisons were asked for. */
export interface ComparedResult extends MetricResult {
  compare?: Comparison[];
  /** The date range each shifted comparison read. */
  comparisons?: Partial<Record<ShiftComparison, DateRange>>;
}

/** Dimensions a target can be set for; a row scoped by anything else has no target. */
const SCOPE_DIMENSIONS = ['subcategory', 'seller_tier', 'seller'] as const;

export function comparisonColumns(metric: string, comparison: Comparison): [string, string, string] {
  return [`${metric}_${comparison}`, `${metric}_${comparison}_change`, `${metric}_${comparison}_change_ratio`];
}

export function parseComparisons(values: readonly string[]): Comparison[] {
  const list = [...new Set(values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean))];
  for (const value of list) {
    if (!(COMPARISONS as readonly string[]).includes(value)) {
      throw new UserError(`unknown comparison "${value}"`, { hint: `valid comparisons: ${COMPARISONS.join(', ')}` });
    }
  }
  return list as Comparison[];
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}

/** The key a row is matched on: its dimension values, with the period shifted when `shift` is given. */
function rowKey(row: PlainRow, by: string[], shift?: (date: string) => string): string {
  return JSON.stringify(by.map((name) => (name === 'period' && shift && typeof row[name] === 'string' ? shift(row[name]) : (row[name] ?? null))));
}

/** The target scope of a row, or null when the row is not one scope (e.g. split by region). */
function scopeOf(row: PlainRow, request: NormalizedRequest): string | null {
  const grouped = request.by.filter((name) => name !== 'period');
  const filters = request.where;
  if (grouped.length === 0 && filters.length === 0) return 'category';
  if (grouped.length === 1 && filters.length === 0) {
    const [dimension] = grouped as [string];
    const value = row[dimension];
    return (SCOPE_DIMENSIONS as readonly string[]).includes(dimension) && typeof value === 'string' ? `${dimension}:${value}` : null;
  }
  if (grouped.length === 0 && filters.length === 1) {
    const [filter] = filters as [{ dimension: string; values: string[] }];
    return (SCOPE_DIMENSIONS as readonly string[]).includes(filter.dimension) && filter.values.length === 1
      ? `${filter.dimension}:${filter.values[0] ?? ''}`
      : null;
  }
  return null;
}

async function addTargets(executor: Executor, request: NormalizedRequest, rows: PlainRow[]): Promise<void> {
  const range = { from: request.from, to: request.to };
  // Rows sharing a date range are looked up together: one query per distinct period.
  const groups = new Map<string, { range: DateRange; rows: { row: PlainRow; scope: string | null }[] }>();
  for (const row of rows) {
    const rowRange =
      request.grain && typeof row.period === 'string' ? periodRowRange(row.period, request.grain, range) : range;
    const key = `${rowRange.from}/${rowRange.to}`;
    const group = groups.get(key) ?? { range: rowRange, rows: [] };
    group.rows.push({ row, scope: scopeOf(row, request) });
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    const scopes = [...new Set(group.rows.map((r) => r.scope).filter((s): s is string => s !== null))];
    const targets = scopes.length
      ? await targetsForRange(executor, { metrics: request.metrics, scopes, ...group.range })
      : new Map<string, number | null>();
    for (const { row, scope } of group.rows) {
      for (const metric of request.metrics) {
        const target = scope === null ? null : (targets.get(targetKey(metric, scope)) ?? null);
        setComparison(row, metric, 'target', target);
      }
    }
  }
}

function setComparison(row: PlainRow, metric: string, comparison: Comparison, other: number | null): void {
  const [valueColumn, changeColumn, ratioColumn] = comparisonColumns(metric, comparison);
  const compared = compareValues(numberOrNull(row[metric]), other, getMetric(metric).format);
  row[valueColumn] = other;
  row[changeColumn] = compared.change;
  row[ratioColumn] = compared.changeRatio;
}

export async function queryMetricsWithComparisons(executor: Executor, input: ComparedRequest): Promise<ComparedResult> {
  const compare = parseComparisons(input.compare ?? []);
  const request = normalizeRequest(input);
  const current = await queryMetrics(executor, request);
  if (compare.length === 0) return current;
  const range = { from: request.from, to: request.to };
  const comparisons: Partial<Record<ShiftComparison, DateRange>> = {};
  const rows = current.rows.map((row) => ({ ...row }));

  for (const comparison of compare) {
    if (comparison === 'target') continue;
    const shifted = comparisonRange(range, comparison, request.grain);
    comparisons[comparison] = shifted;
    const other = await queryMetrics(executor, { ...request, ...shifted });
    const byKey = new Map(other.rows.map((row) => [rowKey(row, request.by), row]));
    const shift = (date: string) => shiftDate(date, comparison, { grain: request.grain, range });
    for (const row of rows) {
      const match = byKey.get(rowKey(row, request.by, shift));
      for (const metric of request.metrics) setComparison(row, metric, comparison, numberOrNull(match?.[metric]));
    }
  }
  if (compare.includes('target')) await addTargets(executor, request, rows);
  return { ...current, rows, compare, comparisons };
}
