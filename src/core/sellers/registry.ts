/**
 * The seller registry: one seller's profile, edits by people (validated per field, every change
 * kept in `seller_history` with who and where it came from, and audited), owner assignment in bulk,
 * and the profile history. Imports change profiles through the loader (load-sellers.sql.ts), which
 * writes the same history with source 'import'.
 *
 * DuckDB trap guarded here: within one transaction a `sellers` row must not be updated after rows
 * that reference it were inserted, so every write captures the old values, updates `sellers`, and
 * only then inserts the history rows.
 */
import type { Executor } from '../db/database.ts';
import { queryOne } from '../db/database.ts';
import { sql, type Sql } from '../db/sql.ts';
import { UserError } from '../shared/errors.ts';
import type { Actor } from '../auth/actor.ts';
import { writeAudit } from '../auth/audit-log.ts';
import { sellerNameKeySql } from './seller-name-key.ts';
import { completenessScoreSql, missingFieldsSql } from './profile-completeness.ts';
import { OWNER_FIELD, PROFILE_FIELD_NAMES, PROFILE_FIELDS, isProfileField, type FieldValue, type ProfileField } from './registry-fields.ts';

/** Something that can run several statements atomically: a Database, or a transaction already open. */
export interface Transactional {
  transaction<T>(work: (tx: Executor) => Promise<T>): Promise<T>;
}

export interface SellerProfile {
  id: string;
  seller_name: string;
  shop_name: string | null;
  brand: string | null;
  seller_type: string | null;
  tier: string | null;
  region: string | null;
  city: string | null;
  postal_code: string | null;
  category: string | null;
  category_name: string | null;
  subcategory: string | null;
  subcategory_name: string | null;
  status: string;
  onboarded_at: string | null;
  account_manager: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  followers: number | null;
  product_count: number | null;
  store_rating: number | null;
  owner_user_id: number | null;
  owner_name: string | null;
  owner_email: string | null;
  first_seen: string | null;
  last_seen: string | null;
  created_at: string;
  updated_at: string;
  last_contact_at: string | null;
  completeness: number;
  missing_fields: string[];
  segment: {
    tier: string | null;
    tier_reason: string | null;
    lifecycle: string | null;
    lifecycle_reason: string | null;
    live_status: string | null;
    live_status_reason: string | null;
    computed_at: string | null;
  } | null;
  /** The seller this one was merged into, when it was. */
  merged_into: string | null;
  /** Sellers merged into this one. */
  merged_from: string[];
}

export interface HistoryEntry {
  id: number;
  field: string;
  old: string | null;
  new: string | null;
  changed_at: string;
  by: string;
  source: 'import' | 'user' | 'merge' | 'system';
}

type ProfileRow = Omit<SellerProfile, 'segment' | 'merged_from'> & {
  seg_tier: string | null;
  tier_reason: string | null;
  lifecycle: string | null;
  lifecycle_reason: string | null;
  live_status: string | null;
  live_status_reason: string | null;
  computed_at: string | null;
  has_segment: boolean;
  merged_from: string[] | null;
};

