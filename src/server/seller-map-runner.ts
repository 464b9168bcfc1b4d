/**
 * When the server recomputes seller segments and opportunities: after every import that loaded
 * rows (in the background — the import has committed and answered already), every day at 05:30 in
 * the workspace time zone (before the 06:00 alert scan, so tier scopes are fresh), and once at
 * start when the last recompute is missing or more than a day old. A failing recompute is logged and
 * never reaches the import that triggered it. Requests during a recompute fold into one more run.
 * `close()` stops the schedule and waits for a running recompute.
 */
import { Cron } from 'croner';
import type { Database } from '../core/db/database.ts';
import { getLastRecompute, recomputeQuietly } from '../core/sellers/segments/index.ts';
import { getSettings } from '../core/shared/settings.ts';
import type { RunnerLog } from './alert-runner.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's seller map recomputes (tests wait on `idle()`). */
    sellerMapRunner: SellerMapRunner;
  }
}

export const DAILY_RECOMPUTE = '30 5 * * *';
const DAY_MS = 86_400_000;

export class SellerMapRunner {
  private job: Cron | null = null;
  private running: Promise<void> | null = null;
  private again: string | null = null;
  private closed = false;

  constructor(
    private readonly db: Database,
    private readonly log: RunnerLog,
  ) {}

  async startSchedule(now: Date = new Date()): Promise<void> {
    const { timezone } = await getSettings(this.db);
    this.job = new Cron(DAILY_RECOMPUTE, { timezone, catch: true, unref: true }, () => this.request('daily'));
    const last = await getLastRecompute(this.db);
    if (!last || now.getTime() - Date.parse(last.at) > DAY_MS) this.request('catch-up');
  }

  /** Asks for a recompute; returns at once. */
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
      const summary = await recomputeQuietly(this.db, next, (error) => this.log.error({ err: error, reason: next }, 'seller map recompute failed'));
      if (summary) this.log.info({ recompute: summary }, 'seller map recomputed');
      next = this.again;
    }
  }
}
