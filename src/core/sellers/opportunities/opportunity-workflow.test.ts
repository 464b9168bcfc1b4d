import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { CLI_ACTOR, type Actor } from '../../auth/actor.ts';
import { addDays, todayIn } from '../../shared/dates.ts';
import { openMigratedMemoryDb } from '../../../../test/support/temp-db.ts';
import { createRoleUsers } from '../../../../test/support/sign-in.ts';
import { insertSellers, type SellerSpec } from '../../../../test/support/seller-map-data.ts';
import { recomputeSellerMap } from '../segments/recompute.ts';
import { createTaskFromOpportunity, dismissOpportunity, listOpportunities, logContactFromOpportunity, restoreOpportunity, snoozeOpportunity } from './index.ts';

// The ranked list and what users do with it, on four sellers: two big ones that never go live
// (one owned by the manager, alone in tier S), a declining one, and one with an empty profile.
let db: Database;
let manager: Actor;
const today = todayIn('UTC');
const noProfile = { brand: '', city: '', contact_name: '', contact_email: '', contact_phone: '' };

beforeAll(async () => {
  db = await openMigratedMemoryDb();
  const users = await createRoleUsers(db);
  manager = { userId: users.manager, label: 'manager@test.aisle', role: 'manager' };
  await insertSellers(db, [
    { id: 'big', name: 'Big Home', gmv: [{ back: [89, 0], gmv: 10_000 }], ownerUserId: users.manager },
    { id: 'live', name: 'Live Home', gmv: [{ back: [89, 0], gmv: 8_000 }], sessions: [{ back: [89, 0], gmv: 2_000 }] },
    { id: 'second', name: 'Second Decor', subcategory: 'decor', gmv: [{ back: [89, 0], gmv: 5_000 }] },
    { id: 'falling', name: 'Falling', gmv: [{ back: [48, 21], gmv: 1000 }, { back: [20, 0], gmv: 100 }] },
    { id: 'bare', name: 'Bare', gmv: [{ back: [89, 0], gmv: 50 }], profile: noProfile },
    ...Array.from({ length: 15 }, (_, i): SellerSpec => ({ id: `f${i}`, gmv: [{ back: [89, 0], gmv: 10 }] })),
  ]);
  await recomputeSellerMap(db, { reason: 'test' });
});
afterAll(async () => {
  await db.close();
});

const keys = async (filter: Parameters<typeof listOpportunities>[1] = {}) => (await listOpportunities(db, filter)).items.map((o) => o.key);

describe('the ranked list', () => {
  it('puts the largest money upside first, then severity, and opportunities without a figure last', async () => {
    const page = await listOpportunities(db, {});
    expect(page.items.slice(0, 3).map((o) => o.key)).toEqual(['never_live_big_seller:seller:big', 'never_live_big_seller:seller:second', 'gmv_declining:seller:falling']);
    const upsides = page.items.map((o) => o.upside);
    const firstNull = upsides.indexOf(null);
    expect(upsides.slice(firstNull).every((u) => u === null)).toBe(true);
    expect(page.items[0]).toMatchObject({ sellerName: 'Big Home', tier: 'S', ownerName: 'manager', subcategoryName: 'Kitchen', status: 'open', decision: null, openTaskId: null });
    expect(page.total).toBe(page.items.length);
    expect(page.totalUpside).toBeCloseTo(page.items.reduce((sum, o) => sum + (o.upside ?? 0), 0), 2);
  });

  it('filters by rule, subcategory, tier, owner and least upside, and pages', async () => {
    expect(await keys({ rule: 'gmv_declining' })).toEqual(['gmv_declining:seller:falling']);
    expect(await keys({ rule: 'never_live_big_seller', subcategory: 'decor' })).toEqual(['never_live_big_seller:seller:second']);
    expect((await listOpportunities(db, { tier: 'S' })).items.every((o) => o.tier === 'S')).toBe(true);
    const owner = (await listOpportunities(db, { owner: manager.userId ?? 0 })).items;
    expect(owner.length).toBeGreaterThan(0);
    expect(owner.every((o) => o.sellerId === 'big')).toBe(true);
    expect((await listOpportunities(db, { owner: 'none' })).items.some((o) => o.sellerId === 'big')).toBe(false);
    expect(await keys({ minUpside: 30_000 })).toEqual(['never_live_big_seller:seller:big', 'never_live_big_seller:seller:second']);
    const page2 = await listOpportunities(db, { limit: 1, offset: 1 });
    expect(page2.items.map((o) => o.key)).toEqual(['never_live_big_seller:seller:second']);
    await expect(listOpportunities(db, { rule: 'nope' })).rejects.toThrow(/unknown opportunity rule "nope"/);
  });
});

