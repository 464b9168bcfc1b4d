/**
 * What changed on the seller map over a report's period: sellers first seen in it, sellers that
 * became churned, and tier moves. Segments are a current-state table, so the seller map's own
 * segmentation (writeSegments) runs twice — as of the day before the period and as of its last
 * day — so both snapshots use exactly the rules the Sellers page uses. The comparison itself runs
 * in DuckDB. The biggest open opportunities are the current ones (opportunities are not kept per
 * day).
 *
 * The snapshots are written into a temp table named `seller_segments` that shadows the live one on
 * this connection (DuckDB resolves the temp schema first), inside a transaction that is rolled
 * back anyway (so even a shadow that failed could not change the live table). Writing them into the live table instead — as this module first did — deleted its
 * 100,000 committed rows through the primary-key index (~1 s on the 100,000-seller demo) and
 * inserted each snapshot through it, and had to wait for any segment recompute in progress (the
 * one after each import) so the two would not conflict. The live table is now never touched.
 *
 * The snapshots only depend on the data (facts, sellers, settings such as the tier thresholds), so
 * they are kept per database and period while the data version (kpis/data-version.ts) is the one
 * they were computed at: a second report of the same period — another format, a scheduled run —
 * does not segment 100,000 sellers twice again. The opportunities are read fresh every time (their
 * dismissals and snoozes are not part of the data version).
 */
