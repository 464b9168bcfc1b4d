/**
 * The rows behind a best-practices answer — per subcategory, per group, per feature, per start hour
 * and tag, and the example reviews — computed in one read transaction (the sessions are ranked once
 * into a temp table, best-practices.sql.ts) and kept per database while nothing they depend on
 * changed.
 *
 * Why keep them: over 8 weeks of the 100,000-seller demo the comparison ranks 1.2 M sessions and
 * takes seconds, and the weekly report, the Best practices tab and each seller's improvement areas
 * ask the same question again and again between two imports. An answer is reused exactly while
 * the dashboards' data version (facts, imports, sellers, settings — kpis/data-version.ts) and the
 * reviews' stamp are those it was computed at, and the stored benchmarks it read were not
 * recomputed since (`benchmarksChanged`). Labels (rubric criteria) and the currency are applied by
 * the caller on every answer, so they are never kept here.
 */
import { Database, type Executor } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { dataVersion } from '../../kpis/data-version.ts';
import { reviewScoresSql } from '../reviews/review-scores.sql.ts';
import { reviewsVersion } from '../reviews/reviews.ts';
import {
  groupTotalsSql,
  numericComparisonSql,
  practiceExamplesSql,
  shareComparisonSql,
  stageSessionsSql,
  STAGED_SESSIONS,
  subcategorySummarySql,
  type SessionScope,
} from './best-practices.sql.ts';

export interface SubcategoryRow {
  subcategory: string;
  subcategory_name: string | null;
  sessions: number;
  ranked: number;
  included: boolean;
  top_threshold: number | null;
  top_sessions: number;
}

export interface TotalsRow {
  sessions_top: number;
  sessions_rest: number;
  reviewed_top: number;
  reviewed_rest: number;
  sessions_all: number;
  unranked: number;
}

export interface NumericRow {
  feature: string;
  n_top: number;
  n_rest: number;
  median_top: number | null;
  median_rest: number | null;
  rank_sum_top: number;
}

export interface ShareRow {
  kind: 'start_hour' | 'tag';
  key: string;
  hit_top: number;
  hit_rest: number;
  n_top: number;
  n_rest: number;
}

export interface ExampleRow {
  review_id: number;
  livestream_id: string;
  title: string | null;
  seller_id: string;
  seller_name: string;
  host: string | null;
  start_date: string;
  reviewer: string;
  tags: string[];
  notes: string | null;
  rubric_score: number | null;
  quartile: 'top' | 'rest' | null;
}

/** Shared between callers: read it, never change it. */
export interface SessionComparison {
  subcategories: readonly SubcategoryRow[];
  totals: TotalsRow | undefined;
  numeric: readonly NumericRow[];
  shares: readonly ShareRow[];
  examples: readonly ExampleRow[];
}

export interface ExampleRequest {
  tags: readonly string[];
  limit: number;
}

async function compare(tx: Executor, scope: SessionScope, examples: ExampleRequest): Promise<SessionComparison> {
  await tx.run(stageSessionsSql(scope));
  const subcategories = await tx.query<SubcategoryRow>(subcategorySummarySql());
  const [totals] = await tx.query<TotalsRow>(groupTotalsSql());
  const numeric = await tx.query<NumericRow>(numericComparisonSql());
  const shares = await tx.query<ShareRow>(shareComparisonSql());
  const exampleRows = await tx.query<ExampleRow>(practiceExamplesSql(examples.tags, examples.limit, reviewScoresSql));
  // Not in a `finally`: after a failure the transaction is aborted (and rolled back with the table).
  await tx.run(sql`DROP TABLE ${sql.ident(STAGED_SESSIONS)}`);
  return { subcategories, totals, numeric, shares, examples: exampleRows };
}

/**
 * Computes the comparison now; on a database in one transaction (one snapshot for every question)
 * that writes only its temp table, so the write generation — and every version computed from it —
 * stays as it is.
 */
export function compareSessions(executor: Executor, scope: SessionScope, examples: ExampleRequest): Promise<SessionComparison> {
  if (!(executor instanceof Database)) return compare(executor, scope, examples);
  return executor.inMemoryOnly(async (tx) => {
    await tx.exec('BEGIN TRANSACTION');
    try {
      const result = await compare(tx, scope, examples);
      await tx.exec('COMMIT');
      return result;
    } catch (error) {
      await tx.exec('ROLLBACK').catch(() => undefined);
      throw error;
    }
  });
}

const MAX_KEPT = 32;
const kept = new WeakMap<Database, Map<string, { version: string; rows: Promise<SessionComparison> }>>();

/**
 * The comparison for `scope`, reused while the data, the reviews and the benchmarks are unchanged
 * (see above). Identical requests arriving together share one computation. On a transaction's
 * executor it is always computed (it may see its own uncommitted writes).
 */
export async function comparedSessions(
  executor: Executor,
  scope: SessionScope,
  examples: ExampleRequest,
  options: { benchmarksChanged: boolean },
): Promise<SessionComparison> {
  if (!(executor instanceof Database)) return compareSessions(executor, scope, examples);
  // Read before computing: a write landing meanwhile leaves this entry on the older version.
  const version = `${await dataVersion(executor)}#${await reviewsVersion(executor)}`;
  const key = JSON.stringify([scope.from, scope.to, scope.subcategory ?? null, scope.seller ?? null, scope.outcome, scope.timezone, examples]);
  let entries = kept.get(executor);
  if (!entries) {
    entries = new Map();
    kept.set(executor, entries);
  }
  const hit = entries.get(key);
  if (hit && hit.version === version && !options.benchmarksChanged) {
    entries.delete(key); // re-inserted below as the most recently used
    entries.set(key, hit);
    return hit.rows;
  }
  const rows = compareSessions(executor, scope, examples);
  const entry = { version, rows };
  const held = entries;
  held.delete(key);
  held.set(key, entry);
  rows.catch(() => {
    if (held.get(key) === entry) held.delete(key);
  });
  for (const oldest of held.keys()) {
    if (held.size <= MAX_KEPT) break;
    held.delete(oldest);
  }
  return rows;
}
