/**
 * Ranks the latest weeks' livestream peer pools in the background, so the Livestreams pages read
 * stored benchmarks instead of sorting 8 weeks of sessions on a user's first click: at start and
 * after every import that loaded rows. A week whose sessions did not change costs one fingerprint
 * query. A failure is logged and never reaches the import that triggered it; requests during a run
 * fold into one more run; `close()` stops between weeks and waits.
 */
import type { Database } from '../core/db/database.ts';
import { warmRecentBenchmarks } from '../core/livestreams/peer-benchmarks.ts';
import type { RunnerLog } from './alert-runner.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's benchmark warm-ups (tests wait on `idle()`). */
    livestreamBenchmarkRunner: LivestreamBenchmarkRunner;
  }
}

export class LivestreamBenchmarkRunner {
  private running: Promise<void> | null = null;
  private again: string | null = null;
  private closed = false;

  constructor(
    private readonly db: Database,
    private readonly log: RunnerLog,
  ) {}

  /** Asks for a warm-up; returns at once. */
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
    this.again = null;
    await this.idle();
  }

  private async loop(reason: string): Promise<void> {
    let next: string | null = reason;
    while (next && !this.closed) {
      this.again = null;
      const started = Date.now();
      try {
        const summary = await warmRecentBenchmarks(this.db, () => this.closed);
        if (summary.recomputed > 0) this.log.info({ benchmarks: { ...summary, reason: next, ms: Date.now() - started } }, 'livestream benchmarks ranked');
      } catch (error) {
        this.log.error({ err: error, reason: next }, 'livestream benchmark warm-up failed');
      }
      next = this.again;
    }
  }
}
