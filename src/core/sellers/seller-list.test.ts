import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { CLI_ACTOR } from '../auth/actor.ts';
import { createUser } from '../auth/users.ts';
import { queryMetrics } from '../metrics/query-metrics.ts';
import { openMigratedMemoryDb } from '../../../test/support/temp-db.ts';
import { TINY_DATASET } from '../../../test/support/tiny-dataset.ts';
import { listSellers, SORT_COLUMNS, type SellerListRequest } from './seller-list.ts';
import { sellersTable } from './seller-export.ts';
import { updateSeller } from './registry.ts';
import { logCommunication } from '../workspace/communications.ts';

// The tiny dataset (s1 Casa Rapi with lines and two sessions, s2 Glow Lab with imported days) plus
// three sellers without sales, segments for some, an owner, and contacts at known dates.
const EXTRA = `
INSERT INTO sellers (id, name, name_key, shop_name, tier, region, category_id, subcategory_id, status, contact_email) VALUES
  ('s3', 'Dapur Mama', 'dapur mama', 'Dapur Mama Official', 'C', 'Jakarta', 'home_living', 'kitchen', 'active', 'mama@dapur.test'),
  ('s4', 'Kulit Sehat', 'kulit sehat', NULL, NULL, 'Surabaya', 'personal_care', 'skin_care', 'inactive', NULL),
  ('s5', 'Old Shop', 'old shop', NULL, NULL, NULL, NULL, NULL, 'closed', NULL);
INSERT INTO seller_days (seller_id, date, source, gmv, orders, items_sold, live_gmv) VALUES
  ('s1', DATE '2026-11-02', 'import', 200.00, 2, 2, 0),
  ('s3', DATE '2026-11-12', 'import', 0, 0, 0, 0);
INSERT INTO seller_segments (seller_id, tier, lifecycle, live_status, gmv_window) VALUES
  ('s1', 'A', 'growing', 'regular', 600), ('s2', 'S', 'new', 'never', 1050.5), ('s3', 'C', 'dormant', 'never', 0);
INSERT INTO communications (seller_id, "at", channel, direction, subject, created_by) VALUES
  ('s1', TIMESTAMPTZ '2026-11-20 09:00:00+00', 'call', 'outbound', 'Live plan', 'cli'),
  ('s1', TIMESTAMPTZ '2026-09-01 09:00:00+00', 'email', 'outbound', 'Welcome', 'cli'),
  ('s3', TIMESTAMPTZ '2026-09-15 09:00:00+00', 'chat', 'inbound', 'Question', 'cli');
`;

const PERIOD = { from: '2026-11-09', to: '2026-11-16' } as const;

