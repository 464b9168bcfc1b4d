/**
 * When the server recomputes seller segments and opportunities: after every import that loaded
 * rows (in the background — the import has committed and answered already), every day at 05:30 in
 * the workspace time zone (before the 06:00 alert scan, so tier scopes are fresh), and once at
 * start when the last recompute is missing or more than a day old. A failing recompute is logged and
 * never reaches the import that triggered it. Requests during a recompute fold into one more run.
 * `close()` stops the schedule and waits for a running recompute.
 */
import type { Database } from '../core/db/database.ts';
import { getLastRecompute, recomputeQuietly } from '../core/sellers/segments/index.ts';
import { BackgroundJob, type BackgroundLane, type RunnerLog } from './background-job.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's seller map recomputes (tests wait on `idle()`). */
    sellerMapRunner: SellerMapRunner;
  }
}

export const DAILY_RECOMPUTE = '30 5 * * *';

export class SellerMapRunner extends BackgroundJob {
  constructor(
    private readonly db: Database,
    log: RunnerLog,
    lane?: BackgroundLane,
  ) {
    super(async (reason) => {
      const summary = await recomputeQuietly(db, reason, (error) => log.error({ err: error, reason }, 'seller map recompute failed'));
      if (summary) log.info({ recompute: summary }, 'seller map recomputed');
    }, lane);
  }

  startSchedule(now: Date = new Date()): Promise<void> {
    return this.scheduleDaily(this.db, DAILY_RECOMPUTE, () => getLastRecompute(this.db), now);
  }
}
