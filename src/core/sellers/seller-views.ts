/**
 * Saved views of the Sellers grid, per user: a name and the grid's state (filters, sort, period,
 * columns) as JSON. A user sees and changes only their own views — another user's view id answers
 * "not found", never "forbidden", so ids reveal nothing. Changes are audited.
 */
import type { Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { UserError } from '../shared/errors.ts';
import type { Actor } from '../auth/actor.ts';
import { writeAudit } from '../auth/audit-log.ts';
import type { Transactional } from './registry.ts';

export interface SellerView {
  id: number;
  name: string;
  state: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

export const MAX_VIEWS_PER_USER = 50;
const MAX_STATE_CHARS = 10_000;

function ownerOf(actor: Actor): number {
  if (actor.userId === null) {
    throw new UserError('saved views belong to a signed-in user', { code: 'refused', hint: 'save views from the web app or with an API token' });
  }
  return actor.userId;
}

function cleanName(name: unknown): string {
  const value = typeof name === 'string' ? name.trim().replace(/\s+/g, ' ') : '';
  if (!value) throw new UserError('a saved view needs a name', { details: { field: 'name', value: name } });
  if (value.length > 80) throw new UserError(`the name "${value.slice(0, 20)}…" is longer than 80 characters`, { details: { field: 'name', value } });
  return value;
}

function cleanState(state: unknown): string {
  if (typeof state !== 'object' || state === null || Array.isArray(state)) {
    throw new UserError('a saved view state must be an object', { details: { field: 'state', value: state } });
  }
  const text = JSON.stringify(state);
  if (text.length > MAX_STATE_CHARS) throw new UserError(`the view state is longer than ${MAX_STATE_CHARS} characters`, { details: { field: 'state', value: text.length } });
  return text;
}

const COLUMNS = sql`id, name, state, created_at, updated_at`;

export async function listSellerViews(executor: Executor, actor: Actor): Promise<SellerView[]> {
  const userId = ownerOf(actor);
  return executor.query<SellerView>(sql`SELECT ${COLUMNS} FROM seller_views WHERE user_id = ${userId} ORDER BY lower(name), id`);
}

async function getOwnView(executor: Executor, userId: number, id: number): Promise<SellerView> {
  const [row] = await executor.query<SellerView>(sql`SELECT ${COLUMNS} FROM seller_views WHERE id = ${id} AND user_id = ${userId}`);
  if (!row) throw new UserError(`no saved view with id ${id}`, { code: 'not_found' });
  return row;
}

async function checkNameFree(executor: Executor, userId: number, name: string, exceptId: number | null): Promise<void> {
  const [taken] = await executor.query<{ id: number }>(sql`SELECT id FROM seller_views WHERE user_id = ${userId} AND lower(name) = lower(${name}) AND id IS DISTINCT FROM ${exceptId}`);
  if (taken) throw new UserError(`you already have a view named "${name}"`, { code: 'conflict', details: { field: 'name', value: name }, hint: 'choose another name, or update that view' });
}

export async function createSellerView(db: Transactional, actor: Actor, input: { name: unknown; state: unknown }): Promise<SellerView> {
  const userId = ownerOf(actor);
  const name = cleanName(input.name);
  const state = cleanState(input.state);
  return db.transaction(async (tx) => {
    await checkNameFree(tx, userId, name, null);
    const [count] = await tx.query<{ n: number }>(sql`SELECT count(*) AS n FROM seller_views WHERE user_id = ${userId}`);
    if ((count?.n ?? 0) >= MAX_VIEWS_PER_USER) throw new UserError(`you have ${MAX_VIEWS_PER_USER} saved views already`, { code: 'refused', hint: 'delete a view you no longer use' });
    const [row] = await tx.query<SellerView>(sql`INSERT INTO seller_views (user_id, name, state) VALUES (${userId}, ${name}, ${state}) RETURNING ${COLUMNS}`);
    if (!row) throw new Error('insert returned no row');
    await writeAudit(tx, actor, { action: 'create', entity: 'seller_view', entityId: row.id, after: { name } });
    return row;
  });
}

export async function updateSellerView(db: Transactional, actor: Actor, id: number, input: { name?: unknown; state?: unknown }): Promise<SellerView> {
  const userId = ownerOf(actor);
  const name = input.name === undefined ? undefined : cleanName(input.name);
  const state = input.state === undefined ? undefined : cleanState(input.state);
  return db.transaction(async (tx) => {
    const before = await getOwnView(tx, userId, id);
    if (name !== undefined) await checkNameFree(tx, userId, name, id);
    await tx.run(sql`UPDATE seller_views SET name = ${name ?? before.name}, state = ${state ?? JSON.stringify(before.state)}, updated_at = now() WHERE id = ${id}`);
    await writeAudit(tx, actor, { action: 'update', entity: 'seller_view', entityId: id, before: { name: before.name }, after: { name: name ?? before.name } });
    return getOwnView(tx, userId, id);
  });
}

export async function deleteSellerView(db: Transactional, actor: Actor, id: number): Promise<void> {
  const userId = ownerOf(actor);
  await db.transaction(async (tx) => {
    const before = await getOwnView(tx, userId, id);
    await tx.run(sql`DELETE FROM seller_views WHERE id = ${id}`);
    await writeAudit(tx, actor, { action: 'delete', entity: 'seller_view', entityId: id, before: { name: before.name } });
  });
}
