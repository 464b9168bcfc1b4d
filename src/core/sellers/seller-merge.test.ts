import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { sql } from '../db/sql.ts';
import type { Actor } from '../auth/actor.ts';
import { listAudit } from '../auth/audit-log.ts';
import { refreshSellerDays } from '../ingest/refresh-seller-days.ts';
import { queryMetrics } from '../metrics/query-metrics.ts';
import { makeTempDir } from '../../../test/support/temp-db.ts';
import { TINY_DATASET } from '../../../test/support/tiny-dataset.ts';
import { getSeller, sellerHistory } from './registry.ts';
import { listSellers } from './seller-list.ts';
import { mergeSellers } from './seller-merge.ts';

const manager: Actor = { userId: 2, label: 'manager@shop.test', role: 'manager' };

// s2 ("Glow Lab") turns out to be the same shop as s1 ("Casa Rapi"). Besides the tiny dataset, s2
// gets order lines on a day s1 also has lines (one buyer in common), s1 an imported day that s2 also
// has, and s2 a session with its minutes, a product, a contact, a task, a note and a history entry.
const SAME_SHOP = `
INSERT INTO users (id, email, display_name, role) VALUES (5, 'rina@shop.test', 'Rina', 'analyst');
UPDATE sellers SET shop_name = 'Glow Lab Official', contact_phone = '+62 811 222 333', owner_user_id = 5 WHERE id = 's2';
INSERT INTO order_lines (order_id, line_no, ordered_at, order_date, status, seller_id, quantity, amount, refund_amount, buyer_id, channel) VALUES
  ('o20', 1, TIMESTAMPTZ '2026-11-09 15:00:00+00', DATE '2026-11-09', 'completed', 's2', 1, 70.00, 0, 'b1', 'video'),
  ('o21', 1, TIMESTAMPTZ '2026-11-09 16:00:00+00', DATE '2026-11-09', 'completed', 's2', 2, 30.00, 0, 'b9', 'product_card');
INSERT INTO seller_days (seller_id, date, source, gmv, orders, items_sold, buyers, visitors, live_gmv) VALUES
  ('s1', DATE '2026-11-16', 'import', 10.00, 1, 1, NULL, 40, 0);
INSERT INTO livestreams (id, seller_id, host, started_at, start_date, duration_s, views, viewers, gmv) VALUES
  ('l3', 's2', 'Dewi', TIMESTAMPTZ '2026-11-12 19:00:00+00', DATE '2026-11-12', 1800, 300, 200, 45.00);
INSERT INTO livestream_minutes (livestream_id, minute, viewers_online, gmv) VALUES ('l3', 0, 20, 0), ('l3', 1, 35, 45.00);
INSERT INTO products (id, seller_id, name, subcategory_id) VALUES ('p1', 's1', 'Pan', 'kitchen'), ('p2', 's2', 'Serum', 'skin_care');
INSERT INTO communications (seller_id, "at", channel, direction, subject, created_by) VALUES ('s2', TIMESTAMPTZ '2026-11-13 10:00:00+00', 'call', 'outbound', 'Are you Casa Rapi?', 'cli');
INSERT INTO tasks (title, seller_id, created_by) VALUES ('Check duplicate shop', 's2', 'cli');
INSERT INTO notes (title, seller_id, created_by) VALUES ('Same owner as Casa Rapi', 's2', 'cli');
INSERT INTO seller_history (seller_id, field, old, new, "by", source) VALUES ('s2', 'region', NULL, 'Bandung', 'import:x', 'import');
INSERT INTO seller_segments (seller_id, tier) VALUES ('s1', 'A'), ('s2', 'B');
`;

/** Every fact's totals across the whole database (whoever the seller). */
const TOTALS = sql`SELECT
  (SELECT count(*) FROM order_lines) AS lines, (SELECT sum(amount) FROM order_lines) AS line_amount,
  (SELECT sum(gmv) FROM seller_days) AS day_gmv, (SELECT sum(orders) FROM seller_days) AS day_orders,
  (SELECT sum(items_sold) FROM seller_days) AS day_items, (SELECT sum(live_gmv) FROM seller_days) AS day_live_gmv,
  (SELECT sum(video_gmv) FROM seller_days) AS day_video_gmv, (SELECT sum(cancelled_gmv) FROM seller_days) AS day_cancelled,
  (SELECT sum(refunds) FROM seller_days) AS day_refunds, (SELECT sum(visitors) FROM seller_days) AS day_visitors,
  (SELECT count(*) FROM livestreams) AS sessions, (SELECT sum(gmv) FROM livestreams) AS session_gmv,
  (SELECT count(*) FROM livestream_minutes) AS minutes, (SELECT count(*) FROM products) AS products,
  (SELECT count(*) FROM communications) AS communications, (SELECT count(*) FROM tasks) AS tasks, (SELECT count(*) FROM notes) AS notes`;

const ROWS_OF_S2 = sql`SELECT
  (SELECT count(*) FROM order_lines WHERE seller_id = 's2') + (SELECT count(*) FROM seller_days WHERE seller_id = 's2')
  + (SELECT count(*) FROM livestreams WHERE seller_id = 's2') + (SELECT count(*) FROM products WHERE seller_id = 's2')
  + (SELECT count(*) FROM communications WHERE seller_id = 's2') + (SELECT count(*) FROM tasks WHERE seller_id = 's2')
  + (SELECT count(*) FROM notes WHERE seller_id = 's2') AS n`;

const WHOLE_RANGE = { from: '2026-11-01', to: '2026-11-30' };
const METRICS = ['gmv', 'orders', 'items_sold', 'live_sessions', 'live_gmv', 'views', 'net_gmv'];

