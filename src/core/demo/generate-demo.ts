/**
 * `aisle demo`: replaces the workspace's data with a deterministic Lifestyle-category dataset —
 * sellers, products, order lines, seller-days, livestreams with minute curves, follow-up records
 * and planted stories — generated entirely inside DuckDB (`INSERT … SELECT` over `range()`, with
 * every random draw a hash of the seed and the entity), so the same options always give the same
 * data and 2,000 sellers × 180 days build in seconds.
 *
 * Order lines are generated in chunks of days so memory stays bounded at any size. After the
 * clearing step (committed on its own, see clear-demo-data.ts), a dataset that fits in one chunk —
 * the default size and everything smaller — is written in one transaction: a failure leaves an empty
 * workspace, never a half-built demo. Bigger datasets (benchmarks: 100,000 sellers × a year) commit
 * each chunk, because one transaction would hold every uncommitted row and index entry in memory;
 * a failure there leaves a partial dataset without `demo.generated` (written last), and the next run
 * clears it. All phases run on one connection so the generator's temp tables live across commits.
 */
import type { Database, Executor } from '../db/database.ts';
import { queryOne } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { refreshSellerActivity } from '../sellers/refresh-seller-activity.ts';
import { addDays } from '../shared/dates.ts';
import { getSettings } from '../shared/settings.ts';
import { createCalendar } from './calendar.sql.ts';
import { clearDemoData } from './clear-demo-data.sql.ts';
import {
  planDemo,
  validateDemoOptions,
  type DayChunk,
  type DemoOptions,
  type DemoPlan,
} from './demo-plan.ts';
import { demoRandom, type DemoRandom } from './demo-random.sql.ts';
import { insertCommunications, insertTasks } from './generate-follow-up.sql.ts';
import {
  createChunkSessions,
  finalizeChunkSessions,
  insertChunkLivestreams,
} from './generate-livestreams.sql.ts';
import { insertNotes } from './generate-notes.sql.ts';
import { insertLiveOrders, insertShopOrders } from './generate-orders.sql.ts';
import { createDemoProducts } from './generate-products.sql.ts';
import { insertReviews } from './generate-reviews.sql.ts';
import { createDemoSellers, insertCategories } from './generate-sellers.sql.ts';
import { insertChunkMinutes } from './livestream-minutes.sql.ts';
import { describeStories, type PlantedStory } from './planted-stories.ts';
import { insertChunkSellerDays } from './seller-day-traffic.sql.ts';
import { insertSellerProfiles } from './seller-profiles.sql.ts';

export type { DemoOptions } from './demo-plan.ts';
export type { PlantedStory } from './planted-stories.ts';

export interface DemoProgress {
  step: string;
  done: number;
  total: number;
}

export interface DemoSummary {
  sellers: number;
  orderLines: number;
  livestreams: number;
  livestreamMinutes: number;
  from: string;
  to: string;
  stories: PlantedStory[];
  seconds: number;
}

export const DEFAULT_DEMO = { sellers: 2000, days: 180, seed: 42 } as const;

const TEMP_TABLES = [
  'demo_session_final',
  'demo_sessions',
  'demo_shop_days',
  'demo_orders',
  'demo_products',
  'demo_sellers',
  'demo_days',
];

type Report = (step: string, done: number, total: number) => void;

async function generateChunk(tx: Executor, plan: DemoPlan, rnd: DemoRandom, chunk: DayChunk): Promise<void> {
  await createChunkSessions(tx, plan, rnd, chunk);
  await insertShopOrders(tx, plan, rnd, chunk);
  await insertLiveOrders(tx, plan, rnd);
  await finalizeChunkSessions(tx, chunk);
  await insertChunkMinutes(tx, plan, rnd, chunk);
  await insertChunkLivestreams(tx, plan);
  await insertChunkSellerDays(tx, rnd, chunk);
}

async function saveSetting(tx: Executor, key: string, value: unknown): Promise<void> {
  await tx.run(sql`
    INSERT INTO settings (key, value) VALUES (${key}, ${JSON.stringify(value)})
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`);
}

/** Runs one phase: its own transaction on the connection, or part of the enclosing one. */
type Phase = <T>(work: () => Promise<T>) => Promise<T>;

