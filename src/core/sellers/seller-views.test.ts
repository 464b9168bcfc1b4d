import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import type { Actor } from '../auth/actor.ts';
import { CLI_ACTOR } from '../auth/actor.ts';
import { listAudit } from '../auth/audit-log.ts';
import { openMigratedMemoryDb } from '../../../test/support/temp-db.ts';
import { createSellerView, deleteSellerView, listSellerViews, updateSellerView } from './seller-views.ts';

const rina: Actor = { userId: 3, label: 'rina@shop.test', role: 'analyst' };
const budi: Actor = { userId: 4, label: 'budi@shop.test', role: 'viewer' };

describe('saved views of the Sellers grid', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedMemoryDb();
  });
  afterAll(() => db.close());

  it('keeps each user their own views: create, rename, update the state, delete', async () => {
    const state = { filters: { subcategory: ['kitchen'], live_status: ['never'] }, sort: { column: 'gmv', direction: 'desc' } };
    const view = await createSellerView(db, rina, { name: '  Kitchen, never live ', state });
    expect(view).toMatchObject({ name: 'Kitchen, never live', state });
    await createSellerView(db, budi, { name: 'Kitchen, never live', state: {} });
    expect((await listSellerViews(db, rina)).map((v) => v.name)).toEqual(['Kitchen, never live']);

    const renamed = await updateSellerView(db, rina, view.id, { name: 'Kitchen to activate', state: { ...state, period: 'month' } });
    expect(renamed).toMatchObject({ name: 'Kitchen to activate', state: { period: 'month' } });
    // Someone else's view is "not found" for everything.
    await expect(updateSellerView(db, budi, view.id, { name: 'Mine now' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(deleteSellerView(db, budi, view.id)).rejects.toMatchObject({ code: 'not_found' });
    await deleteSellerView(db, rina, view.id);
    expect(await listSellerViews(db, rina)).toEqual([]);
    expect((await listSellerViews(db, budi)).map((v) => v.name)).toEqual(['Kitchen, never live']);
    const { entries } = await listAudit(db, { entity: 'seller_view', actor: 'rina@shop.test' });
    expect(entries.map((e) => e.action)).toEqual(['delete', 'update', 'create']);
  });

  it('refuses a duplicate name, a blank name, a state that is not an object, and the CLI (views belong to a user)', async () => {
    await createSellerView(db, rina, { name: 'Top sellers', state: {} });
    await expect(createSellerView(db, rina, { name: 'top SELLERS', state: {} })).rejects.toMatchObject({ code: 'conflict', details: { field: 'name' } });
    await expect(createSellerView(db, rina, { name: ' ', state: {} })).rejects.toThrow('a saved view needs a name');
    await expect(createSellerView(db, rina, { name: 'List', state: [1, 2] })).rejects.toThrow('a saved view state must be an object');
    await expect(listSellerViews(db, CLI_ACTOR)).rejects.toThrow('saved views belong to a signed-in user');
  });
});
