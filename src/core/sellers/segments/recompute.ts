/**
 * The seller map's recompute: segments for every seller, then every opportunity rule, in one
 * transaction, recorded in the setting `segments.last_recompute`. The server runs it after each
 * import that changed data and every morning; the CLI after `aisle import`/`aisle demo` and on
 * `aisle segments recompute`. Recomputes of one database never overlap (a second one waits), and
 * the quiet variant never throws, so an import that has committed can never fail because of it.
 */
import type { Database, Executor } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { isIsoDate, todayIn } from '../../shared/dates.ts';
import { UserError } from '../../shared/errors.ts';
import { getSettings } from '../../shared/settings.ts';
import { evaluateOpportunities } from '../opportunities/evaluate-opportunities.ts';
import { writeSegments } from './recompute-segments.sql.ts';
import { dataRange } from './rolling-windows.sql.ts';
import { getTierThresholds } from './tier-thresholds.ts';

export const LAST_RECOMPUTE_KEY = 'segments.last_recompute';

export interface RecomputeOptions {
  /** Segment as if the data ended on this day (default: the latest day with data). */
  asOf?: string;
  /** Today, for "not contacted in 30 days" and snoozes (default: today in the workspace time zone). */
  today?: string;
  /** What started it, for the record: 'import', 'daily', 'manual', 'cli', 'demo', 'thresholds'. */
  reason?: string;
}

export interface RecomputeSummary {
  at: string;
  reason: string;
  asOf: string | null;
  sellers: number;
  opportunities: Record<string, number>;
  seconds: number;
}

/** Recomputes inside the caller's transaction. */
export async function recomputeSegments(executor: Executor, options: RecomputeOptions = {}): Promise<RecomputeSummary> {
  for (const [name, value] of [['asOf', options.asOf], ['today', options.today]] as const) {
    if (value !== undefined && !isIsoDate(value)) throw new UserError(`${name} must be a date YYYY-MM-DD, got "${value}"`);
  }
  const started = Date.now();
  const { currency, timezone } = await getSettings(executor);
  const range = await dataRange(executor);
  const asOf = options.asOf ?? range.last;
  const summary: RecomputeSummary = { at: new Date(started).toISOString(), reason: options.reason ?? 'manual', asOf, sellers: 0, opportunities: {}, seconds: 0 };
  if (!asOf || !range.first) {
    await executor.run(sql`DELETE FROM seller_segments`);
    await executor.run(sql`DELETE FROM opportunities`);
  } else {
    const thresholds = await getTierThresholds(executor);
    summary.sellers = await writeSegments(executor, { asOf, thresholds, currency });
    summary.opportunities = await evaluateOpportunities(executor, {
      asOf,
      today: options.today ?? todayIn(timezone),
      currency,
      tierWindowDays: thresholds.windowDays,
    });
  }
  summary.seconds = Math.round((Date.now() - started) / 10) / 100;
  await executor.run(sql`
    INSERT INTO settings (key, value) VALUES (${LAST_RECOMPUTE_KEY}, ${JSON.stringify(summary)})
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`);
  return summary;
}

export async function getLastRecompute(executor: Executor): Promise<RecomputeSummary | null> {
  const [row] = await executor.query<{ value: string }>(sql`SELECT value FROM settings WHERE key = ${LAST_RECOMPUTE_KEY}`);
  if (!row) return null;
  try {
    return JSON.parse(row.value) as RecomputeSummary;
  } catch {
    return null;
  }
}

const locks = new WeakMap<Database, Promise<unknown>>();

/** Runs `work` after any recompute already running on this database has finished. */
export function serialized<T>(db: Database, work: () => Promise<T>): Promise<T> {
  const previous = locks.get(db) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(work);
  locks.set(db, next);
  return next;
}

/** Recomputes in a transaction of its own, after any running recompute. */
export function recomputeSellerMap(db: Database, options: RecomputeOptions = {}): Promise<RecomputeSummary> {
  return serialized(db, () => db.transaction((tx) => recomputeSegments(tx, options)));
}

/** A recompute that never throws: a failure goes to `onError` and the caller carries on. */
export async function recomputeQuietly(db: Database, reason: string, onError: (error: unknown) => void): Promise<RecomputeSummary | null> {
  try {
    return await recomputeSellerMap(db, { reason });
  } catch (error) {
    onError(error);
    return null;
  }
}
