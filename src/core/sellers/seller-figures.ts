/**
 * Every seller's figures for a period and its comparison period — GMV, orders, AOV, live sessions,
 * live GMV and share, comparison GMV — from the metric catalog compiled by seller, kept as a table
 * so the Sellers grid can sort, filter and page 100,000 sellers in tens of milliseconds instead of
 * summing millions of seller-days on every scroll.
 *
 * The table lives in an in-memory database attached to the DuckDB instance (`aisle_cache`), never
 * in the workspace file, and is rebuilt when the facts change: its key is the two date ranges plus
 * a facts version (row counts of the fact tables, imports, merges and settings — cheap to read, and
 * moved by every import, demo run and merge). A profile edit does not move it: profiles are joined
 * live. An executor that is not a `Database` (inside a transaction) gets the figures inline.
 */
import { createHash } from 'node:crypto';
import { Database, type Executor } from '../db/database.ts';
import { sql, type Sql } from '../db/sql.ts';
import { compileMetricQuery } from '../metrics/compile-query.ts';
import type { DateRange } from '../kpis/periods.ts';

/** Figures of the period; additive ones count 0 for a seller without rows (see seller-list.ts). */
export const PERIOD_METRICS = ['gmv', 'orders', 'aov', 'live_sessions', 'live_gmv', 'live_gmv_share'] as const;
const CACHE = 'aisle_cache';
const MAX_TABLES = 8;

interface Entry {
  version: string;
  table: string;
  ready: Promise<void>;
  used: number;
}

const caches = new WeakMap<Database, { attached: Promise<void>; entries: Map<string, Entry> }>();

/** The SELECT giving one row per seller with figures in either range. */
function figuresQuery(executor: Executor, current: DateRange, previous: DateRange): Sql {
  const now = compileMetricQuery(executor.dialect, { metrics: [...PERIOD_METRICS], by: ['seller'], ...current });
  const before = compileMetricQuery(executor.dialect, { metrics: ['gmv'], by: ['seller'], ...previous });
  return sql`WITH cur AS (${now.query}), prev AS (${before.query})
    SELECT coalesce(cur.seller, prev.seller) AS seller_id, cur.gmv, cur.orders, cur.aov, cur.live_sessions,
      cur.live_gmv, cur.live_gmv_share, prev.gmv AS gmv_previous
    FROM cur FULL JOIN prev ON prev.seller = cur.seller`;
}

async function factsVersion(executor: Executor): Promise<string> {
  const [row] = await executor.query<{ version: string }>(sql`
    SELECT concat_ws('|', (SELECT count(*) FROM seller_days), (SELECT count(*) FROM livestreams),
      (SELECT count(*) FROM order_lines), (SELECT count(*) FROM imports), (SELECT CAST(max(finished_at) AS VARCHAR) FROM imports),
      (SELECT count(*) FROM seller_merges), (SELECT CAST(max("at") AS VARCHAR) FROM seller_merges),
      (SELECT CAST(max(updated_at) AS VARCHAR) FROM settings)) AS version`);
  return row?.version ?? '';
}

function cacheOf(db: Database) {
  let cache = caches.get(db);
  if (!cache) {
    cache = { attached: db.exec(`ATTACH IF NOT EXISTS ':memory:' AS ${CACHE}`), entries: new Map() };
    caches.set(db, cache);
  }
  return cache;
}

/**
 * A table reference (or an inline subquery) with columns seller_id, gmv, orders, aov, live_sessions,
 * live_gmv, live_gmv_share, gmv_previous for the two ranges.
 */
export async function sellerFigures(executor: Executor, current: DateRange, previous: DateRange): Promise<Sql> {
  if (!(executor instanceof Database)) return sql`(${figuresQuery(executor, current, previous)})`;
  const cache = cacheOf(executor);
  await cache.attached;
  const key = `${current.from}|${current.to}|${previous.from}|${previous.to}`;
  const version = await factsVersion(executor);
  let entry = cache.entries.get(key);
  if (!entry || entry.version !== version) {
    const replaced = entry;
    const name = createHash('sha1').update(`${key}|${version}`).digest('hex').slice(0, 16);
    const table = `${CACHE}.main.figures_${name}`;
    const ready = executor.run(sql`CREATE OR REPLACE TABLE ${sql.raw(table)} AS ${figuresQuery(executor, current, previous)}`).then(() => undefined);
    const created: Entry = { version, table, ready, used: Date.now() };
    entry = created;
    cache.entries.set(key, created);
    ready.then(
      // The figures of the old facts go once the new ones are there (a request still reading them has had its turn).
      () => (replaced ? executor.exec(`DROP TABLE IF EXISTS ${replaced.table}`).catch(() => undefined) : undefined),
      () => {
        if (cache.entries.get(key) === created) cache.entries.delete(key);
      },
    );
    await evict(executor, cache.entries, key);
  }
  entry.used = Date.now();
  await entry.ready;
  return sql.raw(entry.table);
}

/** Forgets the figures of these ranges (their table went missing under a request). */
export function forgetSellerFigures(executor: Executor, current: DateRange, previous: DateRange): void {
  if (executor instanceof Database) caches.get(executor)?.entries.delete(`${current.from}|${current.to}|${previous.from}|${previous.to}`);
}

/** Drops the least recently used tables beyond MAX_TABLES (never the one being built). */
async function evict(db: Database, entries: Map<string, Entry>, keep: string): Promise<void> {
  const old = [...entries.entries()].filter(([key]) => key !== keep).sort((a, b) => a[1].used - b[1].used);
  while (old.length >= MAX_TABLES) {
    const [key, entry] = old.shift() ?? [];
    if (!key || !entry) break;
    entries.delete(key);
    await entry.ready.then(() => db.exec(`DROP TABLE IF EXISTS ${entry.table}`)).catch(() => undefined);
  }
}