export async function getSeller(executor: Executor, id: string): Promise<SellerProfile> {
  const [row] = await executor.query<ProfileRow>(sql`
    SELECT s.id, s.name AS seller_name, s.shop_name, s.brand, s.seller_type, s.tier, s.region, s.city, s.postal_code,
      s.category_id AS category, cat.name AS category_name, s.subcategory_id AS subcategory, sub.name AS subcategory_name,
      s.status, s.onboarded_at, s.account_manager, s.contact_name, s.contact_email, s.contact_phone,
      s.followers, s.product_count, s.store_rating, s.owner_user_id, u.display_name AS owner_name, u.email AS owner_email,
      s.first_seen, s.last_seen, s.created_at, s.updated_at,
      (SELECT max("at") FROM communications WHERE seller_id = s.id) AS last_contact_at,
      ${completenessScoreSql()} AS completeness, ${missingFieldsSql()} AS missing_fields,
      seg.seller_id IS NOT NULL AS has_segment, seg.tier AS seg_tier, seg.tier_reason, seg.lifecycle, seg.lifecycle_reason,
      seg.live_status, seg.live_status_reason, seg.computed_at,
      (SELECT into_id FROM seller_merges WHERE merged_id = s.id) AS merged_into,
      (SELECT list(merged_id ORDER BY merged_id) FROM seller_merges WHERE into_id = s.id) AS merged_from
    FROM sellers s
    LEFT JOIN categories cat ON cat.id = s.category_id
    LEFT JOIN categories sub ON sub.id = s.subcategory_id
    LEFT JOIN users u ON u.id = s.owner_user_id
    LEFT JOIN seller_segments seg ON seg.seller_id = s.id
    WHERE s.id = ${id}`);
  if (!row) throw new UserError(`no seller with id ${id}`, { code: 'not_found', hint: 'check the id in the Sellers list or with `aisle sellers list --q NAME`' });
  const { seg_tier, tier_reason, lifecycle, lifecycle_reason, live_status, live_status_reason, computed_at, has_segment, merged_from, ...profile } = row;
  return {
    ...profile,
    merged_from: merged_from ?? [],
    segment: has_segment ? { tier: seg_tier, tier_reason, lifecycle, lifecycle_reason, live_status, live_status_reason, computed_at } : null,
  };
}

export async function sellerHistory(executor: Executor, id: string, options: { limit?: number } = {}): Promise<HistoryEntry[]> {
  await getSeller(executor, id);
  const limit = Math.min(Math.max(options.limit ?? 500, 1), 5000);
  return executor.query<HistoryEntry>(sql`
    SELECT id, field, old, new, changed_at, "by", source FROM seller_history WHERE seller_id = ${id}
    ORDER BY changed_at DESC, id DESC ${executor.dialect.limit(limit)}`);
}

export interface FieldProblem {
  field: string;
  value: unknown;
  message: string;
}

function refuseFields(problems: FieldProblem[]): never {
  const first = problems[0];
  throw new UserError(problems.map((p) => p.message).join('; '), {
    hint: first && isProfileField(first.field) ? `correct ${PROFILE_FIELDS[first.field].label.toLowerCase()} and save again` : 'correct the fields listed and save again',
    details: { field: first?.field, value: first?.value, errors: problems },
  });
}

const show = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value) : String(value));

/** Cleans every requested change; all problems are reported at once. */
function cleanChanges(changes: Record<string, unknown>): Map<ProfileField, FieldValue> {
  const problems: FieldProblem[] = [];
  const clean = new Map<ProfileField, FieldValue>();
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (!isProfileField(field)) {
      problems.push({ field, value, message: field === OWNER_FIELD ? 'the owner is assigned separately (managers: assign owner)' : `"${field}" is not a seller profile field` });
      continue;
    }
    const result = PROFILE_FIELDS[field].clean(value);
    if (result.ok) clean.set(field, result.value);
    else problems.push({ field, value, message: `${field} ${show(value)} ${result.reason}` });
  }
  if (problems.length) refuseFields(problems);
  if (clean.size === 0) throw new UserError('no changes given', { hint: `change one of ${PROFILE_FIELD_NAMES.join(', ')}` });
  return clean;
}

