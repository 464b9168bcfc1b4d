/**
 * Keeps the stored peer benchmarks right for the weeks a caller is about to read. Ranking a pool
 * means sorting every session of 8 weeks of a subcategory, far too slow to repeat on every page
 * view of a 6-million-session workspace, so each pool (subcategory × week) is ranked once and kept
 * with a fingerprint of the sessions behind it. `ensureBenchmarks` compares fingerprints and
 * recomputes only the pools whose sessions changed, in one transaction, then callers read
 * `livestream_benchmarks` / `livestream_peer_groups` with plain SQL.
 *
 * Guards: recomputes of one database are serialised in this process (two page views of a stale
 * week must not both delete and insert it), and a database whose write generation has not moved
 * since a range was checked is not fingerprinted again.
 */
import { Database, type Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { latestDataDay } from '../kpis/overview.ts';
import { weekStart } from '../kpis/periods.ts';
import { addDays } from '../shared/dates.ts';
import {
  insertBenchmarksSql,
  insertPeerGroupsSql,
  poolFingerprintsSql,
  stagePoolSql,
  type Pool,
} from './peer-benchmarks.sql.ts';

export interface BenchmarkRange {
  from: string;
  to: string;
  /** Only the pools of these subcategories ('' = sellers without one). */
  subcategories?: string[];
}

export interface EnsureResult {
  /** Pools recomputed by this call. */
  recomputed: number;
}

const queues = new WeakMap<object, Promise<unknown>>();
const checked = new WeakMap<Database, Map<string, number>>();

/** Runs `work` after every earlier recompute of the same database in this process. */
function serialised<T>(key: object, work: () => Promise<T>): Promise<T> {
  const before = queues.get(key) ?? Promise.resolve();
  const next = before.catch(() => undefined).then(work);
  queues.set(key, next);
  return next;
}

export async function ensureBenchmarks(executor: Executor, range: BenchmarkRange): Promise<EnsureResult> {
  const firstWeek = weekStart(range.from);
  const lastWeek = weekStart(range.to);
  const subcategories = range.subcategories?.length ? [...new Set(range.subcategories)].sort() : undefined;
  const key = `${firstWeek}|${lastWeek}|${subcategories?.join(',') ?? '*'}`;
  if (!(executor instanceof Database)) return refresh(executor, firstWeek, lastWeek, subcategories);
  return serialised(executor, async () => {
    const seen = checked.get(executor) ?? new Map<string, number>();
    checked.set(executor, seen);
    if (seen.get(key) === executor.writeGeneration) return { recomputed: 0 };
    const result = await executor.transaction((tx) => refresh(tx, firstWeek, lastWeek, subcategories));
    seen.set(key, executor.writeGeneration);
    return result;
  });
}

interface StoredPool extends Pool {
  fingerprint: string;
  sessions: number;
}

async function refresh(tx: Executor, firstWeek: string, lastWeek: string, subcategories?: string[]): Promise<EnsureResult> {
  const current = await tx.query<StoredPool>(poolFingerprintsSql(tx.dialect, firstWeek, lastWeek, subcategories));
  const only = subcategories ? sql`AND subcategory IN (${sql.join(subcategories)})` : sql.empty;
  const stored = await tx.query<StoredPool>(sql`
    SELECT subcategory, week, fingerprint, sessions FROM livestream_benchmark_pools
    WHERE week BETWEEN CAST(${firstWeek} AS DATE) AND CAST(${lastWeek} AS DATE) ${only}`);
  const id = (p: Pool) => `${p.subcategory}|${p.week}`;
  const storedById = new Map(stored.map((p) => [id(p), p.fingerprint]));
  const currentIds = new Set(current.map(id));
  const stale = current.filter((p) => storedById.get(id(p)) !== p.fingerprint);
  // Pools whose sessions are all gone (deleted, or their seller moved away) are dropped.
  const gone = stored.filter((p) => !currentIds.has(id(p)));
  if (stale.length === 0 && gone.length === 0) return { recomputed: 0 };

  const changed = [...stale, ...gone];
  await tx.run(sql`CREATE OR REPLACE TEMP TABLE benchmark_stale (subcategory VARCHAR, week DATE)`);
  await tx.run(sql`INSERT INTO benchmark_stale VALUES ${sql.join(changed.map((p) => sql`(${p.subcategory}, CAST(${p.week} AS DATE))`))}`);
  const inStale = sql`(subcategory, week) IN (SELECT subcategory, week FROM benchmark_stale)`;
  await tx.run(sql`DELETE FROM livestream_benchmark_pools WHERE ${inStale}`);
  await tx.run(sql`DELETE FROM livestream_peer_groups WHERE ${inStale}`);
  await tx.run(sql`DELETE FROM livestream_benchmarks WHERE ${inStale}`);
  if (stale.length > 0) {
    await tx.run(sql`DELETE FROM benchmark_stale WHERE (subcategory, week) NOT IN (${sql.join(stale.map((p) => sql`(${p.subcategory}, CAST(${p.week} AS DATE))`))})`);
    const weeks = stale.map((p) => p.week).sort();
    const first = weeks[0] ?? firstWeek;
    const last = weeks.at(-1) ?? lastWeek;
    await tx.run(stagePoolSql(tx.dialect, first, last, [...new Set(stale.map((p) => p.subcategory))]));
    // A session whose seller moved to another subcategory still has a row under its old pool.
    await tx.run(sql`DELETE FROM livestream_benchmarks WHERE livestream_id IN (SELECT livestream FROM benchmark_pool WHERE week = pool_week)`);
    await tx.run(insertBenchmarksSql());
    await tx.run(insertPeerGroupsSql());
    await tx.run(sql`INSERT INTO livestream_benchmark_pools (subcategory, week, fingerprint, sessions)
      VALUES ${sql.join(stale.map((p) => sql`(${p.subcategory}, CAST(${p.week} AS DATE), ${p.fingerprint}, ${p.sessions})`))}`);
    await tx.run(sql`DROP TABLE benchmark_pool`);
  }
  await tx.run(sql`DROP TABLE benchmark_stale`);
  return { recomputed: stale.length };
}

/** Weeks ranked ahead of time: what the list's presets, a month and a host's trend look at. */
export const WARM_WEEKS = 8;

/**
 * Ranks the pools of the latest weeks with data ahead of the first page view, newest week first,
 * one week per transaction (so a page view waits for at most one week). Stops between weeks when
 * `stopped()` says so. Weeks whose sessions did not change cost one fingerprint query.
 */
export async function warmRecentBenchmarks(db: Database, stopped: () => boolean = () => false): Promise<{ weeks: number; recomputed: number }> {
  const asOf = await latestDataDay(db);
  if (!asOf) return { weeks: 0, recomputed: 0 };
  let recomputed = 0;
  let weeks = 0;
  for (let i = 0; i < WARM_WEEKS && !stopped(); i += 1) {
    const monday = addDays(weekStart(asOf), -7 * i);
    recomputed += (await ensureBenchmarks(db, { from: monday, to: addDays(monday, 6) })).recomputed;
    weeks += 1;
  }
  return { weeks, recomputed };
}
