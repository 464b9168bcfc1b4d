/**
 * When the server scans for alerts: after every import that loaded rows (in the background — the
 * import has committed and answered already), every day at 06:00 in the workspace time zone, and
 * once at start when the last scan is more than a day old (the server was down at 06:00). A failing
 * scan is logged and never reaches the import or the request that triggered it. Requests that
 * arrive while a scan runs are folded into one more scan afterwards. `close()` stops the schedule
 * and waits for a running scan, so the database is never closed under it.
 */
import { Cron } from 'croner';
import type { Database } from '../core/db/database.ts';
import { getLastScan, scanQuietly } from '../core/kpis/alerts/index.ts';
import { getSettings } from '../core/shared/settings.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's alert scans (tests wait on `idle()`). */
    alertRunner: AlertRunner;
  }
}

export const DAILY_SCAN = '0 6 * * *';
const DAY_MS = 86_400_000;

export interface RunnerLog {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

export class AlertRunner {
  private job: Cron | null = null;
  private running: Promise<void> | null = null;
  private again: string | null = null;
  private closed = false;

  constructor(
    private readonly db: Database,
    private readonly log: RunnerLog,
  ) {}

  /** Starts the daily schedule in the workspace time zone and catches up on a missed scan. */
  async startSchedule(now: Date = new Date()): Promise<void> {
    const { timezone } = await getSettings(this.db);
    this.job = new Cron(DAILY_SCAN, { timezone, catch: true, unref: true }, () => this.request('daily'));
    const last = await getLastScan(this.db);
    if (!last || now.getTime() - Date.parse(last.at) > DAY_MS) this.request('catch-up');
  }

  /** When the next daily scan runs (null without a schedule). */
  nextDailyScan(): Date | null {
    return this.job?.nextRun() ?? null;
  }

  /** Asks for a scan; returns at once. Several requests during one scan become one more scan. */
  request(reason: string): void {
    if (this.closed) return;
    if (this.running) {
      this.again = reason;
      return;
    }
    this.running = this.loop(reason).finally(() => {
      this.running = null;
    });
  }

  /** Resolves when no scan is running (tests and shutdown wait on it). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.job?.stop();
    this.again = null;
    await this.idle();
  }

  private async loop(reason: string): Promise<void> {
    let next: string | null = reason;
    while (next && !this.closed) {
      this.again = null;
      const summary = await scanQuietly(this.db, next, (error) => this.log.error({ err: error, reason: next }, 'alert scan failed'));
      if (summary) this.log.info({ scan: { ...summary, skippedCampaignDays: summary.skippedCampaignDays.length } }, 'alert scan done');
      next = this.again;
    }
  }
}
