import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { openMigratedMemoryDb, makeTempDir } from '../../../test/support/temp-db.ts';
import { importFile } from './run-import.ts';

// End-to-end imports of small CSV files through every stage, checking the values that land.
const ORDERS = [
  'Order ID,Order Status,Created Time,Shop Name,Product Name,Quantity,SKU Unit Original Price,Order Amount,Order Refund Amount,Buyer Username',
  'A-1,Completed,2026-11-10 20:15:00,Casa Rapi Official,Bamboo cutting board,2,"12,50","25,00",0,buyer-1',
  'A-2,Cancelled,2026-11-10 21:00:00,Casa Rapi Official,Linen napkins,1,"9,90","9,90",0,buyer-2',
  ',,,,,,,,,',
  'A-3,Completed,2026-11-11 09:30:00,Glow Lab,Rice toner,3,"10,00","30,00","10,00",buyer-3',
].join('\n');

describe('importing files end to end', () => {
  let db: Database;
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, remove } = await makeTempDir());
  });
  afterAll(() => remove());
  beforeEach(async () => {
    db = await openMigratedMemoryDb();
  });

  async function file(name: string, text: string): Promise<string> {
    const target = path.join(dir, name);
    await writeFile(target, text);
    return target;
  }

  it('loads an orders export in the platform wording, creating sellers by name and refreshing seller-days', async () => {
    const result = await importFile(db, await file('orders.csv', ORDERS), { kind: 'orders', by: 'cli' });
    expect(result).toMatchObject({ status: 'loaded', rowsRead: 4, rowsLoaded: 3, rowsSkipped: 1, rowsRejected: 0, headerRow: 1, duplicateOf: null });
    expect(result.mapping).toMatchObject({ 'Order ID': 'order_id', 'Created Time': 'ordered_at', 'Shop Name': 'seller_name', 'Order Amount': 'amount' });
    const lines = await db.query(sql`SELECT order_id, line_no, status, quantity, unit_price, amount, refund_amount, channel, CAST(order_date AS VARCHAR) AS day
      FROM order_lines ORDER BY order_id`);
    expect(lines).toEqual([
      { order_id: 'A-1', line_no: 1, status: 'completed', quantity: 2, unit_price: 12.5, amount: 25, refund_amount: 0, channel: 'other', day: '2026-11-10' },
      { order_id: 'A-2', line_no: 1, status: 'cancelled', quantity: 1, unit_price: 9.9, amount: 9.9, refund_amount: 0, channel: 'other', day: '2026-11-10' },
      { order_id: 'A-3', line_no: 1, status: 'completed', quantity: 3, unit_price: 10, amount: 30, refund_amount: 10, channel: 'other', day: '2026-11-11' },
    ]);
    const sellers = await db.query(sql`SELECT name, name_key, first_seen, last_seen FROM sellers ORDER BY name`);
    expect(sellers).toEqual([
      { name: 'Casa Rapi Official', name_key: 'casa rapi official', first_seen: '2026-11-10', last_seen: '2026-11-10' },
      { name: 'Glow Lab', name_key: 'glow lab', first_seen: '2026-11-11', last_seen: '2026-11-11' },
    ]);
    const days = await db.query(sql`SELECT s.name, CAST(d.date AS VARCHAR) AS day, d.gmv, d.cancelled_gmv, d.orders, d.source
      FROM seller_days d JOIN sellers s ON s.id = d.seller_id ORDER BY 1, 2`);
    expect(days).toEqual([
      { name: 'Casa Rapi Official', day: '2026-11-10', gmv: 34.9, cancelled_gmv: 9.9, orders: 2, source: 'order_lines' },
      { name: 'Glow Lab', day: '2026-11-11', gmv: 30, cancelled_gmv: 0, orders: 1, source: 'order_lines' },
    ]);
    const [job] = await db.query(sql`SELECT kind, status, rows_read, rows_loaded, rows_skipped, "by" FROM imports`);
    expect(job).toEqual({ kind: 'orders', status: 'loaded', rows_read: 4, rows_loaded: 3, rows_skipped: 1, by: 'cli' });
  });

  it('recognises the same file imported again and loads nothing', async () => {
    const target = await file('orders-again.csv', ORDERS);
    const first = await importFile(db, target, { kind: 'orders', by: 'cli' });
    const second = await importFile(db, target, { kind: 'orders', by: 'cli' });
    expect(second).toMatchObject({ duplicateOf: first.importId, rowsLoaded: 0 });
    expect(await db.query(sql`SELECT count(*) AS n FROM order_lines`)).toEqual([{ n: 3 }]);
  });

  it('updates the overlapping rows of a newer export', async () => {
    await importFile(db, await file('o1.csv', ORDERS), { kind: 'orders', by: 'cli' });
    const newer = ORDERS.replace('A-3,Completed', 'A-3,Refunded').replace('"10,00",buyer-3', '"30,00",buyer-3');
    const result = await importFile(db, await file('o2.csv', newer), { kind: 'orders', by: 'cli' });
    expect(result.rowsLoaded).toBe(3);
    expect(await db.query(sql`SELECT status, refund_amount FROM order_lines WHERE order_id = 'A-3'`)).toEqual([{ status: 'refunded', refund_amount: 30 }]);
    expect(await db.query(sql`SELECT count(*) AS n FROM order_lines`)).toEqual([{ n: 3 }]);
  });

  it('a newer export that moves a line to another day rebuilds the day it left and the day it joined', async () => {
    await importFile(db, await file('m1.csv', ORDERS), { kind: 'orders', by: 'cli' });
    const moved = ORDERS.replace('A-2,Cancelled,2026-11-10 21:00:00', 'A-2,Cancelled,2026-11-12 21:00:00');
    await importFile(db, await file('m2.csv', moved), { kind: 'orders', by: 'cli' });
    const days = await db.query(sql`SELECT s.name, CAST(d.date AS VARCHAR) AS day, d.gmv, d.orders
      FROM seller_days d JOIN sellers s ON s.id = d.seller_id ORDER BY 1, 2`);
    expect(days).toEqual([
      { name: 'Casa Rapi Official', day: '2026-11-10', gmv: 25, orders: 1 },
      { name: 'Casa Rapi Official', day: '2026-11-12', gmv: 9.9, orders: 1 },
      { name: 'Glow Lab', day: '2026-11-11', gmv: 30, orders: 1 },
    ]);
    expect(await db.query(sql`SELECT count(*) AS n FROM order_lines`)).toEqual([{ n: 3 }]);
  });

  it('a later export of new orders adds to the seller-days it shares, buyers counted once', async () => {
    await importFile(db, await file('a1.csv', ORDERS), { kind: 'orders', by: 'cli' });
    const later = [ORDERS.split('\n')[0], 'A-9,Completed,2026-11-10 22:00:00,Casa Rapi Official,Linen napkins,1,"5,00","5,00",0,buyer-1'].join('\n');
    await importFile(db, await file('a2.csv', later), { kind: 'orders', by: 'cli' });
    const days = await db.query(sql`SELECT s.name, CAST(d.date AS VARCHAR) AS day, d.gmv, d.cancelled_gmv, d.orders, d.buyers, d.items_sold
      FROM seller_days d JOIN sellers s ON s.id = d.seller_id ORDER BY 1, 2`);
    expect(days).toEqual([
      { name: 'Casa Rapi Official', day: '2026-11-10', gmv: 39.9, cancelled_gmv: 9.9, orders: 3, buyers: 2, items_sold: 4 },
      { name: 'Glow Lab', day: '2026-11-11', gmv: 30, cancelled_gmv: 0, orders: 1, buyers: 1, items_sold: 3 },
    ]);
  });

  it('reads placeholders as empty and names only the value that cannot be read', async () => {
    const lines = [
      'Order ID,Created Time,Seller ID,Quantity,Order Amount,Order Refund Amount',
      'P-1,2026-11-10 10:00:00,s1,-,5.00,N/A',
      'P-2,2026-11-10 11:00:00,s1,2,7.00,--',
      'P-3,2026-11-10 12:00:00,s1,lots,7.00,',
    ].join('\n');
    const result = await importFile(db, await file('placeholders.csv', lines), { kind: 'orders', by: 'cli', skipInvalid: true });
    expect(result).toMatchObject({ rowsLoaded: 2, rowsRejected: 1 });
    expect(result.errors).toEqual([{ row: 4, column: 'Quantity', value: 'lots', message: expect.stringMatching(/number/) }]);
    expect(await db.query(sql`SELECT order_id, quantity, refund_amount FROM order_lines ORDER BY order_id`)).toEqual([
      { order_id: 'P-1', quantity: 1, refund_amount: 0 },
      { order_id: 'P-2', quantity: 2, refund_amount: 0 },
    ]);
  });

  it('numbers the lines of an order in file order when the export has no line number', async () => {
    const lines = [
      'Order ID,Created Time,Seller ID,Order Amount',
      'B-1,2026-11-10 10:00:00,s1,5.00',
      'B-2,2026-11-10 11:00:00,s1,7.00',
      'B-1,2026-11-10 10:00:00,s1,3.00',
      'B-1,2026-11-10 10:00:00,s1,1.00',
    ].join('\n');
    await importFile(db, await file('multi.csv', lines), { kind: 'orders', by: 'cli' });
    expect(await db.query(sql`SELECT order_id, line_no, amount FROM order_lines ORDER BY order_id, line_no`)).toEqual([
      { order_id: 'B-1', line_no: 1, amount: 5 },
      { order_id: 'B-1', line_no: 2, amount: 3 },
      { order_id: 'B-1', line_no: 3, amount: 1 },
      { order_id: 'B-2', line_no: 1, amount: 7 },
    ]);
    expect(await db.query(sql`SELECT orders, gmv FROM seller_days`)).toEqual([{ orders: 2, gmv: 16 }]);
  });

  it('refuses the whole file when any row is invalid, listing row, column, value and reason', async () => {
    const bad = ORDERS.replace('"25,00",0', 'abc,0').replace('2026-11-11 09:30:00', 'someday');
    const result = await importFile(db, await file('bad.csv', bad), { kind: 'orders', by: 'cli' });
    expect(result.status).toBe('rejected');
    expect(result.rowsLoaded).toBe(0);
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, column: 'Order Amount', value: 'abc' }),
        expect.objectContaining({ row: 5, column: 'Created Time', value: 'someday' }),
      ]),
    );
    expect(await db.query(sql`SELECT count(*) AS n FROM order_lines`)).toEqual([{ n: 0 }]);
    expect(await db.query(sql`SELECT count(*) AS n FROM sellers`)).toEqual([{ n: 0 }]);
    const kept = await db.query<{ row_no: number; raw: string[] }>(sql`SELECT row_no, raw FROM import_rejects ORDER BY row_no`);
    expect(kept.map((k) => k.row_no)).toEqual([2, 5]);
    expect(kept[0]?.raw).toContain('abc');
  });

  it('with skipInvalid loads the valid rows and keeps the rejected ones', async () => {
    const bad = ORDERS.replace('"25,00",0', 'abc,0');
    const result = await importFile(db, await file('skip.csv', bad), { kind: 'orders', by: 'cli', skipInvalid: true });
    expect(result).toMatchObject({ status: 'loaded', rowsLoaded: 2, rowsRejected: 1 });
    expect(await db.query(sql`SELECT order_id FROM order_lines ORDER BY 1`)).toEqual([{ order_id: 'A-2' }, { order_id: 'A-3' }]);
    expect(await db.query(sql`SELECT row_no, column_name, value FROM import_rejects`)).toEqual([{ row_no: 2, column_name: 'Order Amount', value: 'abc' }]);
  });

  it('names the missing required columns and how to map them', async () => {
    const target = await file('no-date.csv', 'Order ID,Shop Name,Order Amount\nA-1,Casa,10\n');
    await expect(importFile(db, target, { kind: 'orders', by: 'cli' })).rejects.toThrow(/no column for ordered_at/);
    const mapped = await file('mapped.csv', 'Order ID,Shop Name,Order Amount,Waktu\nA-1,Casa,10,2026-11-10 10:00\n');
    const result = await importFile(db, mapped, { kind: 'orders', by: 'cli', map: { Waktu: 'ordered_at' } });
    expect(result).toMatchObject({ status: 'loaded', rowsLoaded: 1 });
  });

  it('loads livestream sessions and completes end time from duration', async () => {
    const csv = ['Creator ID,Creator,Start time,Duration,Views,Viewers,Likes,Comments,Shares,Attributed GMV,Product Clicks,Product Impressions',
      'shop-9,Glow Lab,2026-11-10 19:00:00,1h 2m 3s,"12,000",8000,1.2K,300,40,"1.234,50",900,5000'].join('\n');
    const result = await importFile(db, await file('live.csv', csv), { kind: 'livestreams', by: 'cli' });
    expect(result).toMatchObject({ status: 'loaded', rowsLoaded: 1 });
    const [session] = await db.query(sql`SELECT seller_id, duration_s, views, viewers, likes, gmv, CAST(ended_at AS VARCHAR) AS ended FROM livestreams`);
    expect(session).toMatchObject({ seller_id: 'shop-9', duration_s: 3723, views: 12000, viewers: 8000, likes: 1200, gmv: 1234.5 });
    expect(String(session?.ended)).toMatch(/^2026-11-10 20:02:03/);
  });

  it('refuses a session that ends before it starts', async () => {
    const csv = 'Creator ID,Start time,End time\nshop-9,2026-11-10 19:00:00,2026-11-10 18:00:00\n';
    const result = await importFile(db, await file('live-bad.csv', csv), { kind: 'livestreams', by: 'cli' });
    expect(result.status).toBe('rejected');
    expect(result.errors[0]).toMatchObject({ row: 2, message: 'the session ends before it starts' });
  });

  it('updates seller profiles from a seller list and records each change in the history', async () => {
    await importFile(db, await file('s1.csv', 'Seller ID,Shop Name,Tier,Postal code\nS-1,Casa Rapi,B,01234\n'), { kind: 'sellers', by: 'cli' });
    await importFile(db, await file('s2.csv', 'Seller ID,Shop Name,Tier,Postal code\nS-1,Casa Rapi,A,\n'), { kind: 'sellers', by: 'cli' });
    expect(await db.query(sql`SELECT id, tier, postal_code FROM sellers`)).toEqual([{ id: 'S-1', tier: 'A', postal_code: '01234' }]);
    const history = await db.query(sql`SELECT field, old, new, source FROM seller_history ORDER BY id`);
    expect(history).toEqual(expect.arrayContaining([{ field: 'tier', old: 'B', new: 'A', source: 'import' }]));
  });
});

