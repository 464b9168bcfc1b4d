/**
 * Tier thresholds: Aisle's tiers S, A, B and C are cut from each seller's GMV percentile over a
 * rolling window. The thresholds are cumulative shares of the sellers with sales, biggest first:
 * with the defaults, S is the top 5%, A the next up to 15%, B up to 40%, and C the rest (and every
 * seller without sales in the window). Managers edit them in Settings → Segments; every change is
 * validated as a whole and audited. Stored as JSON in the setting `segments.tier_thresholds`.
 */
import type { Executor } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { UserError } from '../../shared/errors.ts';
import type { Actor } from '../../auth/actor.ts';
import { writeAudit } from '../../auth/audit-log.ts';

export const TIERS = ['S', 'A', 'B', 'C'] as const;
export type Tier = (typeof TIERS)[number];

export interface TierThresholds {
  /** Days of GMV the percentile is taken over, ending on the latest day with data. */
  windowDays: number;
  /** Cumulative top shares in percent: S = top `s`%, A = top `a`%, B = top `b`%, C = the rest. */
  s: number;
  a: number;
  b: number;
}

export const TIER_THRESHOLDS_KEY = 'segments.tier_thresholds';
export const DEFAULT_TIER_THRESHOLDS: TierThresholds = { windowDays: 90, s: 5, a: 15, b: 40 };
export const WINDOW_DAYS_RANGE = { min: 28, max: 365 } as const;

function fail(field: keyof TierThresholds, message: string, hint: string): never {
  throw new UserError(message, { hint, details: { field } });
}

/** Checks a whole set of thresholds; the message names the field and says what would be accepted. */
export function validateTierThresholds(input: TierThresholds): TierThresholds {
  const { windowDays, s, a, b } = input;
  if (!Number.isInteger(windowDays) || windowDays < WINDOW_DAYS_RANGE.min || windowDays > WINDOW_DAYS_RANGE.max) {
    fail('windowDays', `the window must be a whole number of days from ${WINDOW_DAYS_RANGE.min} to ${WINDOW_DAYS_RANGE.max}, got ${windowDays}`, 'use 90 for a quarter, 28 for four weeks');
  }
  for (const [field, value] of [['s', s], ['a', a], ['b', b]] as const) {
    if (!Number.isFinite(value) || value <= 0 || value >= 100) {
      fail(field, `tier ${field.toUpperCase()} must be a share above 0% and below 100%, got ${value}%`, 'give the top share in percent, e.g. 5 for the top 5%');
    }
    if (Math.round(value * 10) !== value * 10) fail(field, `tier ${field.toUpperCase()} may have one decimal at most, got ${value}%`, 'round it, e.g. 2.5');
  }
  if (!(s < a)) fail('a', `tier A (top ${a}%) must include more sellers than tier S (top ${s}%)`, 'each tier\'s share is cumulative: S < A < B, e.g. 5, 15, 40');
  if (!(a < b)) fail('b', `tier B (top ${b}%) must include more sellers than tier A (top ${a}%)`, 'each tier\'s share is cumulative: S < A < B, e.g. 5, 15, 40');
  return { windowDays, s, a, b };
}

export async function getTierThresholds(executor: Executor): Promise<TierThresholds> {
  const [row] = await executor.query<{ value: string }>(sql`SELECT value FROM settings WHERE key = ${TIER_THRESHOLDS_KEY}`);
  if (!row) return { ...DEFAULT_TIER_THRESHOLDS };
  try {
    return validateTierThresholds({ ...DEFAULT_TIER_THRESHOLDS, ...(JSON.parse(row.value) as Partial<TierThresholds>) });
  } catch {
    // A hand-edited setting that no longer validates falls back to the defaults rather than stopping every recompute.
    return { ...DEFAULT_TIER_THRESHOLDS };
  }
}

/** Saves new thresholds (all four together), audited in the caller's transaction. */
export async function setTierThresholds(executor: Executor, actor: Actor, input: TierThresholds): Promise<TierThresholds> {
  const next = validateTierThresholds(input);
  const before = await getTierThresholds(executor);
  await executor.run(sql`
    INSERT INTO settings (key, value) VALUES (${TIER_THRESHOLDS_KEY}, ${JSON.stringify(next)})
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`);
  await writeAudit(executor, actor, { action: 'update', entity: 'tier_thresholds', entityId: TIER_THRESHOLDS_KEY, before, after: next });
  return next;
}
