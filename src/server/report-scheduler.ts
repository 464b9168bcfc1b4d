/**
 * Scheduled reports in the server: one croner job per enabled schedule (workspace time zone), each
 * run through a BackgroundJob so runs of one kind never overlap, and a catch-up at start — a run
 * that fell due while the server was down (and was not run since) runs once, for the period it
 * was due for. Every run is recorded in `reports` (by = 'schedule') with its outcome, and files go
 * to `<data dir>/reports/<id>/`. `reload()` after a manager changes a schedule; `close()` stops
 * the timers and waits for a running report. The clock is injectable for tests.
 */
import path from 'node:path';
import { Cron } from 'croner';
import type { Database } from '../core/db/database.ts';
import { getSettings } from '../core/shared/settings.ts';
import { generateReport, markInterruptedRuns } from '../core/reports/report-files.ts';
import { REPORT_KINDS, type ReportKind } from '../core/reports/report-period.ts';
import { getReportSchedules, lastScheduledRun, missedRun, SCHEDULE_BY, scheduledPeriod } from '../core/reports/report-schedules.ts';
import { BackgroundJob, type RunnerLog } from './background-job.ts';

declare module 'fastify' {
  interface FastifyInstance {
    reportScheduler: ReportScheduler;
  }
}

export function archiveDir(dataDir: string): string {
  return path.join(dataDir, 'reports', '{id}');
}

export class ReportScheduler {
  private readonly jobs = new Map<ReportKind, BackgroundJob>();
  private readonly due = new Map<ReportKind, Date>();
  private readonly crons = new Map<ReportKind, Cron>();
  private closed = false;
  /** Set by start(): a server that does not run schedules (tests, tools) keeps no timers. */
  private active = false;

  constructor(
    private readonly db: Database,
    private readonly dataDir: string,
    private readonly log: RunnerLog,
    private readonly clock: () => Date = () => new Date(),
  ) {
    for (const kind of REPORT_KINDS) this.jobs.set(kind, new BackgroundJob((reason) => this.run(kind, reason)));
  }

  private async run(kind: ReportKind, reason: string): Promise<void> {
    const at = this.due.get(kind) ?? this.clock();
    try {
      const { timezone } = await getSettings(this.db);
      const schedule = (await getReportSchedules(this.db)).find((s) => s.kind === kind);
      if (!schedule) return;
      const period = scheduledPeriod(kind, at, timezone);
      const result = await generateReport(this.db, {
        kind,
        period: period.label,
        formats: schedule.formats,
        outDir: archiveDir(this.dataDir),
        by: SCHEDULE_BY,
        now: this.clock(),
      });
      this.log.info({ report: { id: result.id, kind, period: result.period, reason } }, 'scheduled report written');
    } catch (error) {
      this.log.error({ err: error, kind, reason }, 'scheduled report failed');
    }
  }

  /** Runs a kind's report for the schedule slot `at` (in the background). */
  trigger(kind: ReportKind, at: Date, reason: string): void {
    this.due.set(kind, at);
    this.jobs.get(kind)?.request(reason);
  }

  /**
   * At server start: marks runs a stopped process left `running` as failed, starts a timer per
   * enabled schedule and catches up on runs missed while the server was down.
   */
  async start(now: Date = this.clock()): Promise<void> {
    this.active = true;
    await markInterruptedRuns(this.db);
    await this.schedule(now);
  }

  private async schedule(now: Date): Promise<void> {
    this.stopTimers();
    if (this.closed) return;
    const { timezone } = await getSettings(this.db);
    for (const schedule of await getReportSchedules(this.db)) {
      if (!schedule.enabled) continue;
      const kind = schedule.kind;
      this.crons.set(kind, new Cron(schedule.cron, { timezone, catch: true, unref: true }, () => this.trigger(kind, this.clock(), 'scheduled')));
      const missed = missedRun(schedule, timezone, await lastScheduledRun(this.db, kind), now);
      if (missed) this.trigger(kind, missed, 'catch-up');
    }
  }

  /** Re-reads the schedules (after a manager changed one). */
  async reload(): Promise<void> {
    if (this.active) await this.schedule(this.clock());
  }

  /** When each running schedule fires next (ISO), null when it is off. */
  nextRun(kind: ReportKind): string | null {
    return this.crons.get(kind)?.nextRun()?.toISOString() ?? null;
  }

  async idle(): Promise<void> {
    for (const job of this.jobs.values()) await job.idle();
  }

  private stopTimers(): void {
    for (const cron of this.crons.values()) cron.stop();
    this.crons.clear();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopTimers();
    await Promise.all([...this.jobs.values()].map((job) => job.close()));
  }
}
