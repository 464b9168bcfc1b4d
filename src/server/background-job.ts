/**
 * Work the server does in the background (alert scans, seller map recomputes, livestream benchmark
 * warm-ups), run the same way: on request — after an import has committed and answered —
 * optionally every day on a cron in the workspace time zone, and once at start when the last run
 * is missing or more than a day old. Requests that arrive during a run fold into one more run. A
 * failure is the job's to log and never reaches whoever asked. `close()` stops the schedule and
 * waits for a running job, so the database is never closed under it.
 */
import { Cron } from 'croner';
import type { Database } from '../core/db/database.ts';
import { getSettings } from '../core/shared/settings.ts';

export interface RunnerLog {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

const DAY_MS = 86_400_000;

/** `reason` says why it runs; `stopped()` turns true when the server is closing (long work may stop early). */
export type BackgroundWork = (reason: string, stopped: () => boolean) => Promise<void>;

/**
 * Jobs sharing a lane run one at a time. The server puts its jobs in one lane: after an import the
 * seller map, the alert scan and the benchmark ranking would otherwise run side by side, each with
 * statements of several seconds over millions of rows, and leave the pages' short queries a small
 * share of the 2 cores; one after another they take about as long in all and pages keep answering.
 */
export class BackgroundLane {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work, work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

export class BackgroundJob {
  private job: Cron | null = null;
  private running: Promise<void> | null = null;
  private again: string | null = null;
  private closed = false;

  /** `lane`: shared with other jobs to run one at a time (by default each job has its own). */
  constructor(
    private readonly work: BackgroundWork,
    private readonly lane: BackgroundLane = new BackgroundLane(),
  ) {}

  /** Runs every day at `cron` (workspace time zone) and now, when the last run is missing or older than a day. */
  protected async scheduleDaily(
    db: Database,
    cron: string,
    lastRun: () => Promise<{ at: string } | null>,
    now: Date,
  ): Promise<void> {
    const { timezone } = await getSettings(db);
    this.job = new Cron(cron, { timezone, catch: true, unref: true }, () => this.request('daily'));
    const last = await lastRun();
    if (!last || now.getTime() - Date.parse(last.at) > DAY_MS) this.request('catch-up');
  }

  /** When the next scheduled run is (null without a schedule). */
  protected nextScheduledRun(): Date | null {
    return this.job?.nextRun() ?? null;
  }

  /** Asks for a run; returns at once. Several requests during one run become one more run. */
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

  /** Resolves when nothing is running (tests and shutdown wait on it). */
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
      const reason = next;
      await this.lane.run(() => (this.closed ? Promise.resolve() : this.work(reason, () => this.closed)));
      next = this.again;
    }
  }
}
