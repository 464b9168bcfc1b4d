import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../core/db/database.ts';
import { sql } from '../core/db/sql.ts';
import type { Role } from '../core/auth/roles.ts';
import { addDays, todayIn } from '../core/shared/dates.ts';
import { buildApp } from './app.ts';
import { makeTempDir, openMigratedMemoryDb } from '../../test/support/temp-db.ts';
import { createRoleUsers, sessionHeaders } from '../../test/support/sign-in.ts';
import { insertSellers, type SellerSpec } from '../../test/support/seller-map-data.ts';

interface ApiOpportunity {
  key: string;
  rule: string;
  sellerId: string | null;
  sellerName: string | null;
  reason: string;
  upside: number | null;
  status: string;
  evidence: Record<string, unknown>;
  decision: { reason: string } | null;
  openTaskId: number | null;
}

describe('opportunities and segments over HTTP', () => {
  let db: Database;
  let app: FastifyInstance;
  let tmp: { dir: string; remove: () => Promise<void> };
  let users: Record<Role, number>;
  const as = async (role: Role) => sessionHeaders(db, users[role]);
  const today = todayIn('UTC');
  const list = async (query = '') =>
    (await app.inject({ url: `/api/opportunities${query}`, headers: await as('viewer') })).json<{ opportunities: ApiOpportunity[]; total: number; counts: Record<string, number> }>();

  beforeAll(async () => {
    tmp = await makeTempDir();
    db = await openMigratedMemoryDb();
    users = await createRoleUsers(db);
    await insertSellers(db, [
      { id: 'big', name: 'Big Home', gmv: [{ back: [89, 0], gmv: 10_000 }] },
      { id: 'live', name: 'Live Home', gmv: [{ back: [89, 0], gmv: 8_000 }], sessions: [{ back: [89, 0], gmv: 2_000 }] },
      { id: 'falling', name: 'Falling', gmv: [{ back: [48, 21], gmv: 1000 }, { back: [20, 0], gmv: 100 }] },
      ...Array.from({ length: 15 }, (_, i): SellerSpec => ({ id: `f${i}`, gmv: [{ back: [89, 0], gmv: 10 }] })),
    ]);
    app = await buildApp({ db, dataDir: tmp.dir, webDir: '/nonexistent' });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await tmp.remove();
  });

  it('lets managers recompute (analysts may not), after which everyone reads the ranked list', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/segments/recompute', headers: await as('analyst') })).statusCode).toBe(403);
    const run = await app.inject({ method: 'POST', url: '/api/segments/recompute', headers: await as('manager') });
    expect(run.statusCode).toBe(200);
    expect(run.json()).toMatchObject({ recompute: { reason: 'manual', asOf: '2026-03-31', sellers: 18 } });
    const body = await list();
    expect(body.opportunities[0]).toMatchObject({ key: 'never_live_big_seller:seller:big', sellerName: 'Big Home', status: 'open' });
    expect(body.opportunities[0]?.reason).toContain('has never gone live');
    expect((await list('?rule=gmv_declining')).opportunities.map((o) => o.key)).toEqual(['gmv_declining:seller:falling']);
    expect((await list('?minUpside=20000&limit=1')).opportunities).toHaveLength(1);
    const bad = await app.inject({ url: '/api/opportunities?rule=nope', headers: await as('viewer') });
    expect(bad.statusCode).toBe(400);
  });

  it('gives the rule catalog and filter values', async () => {
    const res = await app.inject({ url: '/api/opportunities/options', headers: await as('viewer') });
    const body = res.json<{ rules: { id: string; evidence: unknown[] }[]; tiers: string[]; subcategories: { id: string }[]; owners: { name: string }[] }>();
    expect(body.rules.map((r) => r.id)).toContain('supply_gap');
    expect(body.tiers).toEqual(['S', 'A', 'B', 'C']);
    expect(body.subcategories.map((s) => s.id)).toEqual(['decor', 'kitchen', 'hair', 'skin']);
    expect(body.owners.map((o) => o.name)).toContain('manager');
  });

  it('dismisses with a reason for analysts, not viewers, and restores', async () => {
    const url = '/api/opportunities/gmv_declining/seller:falling';
    expect((await app.inject({ method: 'POST', url: `${url}/dismiss`, headers: await as('viewer'), payload: { reason: 'x' } })).statusCode).toBe(403);
    const empty = await app.inject({ method: 'POST', url: `${url}/dismiss`, headers: await as('analyst'), payload: { reason: ' ' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ error: { message: 'say why, in a few words', details: { field: 'reason' } } });
    const ok = await app.inject({ method: 'POST', url: `${url}/dismiss`, headers: await as('analyst'), payload: { reason: 'Clearance ended' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ opportunity: { status: 'dismissed', decision: { reason: 'Clearance ended', by: 'analyst@test.aisle' } } });
    expect((await list('?status=dismissed')).opportunities.map((o) => o.key)).toEqual(['gmv_declining:seller:falling']);
    const restored = await app.inject({ method: 'POST', url: `${url}/restore`, headers: await as('analyst') });
    expect(restored.json()).toMatchObject({ opportunity: { status: 'open', decision: null } });
    const missing = await app.inject({ method: 'POST', url: '/api/opportunities/gmv_declining/seller:big/dismiss', headers: await as('analyst'), payload: { reason: 'x' } });
    expect(missing.statusCode).toBe(404);
  });

  it('snoozes until a later date and refuses a past one', async () => {
    const url = '/api/opportunities/gmv_declining/seller:falling/snooze';
    const past = await app.inject({ method: 'POST', url, headers: await as('analyst'), payload: { until: addDays(today, -1), reason: 'x' } });
    expect(past.statusCode).toBe(400);
    expect(past.json<{ error: { message: string } }>().error.message).toMatch(/is not after today/);
    const ok = await app.inject({ method: 'POST', url, headers: await as('analyst'), payload: { until: addDays(today, 7), reason: 'Owner on leave' } });
    expect(ok.json()).toMatchObject({ opportunity: { status: 'snoozed', decision: { until: addDays(today, 7) } } });
    expect((await list()).counts).toMatchObject({ snoozed: 1 });
  });

  it('creates a task and logs a contact from an opportunity', async () => {
    const url = '/api/opportunities/never_live_big_seller/seller:big';
    const task = await app.inject({ method: 'POST', url: `${url}/task`, headers: await as('analyst'), payload: { priority: 'high', dueAt: addDays(today, 5) } });
    expect(task.statusCode).toBe(201);
    const { id } = task.json<{ task: { id: number } }>().task;
    const [row] = await db.query(sql`SELECT title, source, source_ref, seller_id, priority FROM tasks WHERE id = ${id}`);
    expect(row).toEqual({ title: 'Big Home — Big seller that never goes live', source: 'opportunity', source_ref: 'never_live_big_seller:seller:big', seller_id: 'big', priority: 'high' });
    expect((await list('?rule=never_live_big_seller')).opportunities[0]?.openTaskId).toBe(id);
    const again = await app.inject({ method: 'POST', url: `${url}/task`, headers: await as('analyst'), payload: {} });
    expect(again.statusCode).toBe(409);

    const contact = await app.inject({ method: 'POST', url: '/api/opportunities/top_tier_not_contacted/seller:big/contact', headers: await as('analyst'), payload: { channel: 'call', subject: 'Live pitch' } });
    expect(contact.statusCode).toBe(201);
    expect((await list('?rule=top_tier_not_contacted')).total).toBe(0);
    const badChannel = await app.inject({ method: 'POST', url: `${url}/contact`, headers: await as('analyst'), payload: { channel: 'fax', subject: 'x' } });
    expect(badChannel.statusCode).toBe(400);
  });

  it('shows tier thresholds to everyone and lets only managers change them, re-tiering at once', async () => {
    const read = await app.inject({ url: '/api/segments', headers: await as('viewer') });
    expect(read.json()).toMatchObject({ thresholds: { windowDays: 90, s: 5, a: 15, b: 40 }, counts: { tier: expect.arrayContaining([{ value: 'S', sellers: 1, gmv: 900_000 }]) } });
    const body = { windowDays: 90, s: 15, a: 30, b: 60 };
    expect((await app.inject({ method: 'PUT', url: '/api/segments/thresholds', headers: await as('analyst'), payload: body })).statusCode).toBe(403);
    const wrong = await app.inject({ method: 'PUT', url: '/api/segments/thresholds', headers: await as('manager'), payload: { ...body, a: 10 } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ error: { message: 'tier A (top 10%) must include more sellers than tier S (top 15%)', details: { field: 'a' } } });
    const saved = await app.inject({ method: 'PUT', url: '/api/segments/thresholds', headers: await as('manager'), payload: body });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ thresholds: body, lastRecompute: { reason: 'thresholds' }, counts: { tier: expect.arrayContaining([{ value: 'S', sellers: 3, gmv: expect.any(Number) }]) } });
    const [audit] = await db.query(sql`SELECT entity, actor FROM audit_log WHERE entity = 'tier_thresholds'`);
    expect(audit).toEqual({ entity: 'tier_thresholds', actor: 'manager@test.aisle' });
  });
});
