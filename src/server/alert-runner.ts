/**
 * When the server scans for alerts: after every import that loaded rows (in the background — the
 * import has committed and answered already), every day at 06:00 in the workspace time zone, and
 * once at start when the last scan is more than a day old (the server was down at 06:00). A failing
 * scan is logged and never reaches the import or the request that triggered it. Requests that
 * arrive while a scan runs are folded into one more scan afterwards. `close()` stops the schedule
 * and waits for a running scan, so the database is never closed under it.
 */
import type { Database } from '../core/db/database.ts';
import { getLastScan, scanQuietly } from '../core/kpis/alerts/index.ts';
import { BackgroundJob, type BackgroundLane, type RunnerLog } from './background-job.ts';

export type { RunnerLog } from './background-job.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's alert scans (tests wait on `idle()`). */
    alertRunner: AlertRunner;
  }
}

export const DAILY_SCAN = '0 6 * * *';

export class AlertRunner extends BackgroundJob {
  constructor(
    private readonly db: Database,
    log: RunnerLog,
    lane?: BackgroundLane,
  ) {
    super(async (reason) => {
      const summary = await scanQuietly(db, reason, (error) => log.error({ err: error, reason }, 'alert scan failed'));
      if (summary) log.info({ scan: { ...summary, skippedCampaignDays: summary.skippedCampaignDays.length } }, 'alert scan done');
    }, lane);
  }

  /** Starts the daily schedule in the workspace time zone and catches up on a missed scan. */
  startSchedule(now: Date = new Date()): Promise<void> {
    return this.scheduleDaily(this.db, DAILY_SCAN, () => getLastScan(this.db), now);
  }

  /** When the next daily scan runs (null without a schedule). */
  nextDailyScan(): Date | null {
    return this.nextScheduledRun();
  }
}
