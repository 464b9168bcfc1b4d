/**
 * Ranks the latest weeks' livestream peer pools in the background, so the Livestreams pages read
 * stored benchmarks instead of sorting 8 weeks of sessions on a user's first click: at start and
 * after every import that loaded rows. A week whose sessions did not change costs one fingerprint
 * query. A failure is logged and never reaches the import that triggered it; requests during a run
 * fold into one more run; `close()` stops between weeks and waits.
 */
import type { Database } from '../core/db/database.ts';
import { warmRecentBenchmarks } from '../core/livestreams/peer-benchmarks.ts';
import { BackgroundJob, type BackgroundLane, type RunnerLog } from './background-job.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's benchmark warm-ups (tests wait on `idle()`). */
    livestreamBenchmarkRunner: LivestreamBenchmarkRunner;
  }
}

export class LivestreamBenchmarkRunner extends BackgroundJob {
  constructor(db: Database, log: RunnerLog, lane?: BackgroundLane) {
    super(async (reason, stopped) => {
      const started = Date.now();
      try {
        const summary = await warmRecentBenchmarks(db, stopped);
        if (summary.recomputed > 0) log.info({ benchmarks: { ...summary, reason, ms: Date.now() - started } }, 'livestream benchmarks ranked');
      } catch (error) {
        log.error({ err: error, reason }, 'livestream benchmark warm-up failed');
      }
    }, lane);
  }
}