/** Category and subcategory must exist, at the right level, and agree with each other. */
async function checkTaxonomy(tx: Executor, current: SellerProfile, clean: Map<ProfileField, FieldValue>): Promise<void> {
  const categoryGiven = clean.has('category');
  const subcategoryGiven = clean.has('subcategory');
  if (!categoryGiven && !subcategoryGiven) return;
  const ids = [clean.get('category'), clean.get('subcategory')].filter((v): v is string => typeof v === 'string');
  const known = ids.length
    ? await tx.query<{ id: string; parent_id: string | null }>(sql`SELECT id, parent_id FROM categories WHERE id IN (${sql.join(ids)})`)
    : [];
  const byId = new Map(known.map((c) => [c.id, c]));
  const problems: FieldProblem[] = [];
  const category = clean.get('category');
  if (typeof category === 'string') {
    const found = byId.get(category);
    if (!found) problems.push({ field: 'category', value: category, message: `category ${show(category)} is not in the taxonomy` });
    else if (found.parent_id !== null) problems.push({ field: 'category', value: category, message: `category ${show(category)} is a subcategory (of ${found.parent_id})` });
  }
  const subcategory = clean.get('subcategory');
  if (typeof subcategory === 'string') {
    const found = byId.get(subcategory);
    if (!found) problems.push({ field: 'subcategory', value: subcategory, message: `subcategory ${show(subcategory)} is not in the taxonomy` });
    else if (found.parent_id === null) problems.push({ field: 'subcategory', value: subcategory, message: `subcategory ${show(subcategory)} is a top-level category` });
    // A subcategory names its category: fill it in when the edit did not say.
    else if (!categoryGiven) clean.set('category', found.parent_id);
  }
  if (problems.length) refuseFields(problems);
  const finalCategory = clean.has('category') ? clean.get('category') : current.category;
  const finalSub = clean.has('subcategory') ? clean.get('subcategory') : current.subcategory;
  if (typeof finalSub === 'string') {
    const [sub] = await tx.query<{ parent_id: string | null }>(sql`SELECT parent_id FROM categories WHERE id = ${finalSub}`);
    if (sub && sub.parent_id !== finalCategory) {
      refuseFields([{ field: categoryGiven ? 'category' : 'subcategory', value: categoryGiven ? finalCategory : finalSub, message: `subcategory ${show(finalSub)} belongs to category ${show(sub.parent_id)}, not ${show(finalCategory)}` }]);
    }
  }
}

const asText = (value: FieldValue | undefined): string | null => (value === null || value === undefined ? null : String(value));

/** Compares as the history stores values (text), so 4.5 and 4.50 are no change. */
function historyText(field: ProfileField, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (field === 'store_rating') return Number(value).toFixed(2);
  return String(value);
}

export interface UpdateResult {
  seller: SellerProfile;
  /** The fields that actually changed (an edit to the same value changes nothing). */
  changed: ProfileField[];
}

/** Edits profile fields of one seller: validated, recorded in seller_history (source 'user') and audited. */
export async function updateSeller(db: Transactional, actor: Actor, id: string, changes: Record<string, unknown>): Promise<UpdateResult> {
  const clean = cleanChanges(changes);
  return db.transaction(async (tx) => {
    const before = await getSeller(tx, id);
    if (before.merged_into) {
      throw new UserError(`seller ${id} was merged into ${before.merged_into}`, { code: 'conflict', hint: `edit ${before.merged_into} instead` });
    }
    await checkTaxonomy(tx, before, clean);
    const changed = [...clean.entries()].filter(([field, value]) => historyText(field, before[field]) !== historyText(field, value));
    if (changed.length === 0) return { seller: before, changed: [] };
    const sets: Sql[] = changed.map(([field, value]) => sql`${sql.ident(PROFILE_FIELDS[field].column)} = ${value}`);
    const newName = clean.get('seller_name');
    if (changed.some(([field]) => field === 'seller_name') && typeof newName === 'string') sets.push(sql`name_key = ${sellerNameKeySql(sql`${newName}`)}`);
    await tx.run(sql`UPDATE sellers SET ${sql.join(sets)}, updated_at = now() WHERE id = ${id}`);
    for (const [field, value] of changed) {
      await tx.run(sql`INSERT INTO seller_history (seller_id, field, old, new, "by", source)
        VALUES (${id}, ${field}, ${historyText(field, before[field])}, ${historyText(field, value)}, ${actor.label}, 'user')`);
    }
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'seller',
      entityId: id,
      before: Object.fromEntries(changed.map(([field]) => [field, before[field]])),
      after: Object.fromEntries(changed.map(([field, value]) => [field, asText(value)])),
    });
    return { seller: await getSeller(tx, id), changed: changed.map(([field]) => field) };
  });
}

export const MAX_OWNER_BATCH = 10_000;

export interface OwnerAssignment {
  owner: { id: number; name: string; email: string } | null;
  /** Sellers whose owner changed (sellers that already had this owner are not counted). */
  changed: number;
}

