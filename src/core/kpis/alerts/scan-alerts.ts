/**
 * One alert scan: judge the days since the last scan (at most a week) and the last 7 days with the
 * anomaly detector for every watched metric × scope, judge the threshold rules, explain what was
 * found, and store it — all writes in one transaction, with the scan's time and data day recorded
 * in the `alerts.last_scan` setting. The server runs it after each import and every morning; the
 * CLI after `aisle import` and on `aisle alerts scan`.
 *
 * Scans of one database never overlap (a second request waits for the first), so an import that
 * lands during the daily scan cannot make two scans write the same alerts.
 */
import type { Database, Executor } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { addDays, isIsoDate } from '../../shared/dates.ts';
import { UserError } from '../../shared/errors.ts';
import { getSettings } from '../../shared/settings.ts';
import { isoWeekOf } from '../target-periods.ts';
import { listAlertRules } from './alert-rules.ts';
import type { Finding } from './alert-types.ts';
import { anomalyFindings, judgeRows, type Judged } from './anomaly-findings.ts';
import { anomalyStats } from './anomaly-stats.sql.ts';
import { campaignDaysBetween, type CampaignDay } from './campaign-calendar.ts';
import { getExtraCampaignDays } from './campaign-days.ts';
import { monitoredMetric, type WatchedScope } from './monitored-metrics.ts';
import { clearUnconfirmed, recordFindings } from './record-findings.sql.ts';
import { firstDayToJudge, planScan } from './scan-plan.ts';
import { thresholdFindings } from './threshold-findings.ts';

export const LAST_SCAN_KEY = 'alerts.last_scan';

export interface ScanOptions {
  /** Judge as if the data ended on this day (default: the latest day with data). */
  asOf?: string;
  /** Judge this many days up to asOf (1–7) instead of the days since the last scan. */
  days?: number;
  /** What started the scan, for the record: 'import', 'daily', 'manual', 'cli'. */
  reason?: string;
}

export interface ScanSummary {
  at: string;
  reason: string;
  asOf: string | null;
  judged: { from: string; to: string } | null;
  skippedCampaignDays: CampaignDay[];
  found: number;
  created: number;
  updated: number;
  reopened: number;
  cleared: number;
  seconds: number;
}

export interface LastScan {
  at: string;
  asOf: string | null;
  reason: string;
}

export async function getLastScan(executor: Executor): Promise<LastScan | null> {
  const [row] = await executor.query<{ value: string }>(sql`SELECT value FROM settings WHERE key = ${LAST_SCAN_KEY}`);
  if (!row) return null;
  try {
    const parsed = JSON.parse(row.value) as Partial<ScanSummary>;
    return typeof parsed.at === 'string' ? { at: parsed.at, asOf: parsed.asOf ?? null, reason: parsed.reason ?? 'unknown' } : null;
  } catch {
    return null;
  }
}

/** First day with any sales or livestream data, and the latest day with sales (the scan's as-of day). */
async function dataRange(executor: Executor): Promise<{ first: string | null; last: string | null }> {
  const [row] = await executor.query<{ first: string | null; last: string | null }>(sql`
    SELECT CAST(least((SELECT min(date) FROM seller_days), (SELECT min(start_date) FROM livestreams)) AS VARCHAR) AS first,
      CAST((SELECT max(date) FROM seller_days) AS VARCHAR) AS last`);
  return { first: row?.first ?? null, last: row?.last ?? null };
}

const WATCHED_SCOPES: readonly WatchedScope[] = ['category', 'subcategory', 'seller'];
const locks = new WeakMap<Database, Promise<unknown>>();

/** Runs `work` after any scan already running on this database has finished. */
function serialized<T>(db: Database, work: () => Promise<T>): Promise<T> {
  const previous = locks.get(db) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(work);
  locks.set(db, next);
  return next;
}

export function scanAlerts(db: Database, options: ScanOptions = {}): Promise<ScanSummary> {
  if (options.asOf !== undefined && !isIsoDate(options.asOf)) {
    throw new UserError(`asOf must be a date YYYY-MM-DD, got "${options.asOf}"`);
  }
  if (options.days !== undefined && (!Number.isInteger(options.days) || options.days < 1 || options.days > 7)) {
    throw new UserError(`days must be a whole number from 1 to 7, got ${options.days}`);
  }
  return serialized(db, () => runScan(db, options));
}

