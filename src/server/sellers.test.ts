import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../core/db/database.ts';
import type { Role } from '../core/auth/roles.ts';
import { sql } from '../core/db/sql.ts';
import { buildApp } from './app.ts';
import { openMigratedMemoryDb } from '../../test/support/temp-db.ts';
import { TINY_DATASET } from '../../test/support/tiny-dataset.ts';
import { createRoleUsers, sessionHeaders } from '../../test/support/sign-in.ts';

interface Row {
  id: string;
  name: string;
  gmv: number;
  owner_name: string | null;
}
interface ErrorBody {
  error: { code: string; message: string; hint?: string; details?: { field?: string; value?: unknown } };
}

describe('sellers over HTTP', () => {
  let db: Database;
  let app: FastifyInstance;
  let users: Record<Role, number>;
  const as = (role: Role) => sessionHeaders(db, users[role]);
  const get = async (role: Role, url: string) => app.inject({ method: 'GET', url, headers: await as(role) });
  const send = async (role: Role, method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    app.inject({ method, url, headers: await as(role), ...(payload === undefined ? {} : { payload: payload as object }) });

  beforeAll(async () => {
    db = await openMigratedMemoryDb();
    await db.exec(TINY_DATASET);
    await db.exec(`INSERT INTO sellers (id, name, name_key, subcategory_id, category_id) VALUES ('s3', '=HYPERLINK("http://evil")', 'hyperlink', 'kitchen', 'home_living')`);
    users = await createRoleUsers(db);
    app = await buildApp({ db, dataDir: '/tmp', webDir: '/nonexistent' });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('lists sellers for everyone, with the Overview link parameters as filters and sort', async () => {
    const res = await get('viewer', '/api/sellers?subcategory=kitchen&from=2026-11-09&to=2026-11-16&sort=gmv');
    expect(res.statusCode).toBe(200);
    const body = res.json<{ total: number; rows: Row[]; period: { current: { from: string; to: string } }; sort: unknown }>();
    expect(body.rows.map((r) => [r.id, r.gmv])).toEqual([['s1', 400], ['s3', 0]]);
    expect(body).toMatchObject({ total: 2, period: { current: { from: '2026-11-09', to: '2026-11-16' } }, sort: { column: 'gmv', direction: 'desc' } });
    const page = await get('viewer', '/api/sellers?from=2026-11-09&to=2026-11-16&sort=name&dir=asc&page=2&pageSize=1');
    expect(page.json<{ rows: Row[] }>().rows.map((r) => r.id)).toEqual(['s1']); // '=HYPERLINK…' sorts first
  });

  it('answers 400 naming the parameter and the value for a bad sort, page size or date', async () => {
    const sort = await get('viewer', '/api/sellers?sort=password');
    expect(sort.statusCode).toBe(400);
    expect(sort.json<ErrorBody>().error).toMatchObject({ message: 'cannot sort sellers by "password"', details: { field: 'sort', value: 'password' } });
    expect(sort.json<ErrorBody>().error.hint).toContain('live_gmv_share');
    const size = await get('viewer', '/api/sellers?pageSize=501');
    expect([size.statusCode, size.json<ErrorBody>().error.message]).toEqual([400, expect.stringContaining('pageSize')]);
    expect((await get('viewer', '/api/sellers?from=2026-13-01&to=2026-12-01')).statusCode).toBe(400);
  });

  it('lets analysts edit a profile and shows the change in the history; viewers get 403; bad values 400 naming field and value', async () => {
    expect((await send('viewer', 'PATCH', '/api/sellers/s1', { city: 'Depok' })).statusCode).toBe(403);
    const bad = await send('analyst', 'PATCH', '/api/sellers/s1', { contact_email: 'rina at shop' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().error).toMatchObject({ code: 'invalid_input', message: 'contact_email "rina at shop" is not an e-mail address', details: { field: 'contact_email', value: 'rina at shop' } });
    const ok = await send('analyst', 'PATCH', '/api/sellers/s1', { city: 'Depok', postal_code: '01310' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ seller: { city: 'Depok', postal_code: '01310' }, changed: ['city', 'postal_code'] });
    const history = await get('viewer', '/api/sellers/s1/history');
    expect(history.json<{ history: { field: string; new: string; by: string; source: string }[] }>().history.map((h) => [h.field, h.new, h.by, h.source])).toEqual([
      ['postal_code', '01310', 'analyst@test.aisle', 'user'],
      ['city', 'Depok', 'analyst@test.aisle', 'user'],
    ]);
    expect((await get('viewer', '/api/sellers/nobody')).statusCode).toBe(404);
    expect((await send('analyst', 'PATCH', '/api/sellers/nobody', { city: 'X' })).statusCode).toBe(404);
  });

  it('shows a profile as it is after every kind of change, though profiles are reused between changes', async () => {
    const profile = async () => (await get('viewer', '/api/sellers/s2')).json<{ seller: Record<string, unknown> }>().seller;
    const before = await profile();
    expect(await profile()).toEqual(before);
    await send('analyst', 'PATCH', '/api/sellers/s2', { city: 'Bandung' });
    expect(await profile()).toMatchObject({ city: 'Bandung' });
    await send('manager', 'POST', '/api/sellers/owner', { sellerIds: ['s2'], userId: users.manager });
    expect(await profile()).toMatchObject({ owner_name: 'manager' });
    const logged = await send('analyst', 'POST', '/api/communications', { sellerId: 's2', at: '2026-11-20T09:00:00Z', channel: 'call', direction: 'outbound', subject: 'Live plan' });
    expect(logged.statusCode).toBe(201);
    expect((await profile()).last_contact_at).toMatch(/^2026-11-20/);
    // Facts that move first and last seen (an import writes the imports table too; here, a day alone).
    await db.exec(`INSERT INTO seller_days (seller_id, date, source, gmv) VALUES ('s2', DATE '2026-12-01', 'import', 1)`);
    await db.exec(`UPDATE sellers SET last_seen = DATE '2026-12-01' WHERE id = 's2'`);
    expect(await profile()).toMatchObject({ last_seen: '2026-12-01' });
    await db.exec(`DELETE FROM seller_days WHERE seller_id = 's2' AND date = DATE '2026-12-01'`);
  });

  it('lets managers assign owners in bulk and merge sellers; analysts get 403', async () => {
    const payload = { sellerIds: ['s1', 's2'], userId: users.analyst };
    expect((await send('analyst', 'POST', '/api/sellers/owner', payload)).statusCode).toBe(403);
    const assigned = await send('manager', 'POST', '/api/sellers/owner', payload);
    expect(assigned.json()).toEqual({ owner: { id: users.analyst, name: 'analyst', email: 'analyst@test.aisle' }, changed: 2 });
    const mine = await get('analyst', '/api/sellers?owner=me&from=2026-11-09&to=2026-11-16');
    expect(mine.json<{ rows: Row[] }>().rows.map((r) => [r.id, r.owner_name])).toEqual([['s2', 'analyst'], ['s1', 'analyst']]);
    const unknownUser = await send('manager', 'POST', '/api/sellers/owner', { sellerIds: ['s1'], userId: 999 });
    expect([unknownUser.statusCode, unknownUser.json<ErrorBody>().error.details]).toEqual([400, { field: 'userId', value: 999 }]);

    expect((await send('analyst', 'POST', '/api/sellers/merge', { keep: 's1', merge: 's3' })).statusCode).toBe(403);
    const merged = await send('manager', 'POST', '/api/sellers/merge', { keep: 's1', merge: 's3' });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({ merged: 's3', keep: { id: 's1', merged_from: ['s3'] } });
    expect((await get('viewer', '/api/sellers/s3')).json()).toMatchObject({ seller: { status: 'closed', merged_into: 's1' } });
    expect((await send('manager', 'POST', '/api/sellers/merge', { keep: 's1', merge: 's1' })).statusCode).toBe(400);
  });

  it('exports the current view as a workbook with the same rows, text cells neutralised', async () => {
    await db.exec(`INSERT INTO sellers (id, name, name_key, subcategory_id, category_id) VALUES ('s4', '=cmd|"/c calc"!A1', 'cmd', 'kitchen', 'home_living')`);
    const res = await get('viewer', '/api/sellers/export.xlsx?subcategory=kitchen&from=2026-11-09&to=2026-11-16&sort=name&dir=asc');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toBe('attachment; filename="aisle-sellers-2026-11-09-2026-11-16.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Sellers');
    expect(sheet?.getRow(4).getCell(2).value).toBe('Seller');
    expect([sheet?.getRow(5).getCell(1).value, sheet?.getRow(6).getCell(1).value]).toEqual(['s4', 's1']);
    expect(sheet?.getRow(5).getCell(2).value).toBe(`'=cmd|"/c calc"!A1`);
    expect(sheet?.getRow(6).getCell(12).value).toBe(400);
  });

  it('gives the filter options and a seller page figures', async () => {
    const options = await get('viewer', '/api/sellers/options');
    expect(options.json()).toMatchObject({ currency: 'USD', regions: ['Bandung', 'Jakarta'], platform_tiers: ['A', 'B'], lifecycles: ['new', 'growing', 'steady', 'declining', 'dormant', 'churned'] });
    const figures = await get('viewer', '/api/sellers/s1/performance?from=2026-11-10&to=2026-11-10');
    expect(figures.statusCode).toBe(200);
    expect(figures.json<{ kpis: { metric: string; value: number | null }[] }>().kpis.find((k) => k.metric === 'gmv')?.value).toBe(300);
    // The figures are cached per data version: a day taken out of the facts must show on the next request.
    await db.run(sql`DELETE FROM seller_days WHERE seller_id = 's1' AND date = DATE '2026-11-10'`);
    const again = await get('viewer', '/api/sellers/s1/performance?from=2026-11-10&to=2026-11-10');
    expect(again.json<{ kpis: { metric: string; value: number | null }[] }>().kpis.find((k) => k.metric === 'gmv')?.value).toBe(0);
  });

  it('keeps saved views to their owner: another user sees none of them and gets 404 on their ids', async () => {
    const created = await send('viewer', 'POST', '/api/seller-views', { name: 'Kitchen', state: { filters: { subcategory: ['kitchen'] } } });
    expect(created.statusCode).toBe(201);
    const { view } = created.json<{ view: { id: number } }>();
    expect((await get('viewer', '/api/seller-views')).json()).toMatchObject({ views: [{ id: view.id, name: 'Kitchen', state: { filters: { subcategory: ['kitchen'] } } }] });
    expect((await get('analyst', '/api/seller-views')).json()).toEqual({ views: [] });
    expect((await send('analyst', 'PATCH', `/api/seller-views/${view.id}`, { name: 'Taken' })).statusCode).toBe(404);
    expect((await send('analyst', 'DELETE', `/api/seller-views/${view.id}`)).statusCode).toBe(404);
    const duplicate = await send('viewer', 'POST', '/api/seller-views', { name: 'kitchen', state: {} });
    expect([duplicate.statusCode, duplicate.json<ErrorBody>().error.details]).toEqual([409, { field: 'name', value: 'kitchen' }]);
    expect((await send('viewer', 'DELETE', `/api/seller-views/${view.id}`)).statusCode).toBe(204);
  });
});
