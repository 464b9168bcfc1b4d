import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { fixturePath } from '../../../test/fixtures/read-stage.ts';
import { makeTempDir, openMigratedMemoryDb } from '../../../test/support/temp-db.ts';
import { importFile } from './run-import.ts';

// The committed fixtures (test/fixtures, made by make-fixtures.ts) imported end to end on a real
// migrated database: the values that land, not only the counts.
describe('importing the fixtures end to end', () => {
  let db: Database;
  beforeEach(async () => {
    db = await openMigratedMemoryDb();
  });
  afterEach(() => db.close());

  it('products.csv: sellers by shop name, prices with thousands separators, statuses and the taxonomy', async () => {
    await db.exec(`INSERT INTO categories (id, parent_id, name) VALUES ('beauty', NULL, 'Beauty & Personal Care'), ('home_living', NULL, 'Home & Living');
      INSERT INTO categories (id, parent_id, name) VALUES ('skincare', 'beauty', 'Skincare'), ('storage', 'home_living', 'Storage')`);
    const result = await importFile(db, fixturePath('products.csv'), { kind: 'products', by: 'cli' });
    expect(result).toMatchObject({ status: 'loaded', rowsRead: 5, rowsLoaded: 5, rowsRejected: 0, ignoredColumns: [] });
    expect(result.mapping).toEqual({
      'Product ID': 'product_id',
      'Product name': 'name',
      'Shop name': 'seller_name',
      Category: 'category',
      Subcategory: 'subcategory',
      Price: 'price',
      Status: 'status',
      'Created Time': 'listed_at',
    });
    const products = await db.query(sql`SELECT p.id, s.name AS seller, p.name, p.category_id, p.subcategory_id, p.price, p.status,
        CAST(p.listed_at AS VARCHAR) AS listed_at
      FROM products p JOIN sellers s ON s.id = p.seller_id ORDER BY p.id`);
    expect(products).toEqual([
      { id: '1729384756102938475', seller: 'Glow Lab Official', name: 'Serum Vitamin C 30ml, brightening', category_id: 'beauty', subcategory_id: 'skincare', price: 129000, status: 'active', listed_at: '2025-10-02' },
      { id: '1729384756102938476', seller: 'Glow Lab Official', name: 'Hydrating Toner 100ml', category_id: 'beauty', subcategory_id: 'skincare', price: 89000, status: 'active', listed_at: '2025-10-02' },
      { id: '1729384756102938477', seller: 'Glow Lab Official', name: 'Sheet Mask (5 pcs)', category_id: 'beauty', subcategory_id: 'skincare', price: 25000, status: 'out_of_stock', listed_at: '2025-11-20' },
      { id: '1839201928374650001', seller: 'Rumah Rapi', name: 'Rak "Minimalis" 3 susun', category_id: 'home_living', subcategory_id: 'storage', price: 159000, status: 'active', listed_at: '2026-01-15' },
      { id: '1839201928374650002', seller: 'Rumah Rapi', name: 'Storage Box L', category_id: 'home_living', subcategory_id: 'storage', price: 45000, status: 'inactive', listed_at: '2026-02-01' },
    ]);
    expect(await db.query(sql`SELECT name, name_key FROM sellers ORDER BY name`)).toEqual([
      { name: 'Glow Lab Official', name_key: 'glow lab official' },
      { name: 'Rumah Rapi', name_key: 'rumah rapi' },
    ]);
  });

  it('livestreams-chinese.csv: Chinese headers, 万 counts and 小时分钟秒 durations', async () => {
    const result = await importFile(db, fixturePath('livestreams-chinese.csv'), { kind: 'livestreams', by: 'cli' });
    expect(result).toMatchObject({ status: 'loaded', rowsRead: 3, rowsLoaded: 3, rowsRejected: 0, ignoredColumns: ['客单价'] });
    const sessions = await db.query(sql`SELECT s.name AS seller, l.host, l.title,
        strftime(timezone('UTC', l.started_at), '%Y-%m-%d %H:%M:%S') AS started, strftime(timezone('UTC', l.ended_at), '%Y-%m-%d %H:%M:%S') AS ended,
        l.duration_s, l.views, l.viewers, l.peak_viewers, l.avg_viewers, l.gmv, l.items_sold, l.likes, l.comments, l.shares,
        l.new_followers, l.avg_view_duration_s
      FROM livestreams l JOIN sellers s ON s.id = l.seller_id ORDER BY l.started_at`);
    expect(sessions).toEqual([
      {
        seller: '花间美妆旗舰店', host: '小林', title: '双十一护肤专场', started: '2026-11-01 20:00:00', ended: '2026-11-01 22:05:03',
        duration_s: 2 * 3600 + 5 * 60 + 3, views: 12_000, viewers: 8650, peak_viewers: 1523, avg_viewers: 412, gmv: 35680.5,
        items_sold: 1208, likes: 34_000, comments: 2156, shares: 389, new_followers: 512, avg_view_duration_s: 95,
      },
      {
        seller: '花间美妆旗舰店', host: '小林', title: '早安护肤课堂', started: '2026-11-02 09:30:00', ended: '2026-11-02 10:28:12',
        duration_s: 58 * 60 + 12, views: 6320, viewers: 4105, peak_viewers: 688, avg_viewers: 201, gmv: 9870,
        items_sold: 402, likes: 11_000, comments: 804, shares: 97, new_followers: 160, avg_view_duration_s: 62,
      },
      {
        seller: '居家好物研究所', host: '阿杰', title: '收纳神器一小时', started: '2026-11-03 19:00:00', ended: '2026-11-03 20:00:00',
        duration_s: 3600, views: 23_500, viewers: 16_000, peak_viewers: 2890, avg_viewers: 980, gmv: 61204.8,
        items_sold: 2315, likes: 58_000, comments: 4410, shares: 655, new_followers: 1290, avg_view_duration_s: 130,
      },
    ]);
    // One seller per shop name, created from the export.
    expect(await db.query(sql`SELECT name FROM sellers ORDER BY name`)).toEqual([{ name: '居家好物研究所' }, { name: '花间美妆旗舰店' }]);
  });

  describe('livestream minutes', () => {
    let dir: string;
    let remove: () => Promise<void>;
    beforeEach(async () => {
      ({ dir, remove } = await makeTempDir());
      // The sessions the fixtures' minutes belong to (LIVE-…-002 runs past midnight).
      const sessions = path.join(dir, 'sessions.csv');
      await writeFile(sessions, 'Live ID,Shop name,Start time,Duration\nLIVE-20261101-001,Glow Lab Official,2026-11-01 20:00:00,10m\nLIVE-20261101-002,Rumah Rapi,2026-11-01 23:30:00,1h\n');
      expect(await importFile(db, sessions, { kind: 'livestreams', by: 'cli' })).toMatchObject({ status: 'loaded', rowsLoaded: 2 });
    });
    afterEach(() => remove());

    it('livestream-minutes.csv: minutes written as counts from the start', async () => {
      const result = await importFile(db, fixturePath('livestream-minutes.csv'), { kind: 'livestream_minutes', by: 'cli' });
      expect(result).toMatchObject({ status: 'loaded', rowsRead: 10, rowsLoaded: 10, rowsRejected: 0 });
      const rows = await db.query<{ minute: number; viewers_online: number; gmv: number }>(sql`SELECT minute, viewers_online, enters, likes, comments,
          shares, product_clicks, orders, gmv FROM livestream_minutes WHERE livestream_id = 'LIVE-20261101-001' ORDER BY minute`);
      expect(rows.map((r) => r.minute)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(rows[0]).toEqual({ minute: 0, viewers_online: 120, enters: 40, likes: 300, comments: 12, shares: 0, product_clicks: 8, orders: 0, gmv: 0 });
      expect(rows[7]).toEqual({ minute: 7, viewers_online: 315, enters: 103, likes: 587, comments: 33, shares: 7, product_clicks: 36, orders: 1, gmv: 114000 });
      // GMV is (minute mod 3) × 114,000: three minutes at 1×, three at 2×.
      expect(rows.reduce((sum, r) => sum + r.gmv, 0)).toBe(9 * 114000);
    });

    it('livestream-minutes-mixed.csv: counts, timestamps and clock times past midnight, as minutes from the start', async () => {
      const result = await importFile(db, fixturePath('livestream-minutes-mixed.csv'), { kind: 'livestream_minutes', by: 'cli' });
      expect(result).toMatchObject({ status: 'loaded', rowsRead: 9, rowsLoaded: 9, rowsRejected: 0, mapping: { Time: 'minute' } });
      const rows = await db.query(sql`SELECT minute, viewers_online, likes, orders, gmv FROM livestream_minutes
        WHERE livestream_id = 'LIVE-20261101-002' ORDER BY minute`);
      expect(rows).toEqual([
        { minute: 0, viewers_online: 80, likes: 120, orders: 0, gmv: 0 },
        { minute: 1, viewers_online: 96, likes: 1200, orders: 1, gmv: 45000 },
        { minute: 2, viewers_online: 110, likes: 1500, orders: 0, gmv: 0 },
        { minute: 3, viewers_online: 124, likes: 1900, orders: 2, gmv: 90000 }, // 2026-11-01 23:33:00
        { minute: 4, viewers_online: 131, likes: 2100, orders: 0, gmv: 0 }, // 23:34:59 is still clock minute 23:34
        { minute: 29, viewers_online: 142, likes: 3400, orders: 1, gmv: 45000 }, // 23:59
        { minute: 30, viewers_online: 139, likes: 3500, orders: 0, gmv: 0 }, // 00:00, the next day
        { minute: 35, viewers_online: 120, likes: 3900, orders: 1, gmv: 45000 }, // 00:05
        { minute: 40, viewers_online: 98, likes: 4100, orders: 0, gmv: 0 }, // 2026-11-02 00:10:00
      ]);
    });
  });
});
