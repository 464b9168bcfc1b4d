/**
 * Checks a batch of targets before anything is written: the metric is in the catalog, the scope
 * is well formed and names a subcategory, tier or seller that exists, the period is a real month
 * or ISO week, and the value is a finite number ≥ 0 (≤ 1 for shares of a whole, such as live GMV share;
 * engagement-type rates can pass 1 when likes outnumber views). Every problem is collected
 * with its row, column, value and reason, so a sheet is fixed in one go, never half-loaded.
 */
import type { Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { SELLER_TIERS } from '../sellers/segments/seller-tiers.sql.ts';
import { UserError } from '../shared/errors.ts';
import { METRICS } from '../metrics/catalog/index.ts';
import { sellerNameKey, sellerNameKeySql } from '../sellers/seller-name-key.ts';
import { parsePeriod } from './target-periods.ts';
import { formatScope, parseScope, targetKey, type TargetScope } from './target-scopes.ts';

export const MAX_TARGETS_PER_BATCH = 10_000;

export interface TargetRow {
  metric: string;
  scope: string;
  period: string;
  value: number;
}

/** One row to check; `row` is how the user numbers it (sheet row, or 1-based position). */
export interface TargetCandidate {
  row: number;
  metric: string;
  scope: string;
  period: string;
  value: number | null;
  /** The text the value came from, when it is not simply the number (sheet cells). */
  valueText?: string;
  /** A reason the value could not be read at all (sheet cells). */
  valueError?: string | null;
  /** Column names to report, when they differ from the field names (sheet headers). */
  columns?: Partial<Record<'metric' | 'scope' | 'period' | 'value', string>>;
}

export interface TargetRowError {
  row: number;
  column: string;
  value: string;
  message: string;
}

/** A sheet's "2026-11" often arrives as the date Excel made of it: the 1st of that month. */
function normalisePeriod(text: string): string {
  const value = text.trim().toUpperCase();
  const excelDate = /^(\d{4}-\d{2})-01(?:T00:00:00)?$/.exec(value);
  return excelDate?.[1] ?? value;
}

function periodProblem(period: string): string | null {
  if (parsePeriod(period)) return null;
  const week = /^(\d{4})-W53$/.exec(period);
  if (week) return `${week[1]} has no ISO week 53`;
  return 'not a month YYYY-MM or an ISO week YYYY-Www';
}

function valueProblem(candidate: TargetCandidate, isRate: boolean): string | null {
  const { value } = candidate;
  if (candidate.valueError) return candidate.valueError;
  if (value === null) return 'a target value is required';
  if (!Number.isFinite(value)) return 'not a number';
  if (value < 0) return 'a target cannot be negative';
  if (isRate && value > 1) return 'this rate is a share of a whole, a fraction from 0 to 1: write 0.034 or 3.4%';
  return null;
}

interface ScopeLookups {
  subcategories: Map<string, string>;
  tiers: Map<string, string>;
  sellers: Map<string, string>;
}

/** The subcategories, tiers and sellers the batch names, keyed case-insensitively (sellers also by name). */
async function loadLookups(executor: Executor, scopes: TargetScope[]): Promise<ScopeLookups> {
  const subcategories = await executor.query<{ id: string }>(sql`SELECT id FROM categories WHERE parent_id IS NOT NULL`);
  const tiers = await executor.query<{ tier: string }>(sql`SELECT DISTINCT tier FROM (${SELLER_TIERS}) t WHERE tier IS NOT NULL`);
  const sellerTexts = [...new Set(scopes.flatMap((s) => (s.kind === 'seller' ? [s.id] : [])))];
  const sellers = new Map<string, string>();
  if (sellerTexts.length > 0) {
    const wanted = sql`(VALUES ${sql.join(sellerTexts.map((t) => sql`(${t}, ${sellerNameKey(t)})`))}) AS w(text, name_key)`;
    // An id matches exactly; a name matches by its normalised key, and only when one seller has it.
    const rows = await executor.query<{ text: string; id: string }>(sql`
      SELECT w.text, s.id FROM ${wanted} JOIN sellers s ON s.id = w.text
      UNION ALL
      SELECT w.text, any_value(s.id) FROM ${wanted} JOIN sellers s ON ${sellerNameKeySql(sql`s.name`)} = w.name_key
      WHERE NOT EXISTS (SELECT 1 FROM sellers x WHERE x.id = w.text)
      GROUP BY w.text HAVING count(*) = 1`);
    for (const row of rows) sellers.set(row.text, row.id);
  }
  return {
    subcategories: new Map(subcategories.map((r) => [r.id.toLowerCase(), r.id])),
    tiers: new Map(tiers.map((r) => [r.tier.toLowerCase(), r.tier])),
    sellers,
  };
}

function resolveScope(scope: TargetScope, lookups: ScopeLookups): TargetScope | string {
  switch (scope.kind) {
    case 'category':
      return scope;
    case 'subcategory': {
      const id = lookups.subcategories.get(scope.id.toLowerCase());
      return id ? { kind: 'subcategory', id } : `no subcategory "${scope.id}" in the taxonomy`;
    }
    case 'seller_tier': {
      const tier = lookups.tiers.get(scope.id.toLowerCase());
      const known = [...lookups.tiers.values()].sort().join(', ');
      return tier ? { kind: 'seller_tier', id: tier } : `no seller has tier "${scope.id}"${known ? ` (tiers: ${known})` : ''}`;
    }
    case 'seller': {
      const id = lookups.sellers.get(scope.id);
      return id ? { kind: 'seller', id } : `no seller with id or name "${scope.id}"`;
    }
    default: {
      const unknown: never = scope;
      throw new Error(`unknown scope ${JSON.stringify(unknown)}`);
    }
  }
}

/** The canonical rows of a valid batch, and every problem of an invalid one. */
export async function checkTargets(
  executor: Executor,
  candidates: TargetCandidate[],
): Promise<{ rows: TargetRow[]; errors: TargetRowError[] }> {
  const errors: TargetRowError[] = [];
  const fail = (c: TargetCandidate, field: 'metric' | 'scope' | 'period' | 'value', value: string, message: string): void => {
    errors.push({ row: c.row, column: c.columns?.[field] ?? field, value, message });
  };
  const scopes = candidates.map((c) => parseScope(c.scope));
  const lookups = await loadLookups(executor, scopes.filter((s): s is TargetScope => s !== null));
  const rows: TargetRow[] = [];
  const seen = new Map<string, number>();
  candidates.forEach((candidate, i) => {
    const metric = METRICS.get(candidate.metric.trim());
    if (!metric) fail(candidate, 'metric', candidate.metric, 'not a metric in the catalog');
    const parsedScope = scopes[i] ?? null;
    const scope = parsedScope ? resolveScope(parsedScope, lookups) : 'not a scope: write category, subcategory:<id>, seller_tier:<tier> or seller:<id>';
    if (typeof scope === 'string') fail(candidate, 'scope', candidate.scope, scope);
    const period = normalisePeriod(candidate.period);
    const badPeriod = periodProblem(period);
    if (badPeriod) fail(candidate, 'period', candidate.period, badPeriod);
    const badValue = valueProblem(candidate, metric?.bounded === true);
    if (badValue) fail(candidate, 'value', candidate.valueText ?? String(candidate.value ?? ''), badValue);
    if (!metric || typeof scope === 'string' || badPeriod || badValue || candidate.value === null) return;
    const row = { metric: metric.name, scope: formatScope(scope), period, value: candidate.value };
    const key = `${targetKey(row.metric, row.scope)}|${period}`;
    const first = seen.get(key);
    if (first !== undefined) {
      fail(candidate, 'period', candidate.period, `the same metric, scope and period as row ${first}`);
      return;
    }
    seen.set(key, candidate.row);
    rows.push(row);
  });
  return { rows, errors };
}

/** A UserError listing every bad row (the first few in the message, all in `details.errors`). */
export function targetErrors(errors: TargetRowError[], what: string): UserError {
  const shown = errors.slice(0, 5).map((e) => `row ${e.row} ${e.column} "${e.value}": ${e.message}`);
  const more = errors.length > shown.length ? `; and ${errors.length - shown.length} more` : '';
  return new UserError(`${what}: ${errors.length} problem${errors.length === 1 ? '' : 's'}, nothing was saved — ${shown.join('; ')}${more}`, {
    hint: 'fix the rows listed and try again; metric names are those of `aisle query` (the metric catalog in the README)',
    details: { errors },
  });
}