describe('merging two sellers found to be the same', () => {
  let tmp: { dir: string; remove: () => Promise<void> };
  let db: Database;
  beforeAll(async () => {
    tmp = await makeTempDir();
    // A file, checkpointed before the merge: DuckDB's foreign-key checks differ for stored rows.
    db = await Database.open(path.join(tmp.dir, 'aisle.duckdb'));
    await migrate(db);
    await db.exec(TINY_DATASET);
    await db.exec(SAME_SHOP);
    await refreshSellerDays(db, { from: '2026-11-09', to: '2026-11-09', sellerIds: ['s2'] });
    await db.checkpoint();
  });
  afterAll(async () => {
    await db.close();
    await tmp.remove();
  });

  it('rolls everything back when any step fails', async () => {
    const before = await db.query(TOTALS);
    const s2Rows = await db.query(ROWS_OF_S2);
    // Break a late step: the merge clears the merged seller's opportunities after moving its facts.
    await db.exec('ALTER TABLE opportunities RENAME TO opportunities_away');
    await expect(mergeSellers(db, manager, { keep: 's1', merge: 's2' })).rejects.toThrow(/opportunities/);
    await db.exec('ALTER TABLE opportunities_away RENAME TO opportunities');
    expect(await db.query(TOTALS)).toEqual(before);
    expect(await db.query(ROWS_OF_S2)).toEqual(s2Rows);
    expect((await getSeller(db, 's2')).status).toBe('active');
  });

  it('moves every fact to the kept seller with identical totals, fills its profile gaps and leaves a closed pointer', async () => {
    const totals = await db.query(TOTALS);
    const metrics = await queryMetrics(db, { metrics: METRICS, ...WHOLE_RANGE });
    const historyBefore = (await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM seller_history`))[0]?.n ?? 0;

    const result = await mergeSellers(db, manager, { keep: 's1', merge: 's2' });
    expect(result.moved).toEqual({ seller_days: 3, order_lines: 2, livestreams: 1, products: 1, communications: 1, tasks: 1, notes: 1, seller_history: 1 });
    expect(result.filled.sort()).toEqual(['contact_phone', 'owner', 'shop_name']);

    expect(await db.query(TOTALS)).toEqual(totals);
    expect(await queryMetrics(db, { metrics: METRICS, ...WHOLE_RANGE })).toEqual(metrics);
    expect(await db.query(ROWS_OF_S2)).toEqual([{ n: 0 }]);

    // The day both had lines is rebuilt from the lines: buyer b1 bought from both shops, so 4 distinct, not 3 + 2.
    const days = await db.query(sql`SELECT CAST(date AS VARCHAR) AS date, source, gmv, orders, buyers, visitors FROM seller_days WHERE seller_id = 's1' ORDER BY date`);
    expect(days).toEqual([
      { date: '2026-11-09', source: 'order_lines', gmv: 200, orders: 6, buyers: 4, visitors: null },
      { date: '2026-11-10', source: 'order_lines', gmv: 350.5, orders: 7, buyers: 6, visitors: null },
      { date: '2026-11-16', source: 'import', gmv: 1010, orders: 11, buyers: 9, visitors: 40 },
    ]);

    const kept = await getSeller(db, 's1');
    expect(kept).toMatchObject({ seller_name: 'Casa Rapi', region: 'Jakarta', shop_name: 'Glow Lab Official', contact_phone: '+62 811 222 333', owner_name: 'Rina', merged_from: ['s2'], first_seen: '2026-11-09', last_seen: '2026-11-16' });
    const merged = await getSeller(db, 's2');
    expect(merged).toMatchObject({ status: 'closed', merged_into: 's1', first_seen: null, last_seen: null, segment: null });

    const history = await sellerHistory(db, 's1');
    expect(history.filter((h) => h.source === 'merge').map((h) => [h.field, h.old, h.new]).sort()).toEqual([
      ['contact_phone', null, '+62 811 222 333'],
      ['merged_from', null, 's2'],
      ['owner', null, 'rina@shop.test'],
      ['shop_name', null, 'Glow Lab Official'],
    ]);
    expect(history.find((h) => h.field === 'region' && h.new === 'Bandung')).toMatchObject({ source: 'import' });
    expect((await sellerHistory(db, 's2')).map((h) => [h.field, h.old, h.new, h.by]).sort()).toEqual([
      ['merged_into', null, 's1', 'manager@shop.test'],
      ['status', 'active', 'closed', 'manager@shop.test'],
    ]);
    expect((await db.query(sql`SELECT count(*) AS n FROM seller_history`))[0]).toEqual({ n: historyBefore + 6 });
    expect((await listAudit(db, { entity: 'seller' })).entries[0]).toMatchObject({ action: 'merge', actor: 'manager@shop.test', entityId: 's1' });

    const list = await listSellers(db, WHOLE_RANGE);
    expect(list.rows.map((r) => [r.id, r.gmv, r.live_sessions])).toEqual([['s1', 1560.5, 3]]);
  });

  it('refuses merging a seller into itself, an unknown seller, or one already merged', async () => {
    await expect(mergeSellers(db, manager, { keep: 's1', merge: 's1' })).rejects.toThrow('cannot merge seller s1 into itself');
    await expect(mergeSellers(db, manager, { keep: 's1', merge: 'nobody' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(mergeSellers(db, manager, { keep: 's1', merge: 's2' })).rejects.toThrow('seller s2 was already merged into s1');
    await expect(mergeSellers(db, manager, { keep: 's2', merge: 's1' })).rejects.toThrow('seller s2 was merged into s1');
  });
});