async function inTransaction<T>(connection: Executor, work: () => Promise<T>): Promise<T> {
  await connection.exec('BEGIN TRANSACTION');
  try {
    const result = await work();
    await connection.exec('COMMIT');
    return result;
  } catch (error) {
    await connection.exec('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * DuckDB checkpoints when the write-ahead log passes `checkpoint_threshold` (16 MiB by default), and
 * a checkpoint rewrites the seller-day and livestream indexes whole. Committing chunk after chunk,
 * a big demo crossed it on almost every commit, each one slower than the last as the indexes grew
 * (20,000 sellers × a year: commits from 0.3 s to 2.7 s). While a multi-chunk demo is built the
 * threshold is raised to 1 GiB — the log stays bounded — and restored afterwards, then one
 * checkpoint writes everything.
 */
const BUILD_CHECKPOINT_THRESHOLD = '1GiB';

async function withFewerCheckpoints<T>(connection: Executor, work: () => Promise<T>): Promise<T> {
  const [row] = await connection.query<{ value: string }>(
    sql`SELECT current_setting('checkpoint_threshold') AS value`,
  );
  const previous = row?.value;
  if (!previous) return work();
  await connection.exec(`SET checkpoint_threshold = '${BUILD_CHECKPOINT_THRESHOLD}'`);
  try {
    return await work();
  } finally {
    await connection.run(sql`SET checkpoint_threshold = ${previous}`);
  }
}

async function dropTempTables(connection: Executor): Promise<void> {
  for (const table of TEMP_TABLES) await connection.run(sql`DROP TABLE IF EXISTS ${sql.ident(table)}`);
}

async function buildDemo(
  tx: Executor,
  plan: DemoPlan,
  report: Report,
  phase: Phase,
): Promise<PlantedStory[]> {
  const rnd = demoRandom(plan.seed);
  await phase(async () => {
    report('sellers', 0, 3);
    await createCalendar(tx, plan, rnd);
    await insertCategories(tx, `${addDays(plan.from, -1)}T00:00:00Z`);
    await createDemoSellers(tx, plan, rnd);
    report('sellers', 1, 3);
    await insertSellerProfiles(tx, plan, rnd);
    report('sellers', 2, 3);
    await createDemoProducts(tx, plan, rnd);
    report('sellers', 3, 3);
  });

  const chunks = plan.chunks.length;
  report('orders and livestreams', 0, chunks);
  for (const [n, chunk] of plan.chunks.entries()) {
    await phase(() => generateChunk(tx, plan, rnd, chunk));
    report('orders and livestreams', n + 1, chunks);
  }

  return phase(async () => {
    report('follow-up records', 0, 5);
    await refreshSellerActivity(tx);
    report('follow-up records', 1, 5);
    await insertCommunications(tx, plan, rnd);
    report('follow-up records', 2, 5);
    await insertTasks(tx, plan, rnd);
    report('follow-up records', 3, 5);
    await insertNotes(tx, plan, rnd);
    report('follow-up records', 4, 5);
    await insertReviews(tx, plan, rnd);
    report('follow-up records', 5, 5);
    const stories = await describeStories(tx, plan);
    await saveSetting(tx, 'demo.stories', stories);
    await saveSetting(tx, 'demo.generated', {
      sellers: plan.sellers,
      days: plan.days,
      seed: plan.seed,
      end: plan.end,
      generated_at: new Date().toISOString(),
    });
    return stories;
  });
}

interface Counts {
  sellers: number;
  order_lines: number;
  livestreams: number;
  minutes: number;
}

export async function generateDemo(
  db: Database,
  options: DemoOptions,
  onProgress?: (progress: DemoProgress) => void,
): Promise<DemoSummary> {
  const started = performance.now();
  validateDemoOptions(options);
  const plan = planDemo(options, await getSettings(db));
  const report: Report = (step, done, total) => onProgress?.({ step, done, total });

  report('clearing', 0, 1);
  await clearDemoData(db);
  report('clearing', 1, 1);
  const atomic = plan.chunks.length === 1;
  const stories = await db.withConnection(async (connection) => {
    const phase: Phase = atomic ? (work) => work() : (work) => inTransaction(connection, work);
    try {
      const build = () => buildDemo(connection, plan, report, phase);
      const result = atomic
        ? await inTransaction(connection, build)
        : await withFewerCheckpoints(connection, build);
      // Best effort: with other transactions open (the server) DuckDB refuses, and checkpoints later.
      if (!atomic) await connection.exec('CHECKPOINT').catch(() => undefined);
      await dropTempTables(connection);
      return result;
    } catch (error) {
      await dropTempTables(connection).catch(() => undefined);
      throw error;
    }
  });

  const counts = await queryOne<Counts>(
    db,
    sql`
    SELECT (SELECT count(*) FROM sellers) AS sellers, (SELECT count(*) FROM order_lines) AS order_lines,
      (SELECT count(*) FROM livestreams) AS livestreams, (SELECT count(*) FROM livestream_minutes) AS minutes`,
  );
  return {
    sellers: counts.sellers,
    orderLines: counts.order_lines,
    livestreams: counts.livestreams,
    livestreamMinutes: counts.minutes,
    from: plan.from,
    to: plan.to,
    stories,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