/** Gives sellers an owner (a user), or none with `userId` null — in one statement, with history. */
export async function assignOwner(db: Transactional, actor: Actor, sellerIds: string[], userId: number | null): Promise<OwnerAssignment> {
  const ids = [...new Set(sellerIds.map((s) => s.trim()).filter(Boolean))];
  if (ids.length === 0) throw new UserError('no sellers chosen', { hint: 'choose at least one seller', details: { field: 'sellerIds', value: sellerIds } });
  if (ids.length > MAX_OWNER_BATCH) {
    throw new UserError(`${ids.length} sellers is more than ${MAX_OWNER_BATCH.toLocaleString('en-US')} at once`, { hint: 'narrow the view and assign in parts', details: { field: 'sellerIds', value: ids.length } });
  }
  return db.transaction(async (tx) => {
    let owner: OwnerAssignment['owner'] = null;
    if (userId !== null) {
      const [user] = await tx.query<{ id: number; name: string; email: string; disabled_at: string | null }>(
        sql`SELECT id, display_name AS name, email, disabled_at FROM users WHERE id = ${userId}`,
      );
      if (!user) throw new UserError(`no user with id ${userId}`, { details: { field: 'userId', value: userId }, hint: 'choose an owner from the list of users' });
      if (user.disabled_at) throw new UserError(`${user.email} is disabled and cannot own sellers`, { details: { field: 'userId', value: userId }, hint: 'choose an active user' });
      owner = { id: user.id, name: user.name, email: user.email };
    }
    const idList = sql`(SELECT unnest(CAST(json(${JSON.stringify(ids)}) AS VARCHAR[])) AS id)`;
    const missing = await tx.query<{ id: string }>(sql`SELECT w.id FROM ${idList} w LEFT JOIN sellers s ON s.id = w.id WHERE s.id IS NULL ORDER BY w.id LIMIT 5`);
    if (missing.length) {
      throw new UserError(`no seller with id ${missing.map((m) => m.id).join(', ')}`, { code: 'not_found', details: { field: 'sellerIds', value: missing.map((m) => m.id) }, hint: 'reload the list: a seller may have been merged' });
    }
    await tx.exec('DROP TABLE IF EXISTS owner_changes');
    await tx.run(sql`CREATE TEMP TABLE owner_changes AS
      SELECT s.id AS seller_id, u.email AS old FROM sellers s JOIN ${idList} w ON w.id = s.id
      LEFT JOIN users u ON u.id = s.owner_user_id
      WHERE s.owner_user_id IS DISTINCT FROM ${userId}`);
    const changed = await tx.run(sql`UPDATE sellers SET owner_user_id = ${userId}, updated_at = now()
      WHERE id IN (SELECT seller_id FROM owner_changes)`);
    await tx.run(sql`INSERT INTO seller_history (seller_id, field, old, new, "by", source)
      SELECT seller_id, ${OWNER_FIELD}, old, ${owner?.email ?? null}, ${actor.label}, 'user' FROM owner_changes`);
    const sample = await tx.query<{ seller_id: string }>(sql`SELECT seller_id FROM owner_changes ORDER BY seller_id LIMIT 100`);
    await tx.exec('DROP TABLE owner_changes');
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'seller_owner',
      entityId: ids.length === 1 ? ids[0] : null,
      after: { owner: owner?.email ?? null, changed, sellers: sample.map((r) => r.seller_id) },
    });
    return { owner, changed };
  });
}

/** Active users who can be chosen as owners (id and display name), for pickers and filters. */
export async function ownerChoices(executor: Executor): Promise<{ id: number; name: string }[]> {
  return executor.query(sql`SELECT id, display_name AS name FROM users WHERE disabled_at IS NULL ORDER BY lower(display_name), id`);
}

export async function sellerExists(executor: Executor, id: string): Promise<boolean> {
  const row = await queryOne<{ n: number }>(executor, sql`SELECT count(*) AS n FROM sellers WHERE id = ${id}`);
  return row.n > 0;
}
