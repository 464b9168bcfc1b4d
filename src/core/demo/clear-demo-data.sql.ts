/**
 * Empties what the demo replaces: every fact, product and seller, the taxonomy, the records hanging
 * off sellers (communications, seller history, tasks and notes about a seller), livestream reviews
 * and minute notes, stored livestream benchmarks,
 * alerts, segments and opportunities computed from the old facts, and the demo's own tasks, notes
 * and settings. Users, rubrics, targets, alert rules, import history and team notes written by
 * people are kept.
 *
 * DuckDB checks a foreign key against the state at the start of the transaction, so deleting
 * children and their parents in one transaction fails; each level is therefore committed on its own
 * (facts and dependants, then sellers, then subcategories, then categories). A crash between steps
 * leaves a partly emptied workspace that the next `aisle demo` clears and rebuilds.
 */
import type { Database } from '../db/database.ts';
import { sql } from '../db/sql.ts';

const DEPENDANTS = [
  sql`DELETE FROM livestream_minutes`,
  sql`DELETE FROM livestream_reviews`,
  sql`DELETE FROM livestream_minute_notes`,
  // Benchmarks are a cache of the old sessions' figures; they are recomputed when read.
  sql`DELETE FROM livestream_benchmarks`,
  sql`DELETE FROM livestream_peer_groups`,
  sql`DELETE FROM livestream_benchmark_pools`,
  sql`DELETE FROM livestreams`,
  sql`DELETE FROM order_lines`,
  sql`DELETE FROM seller_days`,
  sql`DELETE FROM products`,
  sql`DELETE FROM alerts`,
  sql`DELETE FROM communications`,
  sql`DELETE FROM seller_history`,
  sql`DELETE FROM tasks WHERE seller_id IS NOT NULL OR created_by = 'demo'`,
  sql`DELETE FROM notes WHERE seller_id IS NOT NULL OR created_by = 'demo'`,
  sql`DELETE FROM settings WHERE key LIKE 'demo.%'`,
  // The alerts are gone with the old facts, so the next scan must judge the new data from scratch.
  sql`DELETE FROM settings WHERE key = 'alerts.last_scan'`,
  // Segments and opportunities describe the old sellers; decisions about them go with them.
  sql`DELETE FROM seller_segments`,
  sql`DELETE FROM opportunities`,
  sql`DELETE FROM opportunity_states`,
  sql`DELETE FROM settings WHERE key = 'segments.last_recompute'`,
];

/**
 * The index that finds a session's minutes (migration 008). DuckDB deletes rows from an indexed
 * table one index entry at a time — tens of millions of minutes take minutes — even when the index
 * is dropped in the deleting transaction; dropped and committed first, the delete takes a moment,
 * and the index is made again on the empty table (also a moment). A crash in between leaves the
 * index missing: lookups scan until the next `aisle demo` makes it again.
 */
const MINUTES_INDEX = 'livestream_minutes_session_idx';

export async function clearDemoData(db: Database): Promise<void> {
  await db.exec(`DROP INDEX IF EXISTS ${MINUTES_INDEX}`);
  await db.transaction(async (tx) => {
    for (const statement of DEPENDANTS) await tx.run(statement);
  });
  await db.exec(`CREATE INDEX IF NOT EXISTS ${MINUTES_INDEX} ON livestream_minutes (livestream_id)`);
  await db.transaction((tx) => tx.run(sql`DELETE FROM sellers`));
  await db.transaction((tx) => tx.run(sql`DELETE FROM categories WHERE parent_id IS NOT NULL`));
  await db.transaction((tx) => tx.run(sql`DELETE FROM categories`));
}
