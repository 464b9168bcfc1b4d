/**
 * Merges two sellers found to be the same shop (an export without ids created a second seller, a
 * shop was renamed…): every fact of `merge` moves to `keep` — order lines, seller-days, livestreams
 * (their minute series follow through the session id), products, communications, tasks, notes and
 * the profile history — the gaps of `keep`'s profile are filled from `merge`, both get a history
 * entry, and `merge` stays as a closed seller pointing at `keep` (table seller_merges) so old links
 * resolve; lists leave it out. All in one transaction: a failure leaves both sellers as they were.
 *
 * Seller-days both sellers have (primary key seller + date) are combined by summing; days on which
 * both had order lines are then rebuilt from the lines, so distinct buyers stay exact. A day where
 * one side had lines and the other an imported daily row keeps the sum; like every seller-day with
 * lines, it is rebuilt from the lines alone if a later order import touches that day.
 *
 * DuckDB traps guarded here: `sellers` rows are updated before any row referencing them is moved or
 * inserted (history rows last), and no index is added on updated columns.
 */
import type { Executor } from '../db/database.ts';
import { sql, type Sql } from '../db/sql.ts';
import { UserError } from '../shared/errors.ts';
import type { Actor } from '../auth/actor.ts';
import { writeAudit } from '../auth/audit-log.ts';
import { refreshSellerDays } from '../ingest/refresh-seller-days.ts';
import { refreshSellerActivity } from './refresh-seller-activity.ts';
import { getSeller, type SellerProfile, type Transactional } from './registry.ts';
import { PROFILE_FIELDS, PROFILE_FIELD_NAMES } from './registry-fields.ts';

/** Fact and workspace tables that follow the seller, in the order they are moved. */
const FACT_TABLES = ['order_lines', 'livestreams', 'products'] as const;
const REFERENCING_TABLES = ['communications', 'tasks', 'notes', 'seller_history'] as const;

/** Seller-day columns added up when both sellers have the day; nullable ones stay null only if both are. */
const DAY_SUMS = ['gmv', 'cancelled_gmv', 'refunds', 'orders', 'items_sold', 'live_gmv', 'video_gmv', 'product_card_gmv'];
const DAY_NULLABLE_SUMS = ['buyers', 'visitors', 'page_views', 'product_impressions', 'product_clicks'];

export interface MergeResult {
  keep: SellerProfile;
  merged: string;
  /** Rows moved from the merged seller, per table. */
  moved: Record<string, number>;
  /** Profile fields of `keep` filled from the merged seller. */
  filled: string[];
}

function checkIds(keep: string, merge: string): void {
  if (!keep?.trim() || !merge?.trim()) throw new UserError('name the seller to keep and the seller to merge into it', { details: { field: !keep?.trim() ? 'keep' : 'merge', value: !keep?.trim() ? keep : merge } });
  if (keep === merge) throw new UserError(`cannot merge seller ${keep} into itself`, { details: { field: 'merge', value: merge }, hint: 'choose two different sellers' });
}

/** Runs of dates (sorted) that contain none of `breaks`: each run can be refreshed as one range. */
function runsWithout(dates: string[], breaks: Set<string>, allDates: string[]): { from: string; to: string }[] {
  const runs: { from: string; to: string }[] = [];
  let current: { from: string; to: string } | null = null;
  const wanted = new Set(dates);
  for (const date of allDates) {
    if (wanted.has(date)) {
      if (current) current.to = date;
      else current = { from: date, to: date };
    } else if (breaks.has(date) && current) {
      runs.push(current);
      current = null;
    }
  }
  if (current) runs.push(current);
  return runs;
}

async function mergeSellerDays(tx: Executor, keep: string, merge: string): Promise<number> {
  const overlap = await tx.query<{ date: string; both_lines: boolean }>(sql`
    SELECT k.date, (k.source = 'order_lines' AND m.source = 'order_lines') AS both_lines
    FROM seller_days k JOIN seller_days m ON m.date = k.date
    WHERE k.seller_id = ${keep} AND m.seller_id = ${merge} ORDER BY k.date`);
  const moved = (await tx.query<{ n: number }>(sql`SELECT count(*) AS n FROM seller_days WHERE seller_id = ${merge}`))[0]?.n ?? 0;
  if (overlap.length) {
    const sums: Sql[] = [
      ...DAY_SUMS.map((c) => sql.raw(`${c} = seller_days.${c} + m.${c}`)),
      ...DAY_NULLABLE_SUMS.map((c) => sql.raw(`${c} = CASE WHEN seller_days.${c} IS NULL AND m.${c} IS NULL THEN NULL ELSE coalesce(seller_days.${c}, 0) + coalesce(m.${c}, 0) END`)),
    ];
    await tx.run(sql`UPDATE seller_days SET ${sql.join(sums)},
        source = CASE WHEN seller_days.source = 'order_lines' OR m.source = 'order_lines' THEN 'order_lines' ELSE 'import' END,
        updated_at = now()
      FROM (SELECT * FROM seller_days WHERE seller_id = ${merge}) m
      WHERE seller_days.seller_id = ${keep} AND seller_days.date = m.date`);
    await tx.run(sql`DELETE FROM seller_days WHERE seller_id = ${merge} AND date IN (SELECT date FROM seller_days WHERE seller_id = ${keep})`);
  }
  // A primary-key column is rewritten by insert + delete rather than UPDATE.
  await tx.run(sql`INSERT INTO seller_days SELECT * REPLACE (${keep} AS seller_id) FROM seller_days WHERE seller_id = ${merge}`);
  await tx.run(sql`DELETE FROM seller_days WHERE seller_id = ${merge}`);
  const both = overlap.filter((d) => d.both_lines).map((d) => d.date);
  if (both.length) {
    const keepDays = await tx.query<{ date: string }>(sql`SELECT date FROM seller_days WHERE seller_id = ${keep} ORDER BY date`);
    const mixed = new Set(overlap.filter((d) => !d.both_lines).map((d) => d.date));
    for (const run of runsWithout(both, mixed, keepDays.map((d) => d.date))) {
      await refreshSellerDays(tx, { ...run, sellerIds: [keep] });
    }
  }
  return moved;
}

