/**
 * Query results kept as tables in an in-memory database attached to the DuckDB instance
 * (`aisle_cache`), never in the workspace file: a table per key, rebuilt when its version (a
 * fingerprint of what it was computed from) changes, the least recently used dropped beyond a
 * limit. Concurrent requests for the same key and version share one build. Used by the Sellers
 * grid, whose every scroll would otherwise recompute figures over millions of seller-days.
 */
import { settleWithin } from '../shared/settle-within.ts';
import { createHash } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { sql, type Sql } from '../db/sql.ts';

const CACHE = 'aisle_cache';
/** Builds so far (in this process): part of each table's name. */
let builds = 0;

interface Entry {
  version: string;
  table: string;
  ready: Promise<void>;
  used: number;
  /** The build finished. */
  built: boolean;
  /** The entry this one replaces, finished, kept while this one builds (stale answers read it). */
  previous?: Entry;
  /** A request already waited `staleAfterMs` for this build in vain: the next ones take the previous table at once. */
  overdue?: boolean;
}

/** A cached table: its name, and whether it is the one before the current version (still being built). */
export interface CachedTable {
  table: Sql;
  stale: boolean;
}

const attached = new WeakMap<Database, Promise<void>>();

export class CachedTables {
  /** Per database: each has its own attached cache. */
  private readonly byDatabase = new WeakMap<Database, Map<string, Entry>>();

  /** `prefix` names the tables (plain identifier); at most `limit` are kept. */
  constructor(
    private readonly prefix: string,
    private readonly limit: number,
  ) {}

  /**
   * The table holding `query` for this key and version, built when missing or outdated. When it
   * is outdated and the new build takes longer than `staleAfterMs`, the previous table comes back
   * (stale) while the new one builds; it is dropped once the new one is there, so a caller that
   * finds it gone asks again. Only the first request waits for a slow build: once one has been
   * answered stale, the next ones get the previous table at once until the new one is there.
   */
  async get(db: Database, key: string, version: string, query: () => Sql, staleAfterMs = Number.POSITIVE_INFINITY): Promise<CachedTable> {
    let ready = attached.get(db);
    if (!ready) {
      ready = db.inMemoryOnly((cache) => cache.exec(`ATTACH IF NOT EXISTS ':memory:' AS ${CACHE}`));
      attached.set(db, ready);
    }
    await ready;
    const entries = this.entriesOf(db);
    let entry = entries.get(key);
    if (!entry || entry.version !== version) {
      const replaced = entry;
      // A name of its own per build: a request that worked its version out before a newer one was
      // asks for the older version again (versions count rows, so one can also come back), and
      // building it under the same name as before would replace a table being read — or run two
      // builds of one table at once (DuckDB: "Catalog write-write conflict on create").
      builds += 1;
      const name = createHash('sha1').update(`${key}|${version}|${builds}`).digest('hex').slice(0, 16);
      const table = `${CACHE}.main.${this.prefix}_${name}`;
      // The tables live in the attached in-memory database: building one changes no data (Database.inMemoryOnly).
      const built = db.inMemoryOnly((cache) => cache.run(sql`CREATE OR REPLACE TABLE ${sql.raw(table)} AS ${query()}`)).then(() => undefined);
      const previous = replaced?.built ? replaced : replaced?.previous;
      const created: Entry = { version, table, ready: built, used: Date.now(), built: false, ...(previous && previous.table !== table ? { previous } : {}) };
      entry = created;
      entries.set(key, created);
      built.then(
        () => {
          created.built = true;
          delete created.previous;
          // The old version goes once the new one is there (a request still reading it has had its turn).
          for (const old of [replaced, previous]) {
            if (old && old.table !== table) db.inMemoryOnly((cache) => cache.exec(`DROP TABLE IF EXISTS ${old.table}`)).catch(() => undefined);
          }
        },
        () => {
          if (entries.get(key) !== created) return;
          // The last good table stays in use; the next request tries the build again.
          if (previous && previous.table !== table) entries.set(key, previous);
          else entries.delete(key);
        },
      );
      await this.evict(db, entries, key);
    }
    entry.used = Date.now();
    const previous = entry.previous;
    if (!entry.built && previous && Number.isFinite(staleAfterMs)) {
      const current = entry.ready.then(() => 'built' as const);
      current.catch(() => undefined);
      if ((await settleWithin(current, entry.overdue ? 0 : staleAfterMs)) === 'late') {
        entry.overdue = true;
        return { table: sql.raw(previous.table), stale: true };
      }
    }
    await entry.ready;
    return { table: sql.raw(entry.table), stale: false };
  }

  /**
   * Forgets a key whose current table is missing (dropped under a request: evicted), so the next
   * `get` builds it again. A key whose current table is there is kept: the table a request missed
   * was the one before it, dropped once this one was built — forgetting the key then made the next
   * requests build the same table again beside the one being read.
   */
  async forgetIfMissing(db: Database, key: string): Promise<void> {
    const entries = this.byDatabase.get(db);
    const entry = entries?.get(key);
    if (!entries || !entry?.built) return;
    const name = entry.table.slice(`${CACHE}.main.`.length);
    const [found] = await db.query<{ n: number }>(
      sql`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE database_name = ${CACHE} AND table_name = ${name}`,
    );
    if (!found?.n && entries.get(key) === entry) entries.delete(key);
  }

  private entriesOf(db: Database): Map<string, Entry> {
    let entries = this.byDatabase.get(db);
    if (!entries) {
      entries = new Map();
      this.byDatabase.set(db, entries);
    }
    return entries;
  }

  private async evict(db: Database, entries: Map<string, Entry>, keep: string): Promise<void> {
    const old = [...entries.entries()].filter(([key]) => key !== keep).sort((a, b) => a[1].used - b[1].used);
    while (old.length >= this.limit) {
      const [key, entry] = old.shift() ?? [];
      if (!key || !entry) break;
      entries.delete(key);
      await entry.ready.then(() => db.inMemoryOnly((cache) => cache.exec(`DROP TABLE IF EXISTS ${entry.table}`))).catch(() => undefined);
    }
  }
}
