/** What every route module receives: the open database and a few facts about the running build. */
import type { Database } from '../core/db/database.ts';
import type { AlertRunner } from './alert-runner.ts';
import type { SellerMapRunner } from './seller-map-runner.ts';
import type { LivestreamBenchmarkRunner } from './livestream-benchmark-runner.ts';

export interface AppContext {
  db: Database;
  dataDir: string;
  version: string;
  /** Runs alert scans after imports and on the daily schedule. */
  alerts: AlertRunner;
  /** Recomputes seller segments and opportunities after imports and on the daily schedule. */
  sellerMap: SellerMapRunner;
  /** Ranks the latest weeks' livestream benchmarks after imports and at start. */
  benchmarks: LivestreamBenchmarkRunner;
  /** How long a page waits for figures recomputed after a data change before it answers with the previous ones (Infinity: always waits). */
  staleAfterMs: number;
}