export async function mergeSellers(db: Transactional, actor: Actor, request: { keep: string; merge: string }): Promise<MergeResult> {
  const { keep, merge } = request;
  checkIds(keep, merge);
  return db.transaction(async (tx) => {
    const kept = await getSeller(tx, keep);
    const merged = await getSeller(tx, merge);
    if (merged.merged_into) throw new UserError(`seller ${merge} was already merged into ${merged.merged_into}`, { code: 'conflict', details: { field: 'merge', value: merge } });
    if (kept.merged_into) throw new UserError(`seller ${keep} was merged into ${kept.merged_into}`, { code: 'conflict', details: { field: 'keep', value: keep }, hint: `keep ${kept.merged_into} instead` });

    // 1. Facts (no foreign keys): move them, combining shared seller-days.
    const moved: Record<string, number> = {};
    for (const table of FACT_TABLES) {
      moved[table] = await tx.run(sql`UPDATE ${sql.ident(table)} SET seller_id = ${keep} WHERE seller_id = ${merge}`);
    }
    // After the lines: shared days are rebuilt from both sellers' lines.
    moved.seller_days = await mergeSellerDays(tx, keep, merge);
    await tx.run(sql`DELETE FROM seller_segments WHERE seller_id = ${merge}`);
    await tx.run(sql`DELETE FROM opportunities WHERE seller_id = ${merge}`);

    // 2. The sellers rows, before anything that references them changes.
    const gaps = PROFILE_FIELD_NAMES.filter((field) => kept[field] === null && merged[field] !== null);
    const ownerGap = kept.owner_user_id === null && merged.owner_user_id !== null;
    const fills: Sql[] = gaps.map((field) => sql`${sql.ident(PROFILE_FIELDS[field].column)} = m.${sql.ident(PROFILE_FIELDS[field].column)}`);
    if (ownerGap) fills.push(sql`owner_user_id = m.owner_user_id`);
    if (fills.length) {
      await tx.run(sql`UPDATE sellers SET ${sql.join(fills)}, updated_at = now()
        FROM (SELECT * FROM sellers WHERE id = ${merge}) m WHERE sellers.id = ${keep}`);
    }
    await tx.run(sql`UPDATE sellers SET status = 'closed', updated_at = now() WHERE id = ${merge}`);
    await refreshSellerActivity(tx, [keep, merge]);

    // 3. Rows that reference sellers follow, then the new history rows.
    for (const table of REFERENCING_TABLES) {
      moved[table] = await tx.run(sql`UPDATE ${sql.ident(table)} SET seller_id = ${keep} WHERE seller_id = ${merge}`);
    }
    const by = actor.label;
    const history: Sql[] = gaps.map((field) => sql`(${keep}, ${field}, NULL, ${merged[field] === null ? null : String(merged[field])}, ${by}, 'merge')`);
    if (ownerGap) history.push(sql`(${keep}, 'owner', NULL, ${merged.owner_email}, ${by}, 'merge')`);
    history.push(sql`(${keep}, 'merged_from', NULL, ${merge}, ${by}, 'merge')`);
    history.push(sql`(${merge}, 'merged_into', NULL, ${keep}, ${by}, 'merge')`);
    if (merged.status !== 'closed') history.push(sql`(${merge}, 'status', ${merged.status}, 'closed', ${by}, 'merge')`);
    await tx.run(sql`INSERT INTO seller_history (seller_id, field, old, new, "by", source) VALUES ${sql.join(history)}`);

    // Sellers merged into `merge` earlier now point straight at `keep`.
    await tx.run(sql`UPDATE seller_merges SET into_id = ${keep} WHERE into_id = ${merge}`);
    await tx.run(sql`INSERT INTO seller_merges (merged_id, into_id, moved, "by") VALUES (${merge}, ${keep}, ${JSON.stringify(moved)}, ${by})`);
    const filled = [...gaps, ...(ownerGap ? ['owner'] : [])];
    await writeAudit(tx, actor, {
      action: 'merge',
      entity: 'seller',
      entityId: keep,
      before: { keep: { id: keep, name: kept.seller_name }, merge: { id: merge, name: merged.seller_name, status: merged.status } },
      after: { moved, filled },
    });
    return { keep: await getSeller(tx, keep), merged: merge, moved, filled };
  });
}