import type { Database, Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { addDays } from '../shared/dates.ts';
import { getSettings } from '../shared/settings.ts';
import type { DateRange } from '../kpis/periods.ts';
import { dataVersion } from '../kpis/data-version.ts';
import { writeSegments } from '../sellers/segments/recompute-segments.sql.ts';
import { getTierThresholds } from '../sellers/segments/tier-thresholds.ts';
import { listOpportunities } from '../sellers/opportunities/opportunity-list.ts';
import type { SellerMapChanges, SellerRef, TierMove } from './report-model.ts';

const LISTED = 10;

type Snapshots = Omit<SellerMapChanges, 'opportunities' | 'opportunitiesTotal' | 'opportunitiesUpside'>;

/** S above A above B above C; `column` is a constant of this file. */
function tierRank(column: 'a.tier' | 'b.tier') {
  return sql.raw(`(CASE ${column} WHEN 'S' THEN 4 WHEN 'A' THEN 3 WHEN 'B' THEN 2 ELSE 1 END)`);
}

async function compareSnapshots(tx: Executor, range: DateRange): Promise<Snapshots> {
  const { currency } = await getSettings(tx);
  const thresholds = await getTierThresholds(tx);
  await tx.run(sql`CREATE TEMP TABLE seller_segments AS SELECT * FROM seller_segments LIMIT 0`);
  const [shadow] = await tx.query<{ rows: number }>(sql`SELECT count(*) AS rows FROM seller_segments`);
  if (shadow?.rows !== 0) throw new Error('the temp seller_segments table does not shadow the live one');
  await writeSegments(tx, { asOf: addDays(range.from, -1), thresholds, currency });
  await tx.run(sql`CREATE TEMP TABLE report_segments_before AS SELECT seller_id, tier, lifecycle FROM seller_segments`);
  await writeSegments(tx, { asOf: range.to, thresholds, currency });
  const from = sql`CAST(${range.from} AS DATE)`;
  const to = sql`CAST(${range.to} AS DATE)`;
  const [counts] = await tx.query<{ new_sellers: number; churned: number; ups: number; downs: number }>(sql`
    WITH moved AS (
      SELECT ${tierRank('a.tier')} - ${tierRank('b.tier')} AS step, a.lifecycle AS now_life, b.lifecycle AS before_life
      FROM seller_segments a JOIN report_segments_before b USING (seller_id)
    )
    SELECT (SELECT count(*) FROM sellers WHERE first_seen BETWEEN ${from} AND ${to}) AS new_sellers,
      count(*) FILTER (WHERE now_life = 'churned' AND before_life <> 'churned') AS churned,
      count(*) FILTER (WHERE step > 0) AS ups, count(*) FILTER (WHERE step < 0) AS downs
    FROM moved`);
  const newList = await tx.query<SellerRef & { firstSeen: string }>(sql`
    SELECT s.id AS "sellerId", s.name AS "sellerName", CAST(s.first_seen AS VARCHAR) AS "firstSeen"
    FROM sellers s LEFT JOIN seller_segments g ON g.seller_id = s.id
    WHERE s.first_seen BETWEEN ${from} AND ${to} ORDER BY g.gmv_window DESC NULLS LAST, s.id LIMIT ${LISTED}`);
  const churnedList = await tx.query<SellerRef>(sql`
    SELECT s.id AS "sellerId", s.name AS "sellerName"
    FROM seller_segments a JOIN report_segments_before b USING (seller_id) JOIN sellers s ON s.id = a.seller_id
    WHERE a.lifecycle = 'churned' AND b.lifecycle <> 'churned' ORDER BY s.id LIMIT ${LISTED}`);
  const tierMoves = await tx.query<TierMove>(sql`
    SELECT s.id AS "sellerId", s.name AS "sellerName", b.tier AS "from", a.tier AS "to",
      CASE WHEN ${tierRank('a.tier')} > ${tierRank('b.tier')} THEN 'up' ELSE 'down' END AS direction,
      CAST(a.gmv_window AS DOUBLE) AS "gmvWindow"
    FROM seller_segments a JOIN report_segments_before b USING (seller_id) JOIN sellers s ON s.id = a.seller_id
    WHERE a.tier <> b.tier
    ORDER BY greatest(${tierRank('a.tier')}, ${tierRank('b.tier')}) DESC, a.gmv_window DESC, s.id LIMIT ${LISTED}`);
  return {
    newSellers: counts?.new_sellers ?? 0,
    newList,
    churned: counts?.churned ?? 0,
    churnedList,
    tierUps: counts?.ups ?? 0,
    tierDowns: counts?.downs ?? 0,
    tierMoves,
  };
}

/**
 * The snapshots compared in a transaction that is always rolled back. It writes only temp tables,
 * so the write generation — and every version computed from it — stays as it is.
 */
function snapshotChanges(db: Database, range: DateRange): Promise<Snapshots> {
  return db.inMemoryOnly(async (tx) => {
    await tx.exec('BEGIN TRANSACTION');
    try {
      const result = await compareSnapshots(tx, range);
      await tx.exec('ROLLBACK');
      return result;
    } catch (error) {
      await tx.exec('ROLLBACK').catch(() => undefined);
      throw error;
    }
  });
}

const MAX_KEPT = 16;
const kept = new WeakMap<Database, Map<string, { version: string; result: Promise<Snapshots> }>>();

/** `snapshotChanges`, reused while the data version is unchanged; each caller gets its own copy. */
async function keptSnapshotChanges(db: Database, range: DateRange): Promise<Snapshots> {
  // Read before computing: a write landing meanwhile leaves this entry on the older version.
  const version = await dataVersion(db);
  const key = `${range.from}|${range.to}`;
  let entries = kept.get(db);
  if (!entries) {
    entries = new Map();
    kept.set(db, entries);
  }
  let entry = entries.get(key);
  if (!entry || entry.version !== version) {
    const created = { version, result: snapshotChanges(db, range) };
    const held = entries;
    created.result.catch(() => {
      if (held.get(key) === created) held.delete(key);
    });
    entry = created;
  }
  entries.delete(key); // (re-)inserted as the most recently used
  entries.set(key, entry);
  for (const oldest of entries.keys()) {
    if (entries.size <= MAX_KEPT) break;
    entries.delete(oldest);
  }
  return structuredClone(await entry.result);
}

export async function sellerMapChanges(db: Database, range: DateRange): Promise<SellerMapChanges> {
  const snapshots = await keptSnapshotChanges(db, range);
  const page = await listOpportunities(db, { status: 'open', limit: 100 });
  const top = [...page.items].sort((a, b) => (b.upside ?? 0) - (a.upside ?? 0) || b.score - a.score).slice(0, 5);
  return {
    ...snapshots,
    opportunities: top.map((o) => ({
      rule: o.rule,
      title: o.title,
      subject: o.sellerName ?? o.subcategoryName ?? o.subject,
      reason: o.reason,
      upside: o.upside,
      severity: o.severity,
    })),
    opportunitiesTotal: page.total,
    opportunitiesUpside: page.totalUpside,
  };
}