describe('personal data in imports', () => {
  it('keeps only a one-way hash of buyer usernames', async () => {
    const db = await openMigratedMemoryDb();
    const { dir, remove } = await makeTempDir();
    try {
      const target = path.join(dir, 'orders.csv');
      await writeFile(target, ORDERS);
      await importFile(db, target, { kind: 'orders', by: 'cli' });
      const buyers = await db.query<{ buyer_id: string }>(sql`SELECT buyer_id FROM order_lines ORDER BY order_id`);
      expect(buyers.every((b) => /^b_[0-9a-f]{24}$/.test(b.buyer_id))).toBe(true);
      expect(JSON.stringify(buyers)).not.toContain('buyer-1');
      expect(new Set(buyers.map((b) => b.buyer_id)).size).toBe(3);
    } finally {
      await db.close();
      await remove();
    }
  });
});

describe('categories in imports', () => {
  it('maps category names or ids to the taxonomy, never multiplying rows, NULL when unknown', async () => {
    const db = await openMigratedMemoryDb();
    const { dir, remove } = await makeTempDir();
    try {
      await db.exec(`INSERT INTO categories (id, parent_id, name) VALUES ('home_living', NULL, 'Home & Living');
        INSERT INTO categories (id, parent_id, name) VALUES ('kitchen', 'home_living', 'Kitchen'), ('storage', 'home_living', 'kitchen');`);
      const sellers = path.join(dir, 'sellers.csv');
      await writeFile(sellers, 'Seller ID,Category,Subcategory\nS-1,Home & Living,KITCHEN\nS-2,home_living,Garden\n');
      await importFile(db, sellers, { kind: 'sellers', by: 'cli' });
      expect(await db.query(sql`SELECT id, category_id, subcategory_id FROM sellers ORDER BY id`)).toEqual([
        { id: 'S-1', category_id: 'home_living', subcategory_id: 'kitchen' },
        { id: 'S-2', category_id: 'home_living', subcategory_id: null },
      ]);
      const products = path.join(dir, 'products.csv');
      await writeFile(products, 'Product ID,Seller ID,Product Name,Category,Subcategory,Price\nP-1,S-1,Board,Home & Living,kitchen,12.50\n');
      await importFile(db, products, { kind: 'products', by: 'cli' });
      expect(await db.query(sql`SELECT id, category_id, subcategory_id, price FROM products`)).toEqual([
        { id: 'P-1', category_id: 'home_living', subcategory_id: 'kitchen', price: 12.5 },
      ]);
    } finally {
      await db.close();
      await remove();
    }
  });
});
