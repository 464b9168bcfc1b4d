/**
 * The rows of the Sellers grid for a period — every seller not merged away, with its profile,
 * segments, owner, last contact, completeness and the period's figures — as one flat table the
 * grid filters, sorts and pages in tens of milliseconds at 100,000 sellers.
 *
 * Two cached layers (cached-tables.ts), so an edit never pays for the figures:
 * - the figures (GMV, orders, AOV, live sessions, live GMV and share, comparison GMV) from the
 *   metric catalog compiled by seller, rebuilt when the facts change (row counts of the fact tables,
 *   imports, merges and settings: moved by every import, demo run and merge) — seconds at 100k;
 * - the rows, joined from the live registry and the figures, rebuilt when either changes (profile
 *   edits, owners, contacts, segments, users, taxonomy) — a fraction of a second.
 * An executor that is not a `Database` (inside a transaction) gets the rows inline, uncached.
 * When a layer is outdated and its new table takes longer than the caller's `staleAfterMs`, the
 * previous table answers meanwhile (`stale`): after an import at 100k the grid keeps scrolling.
 */
import { Database, type Executor } from '../db/database.ts';
import { settleWithin } from '../shared/settle-within.ts';
import { sql, type Sql } from '../db/sql.ts';
import { compileMetricQuery } from '../metrics/compile-query.ts';
import type { DateRange } from '../kpis/periods.ts';
import { CachedTables } from './cached-tables.ts';
import { completenessScoreSql, missingFieldsSql } from './profile-completeness.ts';

/** Figures of the period; additive ones count 0 for a seller without rows (nothing sold), ratios stay empty. */
export const PERIOD_METRICS = ['gmv', 'orders', 'aov', 'live_sessions', 'live_gmv', 'live_gmv_share'] as const;
const ADDITIVE = new Set(['gmv', 'orders', 'live_sessions', 'live_gmv']);

const figuresCache = new CachedTables('figures', 6);
const rowsCache = new CachedTables('grid_rows', 4);

function figuresQuery(executor: Executor, current: DateRange, previous: DateRange): Sql {
  const now = compileMetricQuery(executor.dialect, { metrics: [...PERIOD_METRICS], by: ['seller'], ...current });
  const before = compileMetricQuery(executor.dialect, { metrics: ['gmv'], by: ['seller'], ...previous });
  return sql`WITH cur AS (${now.query}), prev AS (${before.query})
    SELECT coalesce(cur.seller, prev.seller) AS seller_id, cur.gmv, cur.orders, cur.aov, cur.live_sessions,
      cur.live_gmv, cur.live_gmv_share, prev.gmv AS gmv_previous
    FROM cur FULL JOIN prev ON prev.seller = cur.seller`;
}

function rowsQuery(executor: Executor, figures: Sql, timezone: string): Sql {
  const metric = (name: string) => (ADDITIVE.has(name) ? sql`coalesce(f.${sql.ident(name)}, 0) AS ${sql.ident(name)}` : sql`f.${sql.ident(name)}`);
  return sql`SELECT s.id, s.name, s.shop_name, s.category_id AS category, cat.name AS category_name,
      s.subcategory_id AS subcategory, sub.name AS subcategory_name, s.tier AS platform_tier,
      seg.tier, seg.gmv_window AS tier_gmv_window, seg.lifecycle, seg.live_status, s.region, s.status,
      s.owner_user_id, u.display_name AS owner_name, c.last_contact_at,
      ${executor.dialect.localDate(sql`c.last_contact_at`, sql`${timezone}`)} AS last_contact_date,
      ${completenessScoreSql()} AS completeness, ${missingFieldsSql()} AS missing_fields,
      ${sql.join(PERIOD_METRICS.map(metric))},
      coalesce(f.gmv_previous, 0) AS gmv_previous, coalesce(f.gmv, 0) - coalesce(f.gmv_previous, 0) AS gmv_change,
      CASE WHEN coalesce(f.gmv_previous, 0) = 0 THEN NULL
        ELSE round((coalesce(f.gmv, 0) - f.gmv_previous) / f.gmv_previous, 6) END AS gmv_change_ratio,
      s.followers, s.store_rating, s.first_seen, s.last_seen,
      lower(s.name) AS name_key, lower(sub.name) AS subcategory_key, lower(cat.name) AS category_key,
      lower(s.region) AS region_key, lower(u.display_name) AS owner_key,
      lower(concat_ws(chr(10), s.id, s.name, s.shop_name)) AS search
    FROM sellers s
    LEFT JOIN ${figures} f ON f.seller_id = s.id
    LEFT JOIN seller_segments seg ON seg.seller_id = s.id
    LEFT JOIN users u ON u.id = s.owner_user_id
    LEFT JOIN (SELECT seller_id, max("at") AS last_contact_at FROM communications GROUP BY seller_id) c ON c.seller_id = s.id
    LEFT JOIN categories cat ON cat.id = s.category_id
    LEFT JOIN categories sub ON sub.id = s.subcategory_id
    WHERE NOT EXISTS (SELECT 1 FROM seller_merges m WHERE m.merged_id = s.id)`;
}

const remembered = new WeakMap<Database, { generation: number; versions: Promise<{ facts: string; registry: string }> }>();