describe('the Sellers grid query', () => {
  let db: Database;
  let rina: number;
  const ids = async (request: SellerListRequest) => (await listSellers(db, { ...PERIOD, today: '2026-11-24', ...request })).rows.map((r) => r.id);

  beforeAll(async () => {
    db = await openMigratedMemoryDb();
    await db.exec(TINY_DATASET);
    await db.exec(EXTRA);
    rina = (await createUser(db, CLI_ACTOR, { email: 'rina@shop.test', displayName: 'Rina', role: 'analyst', password: 'correct horse battery staple' })).id;
    await db.exec(`UPDATE sellers SET owner_user_id = ${rina} WHERE id = 's2'`);
  });
  afterAll(() => db.close());

  it('gives each seller the catalog figures of the period and the change against the previous period', async () => {
    const list = await listSellers(db, { ...PERIOD });
    expect(list.period).toMatchObject({ current: PERIOD, previous: { from: '2026-11-01', to: '2026-11-08' } });
    const catalog = await queryMetrics(db, { metrics: ['gmv', 'orders', 'aov', 'live_sessions', 'live_gmv', 'live_gmv_share'], by: ['seller'], ...PERIOD });
    for (const expected of catalog.rows) {
      const row = list.rows.find((r) => r.id === expected.seller);
      expect(row, String(expected.seller)).toMatchObject({ gmv: expected.gmv, orders: expected.orders, aov: expected.aov, live_sessions: expected.live_sessions, live_gmv: expected.live_gmv, live_gmv_share: expected.live_gmv_share });
    }
    expect(list.rows.find((r) => r.id === 's1')).toMatchObject({ gmv: 400, gmv_previous: 200, gmv_change: 200, gmv_change_ratio: 1, live_sessions: 2, live_gmv_share: 0.15, tier: 'A', lifecycle: 'growing', live_status: 'regular', last_contact_date: '2026-11-20', subcategory_name: 'Kitchen' });
    // Without sales: additive figures are 0, ratios empty (never a fake 0%).
    expect(list.rows.find((r) => r.id === 's4')).toMatchObject({ gmv: 0, gmv_previous: 0, gmv_change_ratio: null, orders: 0, aov: null, live_gmv_share: null, tier: null, owner_name: null });
    expect(list.rows.find((r) => r.id === 's2')).toMatchObject({ owner_user_id: rina, owner_name: 'Rina' });
    expect(list.total).toBe(5);
  });

  it('sorts by a whitelisted column with ties broken by id, pages without repeats, and refuses other columns', async () => {
    expect(await ids({ sort: { column: 'gmv', direction: 'desc' } })).toEqual(['s2', 's1', 's3', 's4', 's5']);
    expect(await ids({ sort: { column: 'live_gmv_share', direction: 'desc' } })).toEqual(['s1', 's2', 's3', 's4', 's5']);
    expect(await ids({ sort: { column: 'name', direction: 'asc' } })).toEqual(['s1', 's3', 's2', 's4', 's5']);
    expect(await ids({ sort: { column: 'tier', direction: 'desc' } })).toEqual(['s2', 's1', 's3', 's4', 's5']);
    expect(await ids({ sort: { column: 'last_contact_at', direction: 'desc' } })).toEqual(['s1', 's3', 's2', 's4', 's5']);
    const pages = [];
    for (const page of [1, 2, 3]) pages.push(...(await ids({ sort: { column: 'gmv', direction: 'asc' }, page, pageSize: 2 })));
    expect(pages).toEqual(['s3', 's4', 's5', 's1', 's2']);
    const beyond = await listSellers(db, { ...PERIOD, page: 9, pageSize: 2 });
    expect([beyond.rows, beyond.total]).toEqual([[], 5]);
    await expect(listSellers(db, { sort: { column: 'gmv; DROP TABLE sellers', direction: 'desc' } })).rejects.toMatchObject({ details: { field: 'sort', value: 'gmv; DROP TABLE sellers' } });
    await expect(listSellers(db, { pageSize: 501 })).rejects.toThrow('page size 501 is out of range');
    for (const column of SORT_COLUMNS) expect((await listSellers(db, { ...PERIOD, sort: { column, direction: 'asc' } })).total).toBe(5);
  });

  it('filters by search, taxonomy, segments, owner, status, completeness and days since the last contact', async () => {
    expect(await ids({ filters: { q: 'official' } })).toEqual(['s3']);
    expect(await ids({ filters: { q: 'S2' } })).toEqual(['s2']);
    expect(await ids({ filters: { q: "glow' OR 1=1" } })).toEqual([]);
    expect(await ids({ filters: { subcategory: ['kitchen'] } })).toEqual(['s1', 's3']);
    expect(await ids({ filters: { category: ['personal_care'] } })).toEqual(['s2', 's4']);
    expect(await ids({ filters: { tier: ['S', 'A'] } })).toEqual(['s2', 's1']);
    expect(await ids({ filters: { platform_tier: ['C'] } })).toEqual(['s3']);
    expect(await ids({ filters: { lifecycle: ['dormant'] } })).toEqual(['s3']);
    expect(await ids({ filters: { live_status: ['never'] } })).toEqual(['s2', 's3']);
    expect(await ids({ filters: { region: ['Jakarta'] } })).toEqual(['s1', 's3']);
    expect(await ids({ filters: { status: ['inactive', 'closed'] } })).toEqual(['s4', 's5']);
    expect(await ids({ filters: { owner: [rina] } })).toEqual(['s2']);
    expect(await ids({ filters: { owner: ['none'] } })).toEqual(['s1', 's3', 's4', 's5']);
    // Completeness: s3 has shop, category, subcategory, region and e-mail (5 of 12 → 42).
    expect(await ids({ filters: { completeness_below: 40 } })).toEqual(['s2', 's1', 's4', 's5']);
    // Today 2026-11-24: s1 was contacted on Nov 20, s3 in September, the others never.
    expect(await ids({ filters: { not_contacted_days: 30 } })).toEqual(['s2', 's3', 's4', 's5']);
    expect(await ids({ filters: { not_contacted_days: 3 } })).toEqual(['s2', 's1', 's3', 's4', 's5']);
    expect(await ids({ filters: { subcategory: ['kitchen'], live_status: ['never'], q: 'dapur' } })).toEqual(['s3']);
    // A subcategory filter gives the same figures as the whole list.
    const kitchen = await listSellers(db, { ...PERIOD, filters: { subcategory: ['kitchen'] } });
    expect(kitchen.rows.find((r) => r.id === 's1')).toMatchObject({ gmv: 400, gmv_previous: 200, live_sessions: 2 });
  });

  it('keeps figures per period until the facts change, while profile edits show at once (cached rows follow both)', async () => {
    const s3 = async () => (await listSellers(db, { ...PERIOD, filters: { q: 'dapur' } })).rows[0];
    expect(await s3()).toMatchObject({ gmv: 0, region: 'Jakarta' });
    await updateSeller(db, CLI_ACTOR, 's3', { region: 'Bogor' });
    expect(await s3()).toMatchObject({ gmv: 0, region: 'Bogor' });
    // New facts (an import, a demo run, a merge) move the facts version: the figures are rebuilt.
    await db.exec(`INSERT INTO seller_days (seller_id, date, source, gmv, orders, items_sold) VALUES ('s3', DATE '2026-11-13', 'import', 75.25, 3, 3)`);
    expect(await s3()).toMatchObject({ gmv: 75.25, orders: 3, region: 'Bogor' });
    await db.exec(`DELETE FROM seller_days WHERE seller_id = 's3' AND date = DATE '2026-11-13'`);
    await updateSeller(db, CLI_ACTOR, 's3', { region: 'Jakarta' });
    expect(await s3()).toMatchObject({ gmv: 0, region: 'Jakarta' });
  });

  it('answers a repeated view again only while its data and today stay the same', async () => {
    const view = { ...PERIOD, filters: { not_contacted_days: 30 } } as const;
    expect((await listSellers(db, { ...view, today: '2026-11-24' })).rows.map((r) => r.id)).toEqual(['s2', 's3', 's4', 's5']);
    expect((await listSellers(db, { ...view, today: '2026-11-24' })).rows.map((r) => r.id)).toEqual(['s2', 's3', 's4', 's5']);
    // Another day: s1's contact of Nov 20 is now more than 30 days ago.
    expect((await listSellers(db, { ...view, today: '2026-12-21' })).rows.map((r) => r.id)).toEqual(['s2', 's1', 's3', 's4', 's5']);
    // A contact logged: the same view, same day, no longer lists s4.
    await logCommunication(db, CLI_ACTOR, { sellerId: 's4', at: '2026-11-23T10:00:00Z', channel: 'call', direction: 'outbound', subject: 'Hello' });
    const after = await listSellers(db, { ...view, today: '2026-11-24' });
    expect(after.rows.map((r) => r.id)).toEqual(['s2', 's3', 's5']);
    expect(after.total).toBe(3);
  });

  it('answers when its cached table is dropped under it, with the refreshing limit or without one', async () => {
    const cachedTables = async () =>
      (await db.query<{ name: string }>(sql`SELECT table_name AS name FROM duckdb_tables() WHERE database_name = 'aisle_cache'`)).map((t) => t.name);
    const dropAll = async () => {
      for (const name of await cachedTables()) await db.exec(`DROP TABLE aisle_cache.main."${name}"`);
    };
    // Inside a transaction nothing is cached: the answer read straight from the facts.
    const request: SellerListRequest = { ...PERIOD, today: '2026-11-24', sort: { column: 'orders', direction: 'desc' }, pageSize: 3, page: 2 };
    const expected = await db.transaction((tx) => listSellers(tx, request));
    await listSellers(db, { ...PERIOD, today: '2026-11-24' });
    expect((await cachedTables()).length).toBeGreaterThan(0);
    for (const staleAfterMs of [200, undefined]) {
      await dropAll();
      const answer = await listSellers(db, { ...request, ...(staleAfterMs === undefined ? {} : { staleAfterMs }), page: staleAfterMs ? 2 : 1 });
      const same = staleAfterMs ? expected : await db.transaction((tx) => listSellers(tx, { ...request, page: 1 }));
      expect(answer.rows).toEqual(same.rows);
      expect(answer.total).toBe(same.total);
      expect(answer.refreshing).toBe(false);
    }
  });

  it('exports the view with the same rows and order as the grid', async () => {
    const request: SellerListRequest = { ...PERIOD, filters: { subcategory: ['kitchen'] }, sort: { column: 'name', direction: 'desc' } };
    const table = await sellersTable(db, request);
    expect(table.rows.map((r) => r.id)).toEqual(['s3', 's1']);
    expect(table.note).toContain('2026-11-09 – 2026-11-16 compared with the previous period (2026-11-01 – 2026-11-08)');
    expect(table.rows[1]).toMatchObject({ gmv: 400, missing: 'Shop name, Brand, Seller type, City, Onboarded, Contact name, Contact e-mail, Contact phone, Owner' });
    expect(table.fileName).toBe('aisle-sellers-2026-11-09-2026-11-16.xlsx');
  });
});
