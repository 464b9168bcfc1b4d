/**
 * Writes what a scan found into `alerts`, one row per (rule, metric, scope, period), so a scan run
 * twice never duplicates anything. The lifecycle rules:
 *
 * - A run of unusual days is one alert: a day-grain anomaly that follows an open alert of the same
 *   metric, scope and direction within MAX_GAP_DAYS (a skipped campaign day, one quiet day) extends
 *   it (period_to moves on; severity keeps the worst seen) instead of opening another.
 * - Acknowledged and resolved alerts stay so on a re-scan unless they got worse (a higher
 *   severity): then they are `new` again. An alert the system itself cleared comes back as `new`.
 * - An open alert whose period was judged again and no longer holds (data corrected, threshold no
 *   longer crossed) is resolved by `system`.
 */
import type { Executor } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { addDays } from '../../shared/dates.ts';
import { severityRank, type AlertStatus, type Finding, type Severity } from './alert-types.ts';

export const MAX_GAP_DAYS = 3;

interface StoredAlert {
  id: number;
  period_from: string;
  period_to: string;
  severity: Severity;
  status: AlertStatus;
  resolved_by: string | null;
}

export interface RecordCounts {
  created: number;
  updated: number;
  reopened: number;
}

/** The status after a scan confirmed an alert again. */
export function statusAfterRescan(stored: Pick<StoredAlert, 'status' | 'severity' | 'resolved_by'>, severity: Severity): AlertStatus {
  if (stored.status === 'new') return 'new';
  if (stored.status === 'resolved' && stored.resolved_by === 'system') return 'new';
  return severityRank(severity) > severityRank(stored.severity) ? 'new' : stored.status;
}

const json = (value: unknown) => (value === null ? sql`NULL` : sql`CAST(${JSON.stringify(value)} AS JSON)`);

async function update(tx: Executor, stored: StoredAlert, finding: Finding, options: { extendTo?: string; keepWorst: boolean }): Promise<'updated' | 'reopened'> {
  const severity = options.keepWorst && severityRank(stored.severity) > severityRank(finding.severity) ? stored.severity : finding.severity;
  const status = statusAfterRescan(stored, finding.severity);
  const reopened = status === 'new' && stored.status !== 'new';
  const periodTo = options.extendTo ?? finding.periodTo;
  // Numbers follow the latest judged day: re-judging an older day of a run only confirms it.
  const latest = periodTo >= stored.period_to;
  // A run keeps its first day; a week or threshold period takes the window judged last.
  const periodFrom = options.extendTo || !latest ? stored.period_from : finding.periodFrom;
  await tx.run(sql`
    UPDATE alerts SET
      period_from = CAST(${periodFrom} AS DATE),
      period_to = CAST(${latest ? periodTo : stored.period_to} AS DATE),
      observed = CASE WHEN ${latest} THEN ${finding.observed} ELSE observed END,
      expected = CASE WHEN ${latest} THEN ${finding.expected} ELSE expected END,
      z = CASE WHEN ${latest} THEN ${finding.z} ELSE z END,
      explanation = CASE WHEN ${latest} THEN ${json(finding.explanation)} ELSE explanation END,
      severity = ${severity}, status = ${status},
      acknowledged_by = CASE WHEN ${reopened} THEN NULL ELSE acknowledged_by END,
      acknowledged_at = CASE WHEN ${reopened} THEN NULL ELSE acknowledged_at END,
      resolved_by = CASE WHEN ${reopened} THEN NULL ELSE resolved_by END,
      resolved_at = CASE WHEN ${reopened} THEN NULL ELSE resolved_at END,
      last_seen_at = now(), updated_at = now()
    WHERE id = ${stored.id}`);
  return reopened ? 'reopened' : 'updated';
}

async function insert(tx: Executor, finding: Finding): Promise<number> {
  const [row] = await tx.query<{ id: number }>(sql`
    INSERT INTO alerts (rule, metric, scope, period, grain, period_from, period_to, observed, expected, z, direction, severity, explanation)
    VALUES (${finding.rule}, ${finding.metric}, ${finding.scope}, ${finding.period}, ${finding.grain},
            CAST(${finding.periodFrom} AS DATE), CAST(${finding.periodTo} AS DATE), ${finding.observed}, ${finding.expected},
            ${finding.z}, ${finding.direction}, ${finding.severity}, ${json(finding.explanation)})
    RETURNING id`);
  if (!row) throw new Error('insert into alerts returned no id');
  return row.id;
}

const COLUMNS = sql`id, CAST(period_from AS VARCHAR) AS period_from, CAST(period_to AS VARCHAR) AS period_to, severity, status, resolved_by`;

/** The open or closed alert a day-grain anomaly belongs to: one covering the day, else an open run it continues. */
async function runFor(tx: Executor, finding: Finding): Promise<{ stored: StoredAlert; extends: boolean } | null> {
  const same = sql`rule = ${finding.rule} AND metric = ${finding.metric} AND scope = ${finding.scope} AND grain = 'day' AND direction = ${finding.direction}`;
  const day = sql`CAST(${finding.periodFrom} AS DATE)`;
  const [covering] = await tx.query<StoredAlert>(sql`
    SELECT ${COLUMNS} FROM alerts WHERE ${same} AND period_from <= ${day} AND period_to >= ${day} ORDER BY period_from DESC LIMIT 1`);
  if (covering) return { stored: covering, extends: false };
  const [open] = await tx.query<StoredAlert>(sql`
    SELECT ${COLUMNS} FROM alerts WHERE ${same} AND status <> 'resolved'
      AND period_to BETWEEN CAST(${addDays(finding.periodFrom, -MAX_GAP_DAYS)} AS DATE) AND ${day} - 1
    ORDER BY period_to DESC LIMIT 1`);
  return open ? { stored: open, extends: true } : null;
}

/** Stores findings (day-grain anomalies oldest first, so runs grow in order); returns the ids touched. */
export async function recordFindings(tx: Executor, findings: readonly Finding[]): Promise<{ touched: Set<number>; counts: RecordCounts }> {
  const touched = new Set<number>();
  const counts: RecordCounts = { created: 0, updated: 0, reopened: 0 };
  const ordered = [...findings].sort((a, b) => a.periodFrom.localeCompare(b.periodFrom));
  for (const finding of ordered) {
    const run = finding.rule === 'anomaly' && finding.grain === 'day' ? await runFor(tx, finding) : null;
    const stored =
      run?.stored ??
      (await tx.query<StoredAlert>(sql`
        SELECT ${COLUMNS} FROM alerts WHERE rule = ${finding.rule} AND metric = ${finding.metric} AND scope = ${finding.scope} AND period = ${finding.period}`))[0];
    if (!stored) {
      touched.add(await insert(tx, finding));
      counts.created += 1;
      continue;
    }
    const outcome = await update(tx, stored, finding, run ? { extendTo: finding.periodTo, keepWorst: true } : { keepWorst: false });
    counts[outcome] += 1;
    touched.add(stored.id);
  }
  return { touched, counts };
}

/** Resolves (as `system`) the open alerts a scan judged again and did not confirm. */
export async function clearUnconfirmed(tx: Executor, candidates: readonly number[], touched: ReadonlySet<number>): Promise<number> {
  const ids = candidates.filter((id) => !touched.has(id));
  if (ids.length === 0) return 0;
  return tx.run(sql`
    UPDATE alerts SET status = 'resolved', resolved_by = 'system', resolved_at = now(), updated_at = now()
    WHERE id IN (${sql.join(ids)}) AND status <> 'resolved'`);
}