describe('dismiss, snooze and restore', () => {
  const ref = { rule: 'gmv_declining', subject: 'seller:falling' };

  it('dismisses with a reason, hides it from the open list, keeps it through a recompute, and audits it', async () => {
    const dismissed = await dismissOpportunity(db, manager, ref, '  Seasonal range, expected  ');
    expect(dismissed).toMatchObject({ status: 'dismissed', decision: { status: 'dismissed', reason: 'Seasonal range, expected', by: 'manager@test.aisle' } });
    expect(await keys()).not.toContain('gmv_declining:seller:falling');
    await recomputeSellerMap(db, { reason: 'test' });
    const page = await listOpportunities(db, { status: 'dismissed' });
    expect(page.items.map((o) => o.key)).toEqual(['gmv_declining:seller:falling']);
    expect(page.counts.dismissed).toBe(1);
    const [audit] = await db.query<{ action: string; entity_id: string; after: unknown }>(sql`SELECT action, entity_id, after FROM audit_log WHERE entity = 'opportunity' ORDER BY id DESC LIMIT 1`);
    expect(audit).toMatchObject({ action: 'update', entity_id: 'gmv_declining:seller:falling', after: { status: 'dismissed', reason: 'Seasonal range, expected' } });
  });

  it('restores, then snoozes until a date: hidden until then, open again once it has passed', async () => {
    expect((await restoreOpportunity(db, manager, ref)).status).toBe('open');
    await expect(restoreOpportunity(db, manager, ref)).rejects.toThrow(/neither dismissed nor snoozed/);
    const until = addDays(today, 14);
    expect((await snoozeOpportunity(db, manager, ref, until, 'Owner on leave', today)).status).toBe('snoozed');
    expect(await keys()).not.toContain('gmv_declining:seller:falling');
    expect(await keys({ today: until })).toContain('gmv_declining:seller:falling');
  });

  it('refuses a snooze without a reason, into the past or beyond a year, and an unknown opportunity', async () => {
    await expect(snoozeOpportunity(db, manager, ref, addDays(today, 3), '   ', today)).rejects.toThrow(/say why/);
    await expect(snoozeOpportunity(db, manager, ref, today, 'x', today)).rejects.toThrow(/is not after today/);
    await expect(snoozeOpportunity(db, manager, ref, addDays(today, 400), 'x', today)).rejects.toThrow(/more than a year away/);
    await expect(dismissOpportunity(db, manager, { rule: 'gmv_declining', subject: 'seller:big' }, 'x')).rejects.toThrow(/no current opportunity/);
  });
});

describe('create task and log contact', () => {
  const ref = { rule: 'never_live_big_seller', subject: 'seller:big' };

  it('creates a task from the opportunity, owned by the seller\'s owner, and refuses a second open one', async () => {
    const task = await createTaskFromOpportunity(db, manager, ref, { dueAt: addDays(today, 7), priority: 'high' });
    expect(task).toMatchObject({ title: 'Big Home — Big seller that never goes live', owner: 'manager', priority: 'high', sellerId: 'big', sourceRef: 'never_live_big_seller:seller:big' });
    const [row] = await db.query<{ source: string; source_ref: string; status: string; description: string; created_by: string }>(
      sql`SELECT source, source_ref, status, description, created_by FROM tasks WHERE id = ${task.id}`,
    );
    expect(row).toMatchObject({ source: 'opportunity', source_ref: 'never_live_big_seller:seller:big', status: 'todo', created_by: 'manager@test.aisle' });
    expect(row?.description).toContain('has never gone live');
    expect((await listOpportunities(db, { rule: 'never_live_big_seller' })).items[0]?.openTaskId).toBe(task.id);
    await expect(createTaskFromOpportunity(db, manager, ref)).rejects.toThrow(new RegExp(`task #${task.id} is already open`));
    await expect(createTaskFromOpportunity(db, manager, { rule: 'gmv_declining', subject: 'seller:falling' }, { dueAt: '2020-01-01' })).rejects.toThrow(/in the past/);
  });

  it('logs a contact, which takes the seller off "not contacted lately" at once', async () => {
    const notContacted = { rule: 'top_tier_not_contacted', subject: 'seller:big' };
    expect(await keys({ rule: 'top_tier_not_contacted' })).toContain('top_tier_not_contacted:seller:big');
    const contact = await logContactFromOpportunity(db, CLI_ACTOR, notContacted, { channel: 'call', subject: 'Live selling pitch', nextAction: 'Send the live playbook', dueAt: addDays(today, 3) });
    expect(contact).toMatchObject({ sellerId: 'big', channel: 'call', subject: 'Live selling pitch' });
    const [row] = await db.query<{ direction: string; owner: string; next_action: string }>(sql`SELECT direction, owner, next_action FROM communications WHERE id = ${contact.id}`);
    expect(row).toEqual({ direction: 'outbound', owner: 'manager', next_action: 'Send the live playbook' });
    expect(await keys({ rule: 'top_tier_not_contacted' })).not.toContain('top_tier_not_contacted:seller:big');
  });

  it('refuses a contact without a subject, a due date without a next action, and one about a subcategory', async () => {
    const ref2 = { rule: 'never_live_big_seller', subject: 'seller:second' };
    await expect(logContactFromOpportunity(db, manager, ref2, { channel: 'call', subject: ' ' })).rejects.toThrow(/needs a subject/);
    await expect(logContactFromOpportunity(db, manager, ref2, { channel: 'call', subject: 'x', dueAt: addDays(today, 1) })).rejects.toThrow(/needs a next action/);
  });
});
