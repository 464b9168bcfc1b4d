/**
 * When reports write themselves: one schedule per kind (a cron expression in the workspace time
 * zone — by default weekly on Monday 08:00 and monthly on the 1st at 08:00 — and the formats),
 * off until a manager switches it on. Stored in the setting `reports.schedules`; changes are
 * audited. A scheduled run covers the latest period complete the day before it runs (Monday's
 * run: last week; the 1st's run: last month). A run that was due while the server was down is
 * run once at start (`missedRun`). Every run is a row of `reports` with `by = 'schedule'`.
 */
import { Cron } from 'croner';
import type { Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import type { Actor } from '../auth/actor.ts';
import { writeAudit } from '../auth/audit-log.ts';
import { addDays } from '../shared/dates.ts';
import { UserError } from '../shared/errors.ts';
import { getSettings } from '../shared/settings.ts';
import { parseFormats, type ReportFormat } from './report-files.ts';
import { latestCompletePeriod, REPORT_KINDS, type ReportKind, type ReportPeriod } from './report-period.ts';

export const SCHEDULES_KEY = 'reports.schedules';
export const SCHEDULE_BY = 'schedule';

export interface ReportSchedule {
  kind: ReportKind;
  enabled: boolean;
  cron: string;
  formats: ReportFormat[];
  /** When it was last switched on (ISO); runs due before that are not "missed". */
  enabledAt: string | null;
}

export const DEFAULT_SCHEDULES: Record<ReportKind, ReportSchedule> = {
  weekly: { kind: 'weekly', enabled: false, cron: '0 8 * * 1', formats: ['pdf', 'xlsx', 'pptx'], enabledAt: null },
  monthly: { kind: 'monthly', enabled: false, cron: '0 8 1 * *', formats: ['pdf', 'xlsx', 'pptx'], enabledAt: null },
};

export function validateCron(pattern: string, timezone: string): string {
  const text = pattern.trim();
  try {
    const cron = new Cron(text, { timezone, paused: true });
    const next = cron.nextRun();
    cron.stop();
    if (!next) throw new Error('never runs');
  } catch (error) {
    throw new UserError(`"${pattern}" is not a schedule: ${error instanceof Error ? error.message : String(error)}`, {
      hint: 'write a cron expression "minute hour day-of-month month day-of-week", e.g. "0 8 * * 1" for Mondays at 08:00',
    });
  }
  return text;
}

export async function getReportSchedules(executor: Executor): Promise<ReportSchedule[]> {
  const [row] = await executor.query<{ value: string }>(sql`SELECT value FROM settings WHERE key = ${SCHEDULES_KEY}`);
  const stored = row ? (JSON.parse(row.value) as Partial<Record<ReportKind, Partial<ReportSchedule>>>) : {};
  return REPORT_KINDS.map((kind) => ({ ...DEFAULT_SCHEDULES[kind], ...stored[kind], kind }));
}

export interface ScheduleInput {
  enabled?: boolean;
  cron?: string;
  formats?: string[];
}

export async function setReportSchedule(executor: Executor, actor: Actor, kind: ReportKind, input: ScheduleInput, now: Date = new Date()): Promise<ReportSchedule> {
  const { timezone } = await getSettings(executor);
  const all = await getReportSchedules(executor);
  const before = all.find((s) => s.kind === kind) ?? DEFAULT_SCHEDULES[kind];
  const enabled = input.enabled ?? before.enabled;
  const next: ReportSchedule = {
    kind,
    enabled,
    cron: input.cron !== undefined ? validateCron(input.cron, timezone) : before.cron,
    formats: input.formats !== undefined ? parseFormats(input.formats) : before.formats,
    enabledAt: enabled ? (before.enabled ? before.enabledAt : now.toISOString()) : null,
  };
  const value = Object.fromEntries(all.map((s) => [s.kind, s.kind === kind ? next : s]));
  await executor.run(sql`
    INSERT INTO settings (key, value) VALUES (${SCHEDULES_KEY}, ${JSON.stringify(value)})
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`);
  await writeAudit(executor, actor, { action: 'update', entity: 'report_schedule', entityId: kind, before, after: next });
  return next;
}

/** When the last scheduled run of a kind started (any outcome), or null. */
export async function lastScheduledRun(executor: Executor, kind: ReportKind): Promise<Date | null> {
  const [row] = await executor.query<{ at: string | null }>(sql`
    SELECT strftime(max(created_at) AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ') AS at FROM reports WHERE kind = ${kind} AND "by" = ${SCHEDULE_BY}`);
  return row?.at ? new Date(row.at) : null;
}

/**
 * The scheduled time a run was missed at, or null: the latest time the cron fired before `now`,
 * when the schedule was already on then and no scheduled run has started since.
 */
export function missedRun(schedule: ReportSchedule, timezone: string, lastRun: Date | null, now: Date): Date | null {
  if (!schedule.enabled) return null;
  const cron = new Cron(schedule.cron, { timezone, paused: true });
  const [due] = cron.previousRuns(1, now);
  cron.stop();
  if (!due) return null;
  if (schedule.enabledAt && Date.parse(schedule.enabledAt) > due.getTime()) return null;
  if (lastRun && lastRun.getTime() >= due.getTime()) return null;
  return due;
}

/** The period a run at `at` writes: the latest one complete on the day before, in the workspace time zone. */
export function scheduledPeriod(kind: ReportKind, at: Date, timezone: string): ReportPeriod {
  const localDay = at.toLocaleDateString('en-CA', { timeZone: timezone });
  return latestCompletePeriod(kind, addDays(localDay, -1));
}