/**
 * What the figures and the rows were computed from. Read again only after this process wrote
 * something (DuckDB lets one process at a time open the file; see Database.writeGeneration).
 * Order lines are not counted: like the data version (kpis/data-version.ts), the imports and
 * merges counted here cover every change to them, without scanning 129 million rows.
 */
function versions(db: Database): Promise<{ facts: string; registry: string }> {
  const generation = db.writeGeneration;
  const hit = remembered.get(db);
  if (hit && hit.generation === generation) return hit.versions;
  const computed = readVersions(db);
  remembered.set(db, { generation, versions: computed });
  computed.catch(() => {
    if (remembered.get(db)?.versions === computed) remembered.delete(db);
  });
  return computed;
}

/**
 * A stamp of everything a seller's profile is read from (the registry, segments, contacts,
 * owners, merges, and the imports that move first and last seen): while it stays the same, a
 * profile read before is still right. Read again only after a write, like the grid's versions.
 */
export async function sellerProfileVersion(db: Database): Promise<string> {
  const { facts, registry } = await versions(db);
  return `${facts}#${registry}`;
}

async function readVersions(executor: Executor): Promise<{ facts: string; registry: string }> {
  const [row] = await executor.query<{ facts: string; registry: string }>(sql`
    SELECT concat_ws('|', (SELECT count(*) FROM seller_days), (SELECT count(*) FROM livestreams),
        (SELECT count(*) FROM imports), (SELECT CAST(max(finished_at) AS VARCHAR) FROM imports),
        (SELECT count(*) FROM seller_merges), (SELECT CAST(max("at") AS VARCHAR) FROM seller_merges),
        (SELECT CAST(max(updated_at) AS VARCHAR) FROM settings)) AS facts,
      concat_ws('|', (SELECT count(*) FROM sellers), (SELECT CAST(max(updated_at) AS VARCHAR) FROM sellers),
        (SELECT count(*) FROM communications), (SELECT CAST(max(updated_at) AS VARCHAR) FROM communications),
        (SELECT count(*) FROM seller_segments), (SELECT CAST(max(computed_at) AS VARCHAR) FROM seller_segments),
        (SELECT count(*) FROM users), (SELECT CAST(max(updated_at) AS VARCHAR) FROM users),
        (SELECT string_agg(id || '=' || name, ',' ORDER BY id) FROM categories)) AS registry`);
  return { facts: row?.facts ?? '', registry: row?.registry ?? '' };
}

/**
 * The grid's rows for the two ranges as a table reference (or an inline subquery): the columns of
 * `SellerListRow` plus sort keys (`tier_gmv_window`, `*_key`), `search`, followers, rating and
 * first/last seen.
 */
export async function sellerGridRows(
  executor: Executor,
  current: DateRange,
  previous: DateRange,
  timezone: string,
  staleAfterMs = Number.POSITIVE_INFINITY,
): Promise<{ rows: Sql; stale: boolean }> {
  if (!(executor instanceof Database)) return { rows: sql`(${rowsQuery(executor, sql`(${figuresQuery(executor, current, previous)})`, timezone)})`, stale: false };
  const { versions: { facts, registry }, stale: counting } = await versionsWithin(executor, staleAfterMs);
  const key = `${current.from}|${current.to}|${previous.from}|${previous.to}`;
  const figures = await figuresCache.get(executor, key, facts, () => figuresQuery(executor, current, previous), staleAfterMs);
  // The figures table's name stands for the facts it was built from: rows built on the previous
  // figures (while new ones build) stay the rows of that name.
  const rows = await rowsCache.get(executor, `${key}|${timezone}`, `${registry}|${figures.table.toString()}`, () => rowsQuery(executor, figures.table, timezone), staleAfterMs);
  return { rows: rows.table, stale: counting || figures.stale || rows.stale };
}

const lastKnown = new WeakMap<Database, { facts: string; registry: string }>();

/**
 * The current versions, or — when they are being counted again (after a write) for longer than
 * `staleAfterMs` and earlier ones are known — the earlier ones, marked stale: their tables are
 * there, so the grid answers at once and asks again shortly, as with figures being rebuilt.
 */
async function versionsWithin(db: Database, staleAfterMs: number): Promise<{ versions: { facts: string; registry: string }; stale: boolean }> {
  const counting = versions(db);
  const pending = counting.then((found) => {
    lastKnown.set(db, found);
    return found;
  });
  const known = lastKnown.get(db);
  if (!known || !Number.isFinite(staleAfterMs)) return { versions: await pending, stale: false };
  pending.catch(() => undefined); // answered with the known ones: a failed count is the next request's to see
  const first = await settleWithin(pending, lateCounts.has(counting) ? 0 : staleAfterMs);
  if (first !== 'late') return { versions: first, stale: false };
  // Only the first request waits for a slow count; the next ones take the known versions at once.
  lateCounts.add(counting);
  return { versions: known, stale: true };
}

/** Counts of the versions that a request already waited for in vain (see `versionsWithin`). */
const lateCounts = new WeakSet<Promise<unknown>>();

/** Forgets the cached tables of these ranges (one went missing under a request). */
export async function forgetSellerGridRows(executor: Executor, current: DateRange, previous: DateRange, timezone: string): Promise<void> {
  if (!(executor instanceof Database)) return;
  const key = `${current.from}|${current.to}|${previous.from}|${previous.to}`;
  await figuresCache.forgetIfMissing(executor, key);
  await rowsCache.forgetIfMissing(executor, `${key}|${timezone}`);
}