async function runScan(db: Database, options: ScanOptions): Promise<ScanSummary> {
  const started = Date.now();
  const at = new Date(started).toISOString();
  const reason = options.reason ?? 'manual';
  const { currency } = await getSettings(db);
  const range = await dataRange(db);
  const asOf = options.asOf ?? range.last;
  const empty: ScanSummary = { at, reason, asOf, judged: null, skippedCampaignDays: [], found: 0, created: 0, updated: 0, reopened: 0, cleared: 0, seconds: 0 };
  if (!asOf || !range.first || range.first > asOf) {
    await db.transaction((tx) => saveLastScan(tx, empty));
    return empty;
  }
  const last = await getLastScan(db);
  const firstDay = firstDayToJudge(asOf, last?.asOf ?? null, options.days);
  const campaigns = campaignDaysBetween(addDays(firstDay, -120), asOf, await getExtraCampaignDays(db));
  const plan = planScan({ asOf, firstDay, dataFrom: range.first, campaigns });
  const rules = await listAlertRules(db, { enabledOnly: true });
  const watched = rules.filter((r) => r.kind === 'anomaly').map((r) => monitoredMetric(r.metric));

  const judged: Judged[] = [];
  for (const kind of WATCHED_SCOPES) judged.push(...judgeRows(await anomalyStats(db, plan, kind, watched), watched, kind));
  const anomalies = await anomalyFindings(db, judged, { plan, campaigns, currency });
  const judgedDays: string[] = [];
  for (let day = firstDay; day <= asOf; day = addDays(day, 1)) judgedDays.push(day);
  const thresholds = await thresholdFindings(db, rules, { asOf, days: judgedDays, currency });
  const findings: Finding[] = [...anomalies, ...thresholds.findings];

  return db.transaction(async (tx) => {
    const { touched, counts } = await recordFindings(tx, findings);
    const candidates = await rejudgedOpenAlerts(tx, {
      firstDay,
      asOf,
      metrics: watched.map((m) => m.name),
      thresholdPeriods: thresholds.judged,
    });
    const cleared = await clearUnconfirmed(tx, candidates, touched);
    const summary: ScanSummary = {
      at,
      reason,
      asOf,
      judged: { from: firstDay, to: asOf },
      skippedCampaignDays: plan.skipped,
      found: findings.length,
      ...counts,
      cleared,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
    await saveLastScan(tx, summary);
    return summary;
  });
}

/** Open alerts whose whole period this scan judged again: if not confirmed now, they cleared. */
async function rejudgedOpenAlerts(
  tx: Executor,
  judged: { firstDay: string; asOf: string; metrics: string[]; thresholdPeriods: { rule: string; period: string }[] },
): Promise<number[]> {
  const conditions = [];
  if (judged.metrics.length) {
    conditions.push(sql`(rule = 'anomaly' AND grain = 'day' AND metric IN (${sql.join(judged.metrics)})
      AND period_from >= CAST(${judged.firstDay} AS DATE) AND period_to <= CAST(${judged.asOf} AS DATE))`);
    conditions.push(sql`(rule = 'anomaly' AND grain = 'week' AND metric IN (${sql.join(judged.metrics)}) AND period = ${isoWeekOf(judged.asOf)})`);
  }
  for (const item of judged.thresholdPeriods) conditions.push(sql`(rule = ${item.rule} AND period = ${item.period})`);
  if (conditions.length === 0) return [];
  const rows = await tx.query<{ id: number }>(sql`SELECT id FROM alerts WHERE status <> 'resolved' AND (${sql.join(conditions, ' OR ')})`);
  return rows.map((r) => r.id);
}

async function saveLastScan(tx: Executor, summary: ScanSummary): Promise<void> {
  await tx.run(sql`
    INSERT INTO settings (key, value) VALUES (${LAST_SCAN_KEY}, ${JSON.stringify(summary)})
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`);
}
