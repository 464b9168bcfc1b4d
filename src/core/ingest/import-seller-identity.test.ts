import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { makeTempDir, openMigratedMemoryDb } from '../../../test/support/temp-db.ts';
import { importFile } from './run-import.ts';

// Exports that do not name the seller in a column: `--seller` for one shop's export, and a sellers
// list identified only by its shop name.
const LIVE_LIST = ['Start time,Duration,Views,GMV', '2026-11-01 20:00:00,1h,1200,350.50', '2026-11-02 20:00:00,30m,800,120.00'].join('\n');

describe('the seller of rows without a seller column', () => {
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

  let files = 0;
  async function file(text: string): Promise<string> {
    files += 1;
    const target = path.join(dir, `file-${files}.csv`);
    await writeFile(target, text);
    return target;
  }

  const sessions = () => db.query(sql`SELECT s.id, s.name, CAST(l.start_date AS VARCHAR) AS day, l.views, l.gmv
    FROM livestreams l JOIN sellers s ON s.id = l.seller_id ORDER BY l.started_at`);

  it('without --seller, says which column is missing and that --seller names the seller of a one-shop export', async () => {
    await expect(importFile(db, await file(LIVE_LIST), { kind: 'livestreams', by: 'cli' })).rejects.toMatchObject({
      message: expect.stringMatching(/no column for seller_id or seller_name .*--seller ID_OR_NAME/),
      hint: expect.stringContaining('--seller ID_OR_NAME'),
    });
  });

  it('creates the named seller once and files every row under it; a later export matches it by normalised name', async () => {
    const result = await importFile(db, await file(LIVE_LIST), { kind: 'livestreams', by: 'cli', seller: 'Glow Lab' });
    expect(result).toMatchObject({ status: 'loaded', rowsLoaded: 2, rowsRejected: 0 });
    const [created] = await db.query<{ id: string }>(sql`SELECT id FROM sellers`);
    expect(await sessions()).toEqual([
      { id: created?.id, name: 'Glow Lab', day: '2026-11-01', views: 1200, gmv: 350.5 },
      { id: created?.id, name: 'Glow Lab', day: '2026-11-02', views: 800, gmv: 120 },
    ]);
    const later = ['Start time,Duration,Views,GMV', '2026-11-03 20:00:00,1h,900,99.00'].join('\n');
    await importFile(db, await file(later), { kind: 'livestreams', by: 'cli', seller: 'glow-lab' });
    expect(await db.query(sql`SELECT count(*) AS sellers FROM sellers`)).toEqual([{ sellers: 1 }]);
    expect((await sessions()).map((s) => s.id)).toEqual([created?.id, created?.id, created?.id]);
  });

  it('takes an existing seller id before a name, and records the option with the import', async () => {
    await db.exec(`INSERT INTO sellers (id, name, name_key) VALUES ('S-7', 'Rumah Rapi', 'rumah rapi'), ('S-8', 'S-7 Store', 's 7 store')`);
    const result = await importFile(db, await file(LIVE_LIST), { kind: 'livestreams', by: 'cli', seller: 'S-7' });
    expect(result).toMatchObject({ status: 'loaded', rowsLoaded: 2 });
    expect((await sessions()).map((s) => s.id)).toEqual(['S-7', 'S-7']);
    expect(await db.query(sql`SELECT count(*) AS n FROM sellers`)).toEqual([{ n: 2 }]);
    const [job] = await db.query<{ seller: string }>(sql`SELECT json_extract_string(options, '$.seller') AS seller FROM imports`);
    expect(job?.seller).toBe('S-7');
  });

  it('files a one-shop order export under the seller and rebuilds its seller-days', async () => {
    await db.exec(`INSERT INTO sellers (id, name, name_key) VALUES ('S-1', 'Casa Rapi', 'casa rapi')`);
    const orders = ['Order ID,Created Time,Order Amount', 'A-1,2026-11-10 10:00:00,25.00', 'A-2,2026-11-10 11:00:00,15.00'].join('\n');
    const result = await importFile(db, await file(orders), { kind: 'orders', by: 'cli', seller: 'CASA RAPI' });
    expect(result).toMatchObject({ status: 'loaded', rowsLoaded: 2 });
    expect(await db.query(sql`SELECT seller_id, CAST(date AS VARCHAR) AS day, gmv, orders FROM seller_days`)).toEqual([
      { seller_id: 'S-1', day: '2026-11-10', gmv: 40, orders: 2 },
    ]);
  });

  it('the same export filed under another seller is not a duplicate; under the same seller it is', async () => {
    const orders = await file(['Order ID,Created Time,Order Amount', 'A-1,2026-11-10 10:00:00,25.00'].join('\n'));
    const first = await importFile(db, orders, { kind: 'orders', by: 'cli', seller: 'Toko A' });
    const moved = await importFile(db, orders, { kind: 'orders', by: 'cli', seller: 'Toko B' });
    expect(moved).toMatchObject({ duplicateOf: null, rowsLoaded: 1 });
    expect(await db.query(sql`SELECT s.name FROM order_lines o JOIN sellers s ON s.id = o.seller_id`)).toEqual([{ name: 'Toko B' }]);
    const again = await importFile(db, orders, { kind: 'orders', by: 'cli', seller: ' Toko B ' });
    expect(again).toMatchObject({ duplicateOf: moved.importId, rowsLoaded: 0 });
    expect(first.importId).not.toBe(moved.importId);
  });

  it('refuses --seller when the file has a seller column, and a name shared by several sellers', async () => {
    const withColumn = ['Shop Name,Start time', 'Glow Lab,2026-11-01 20:00:00'].join('\n');
    await expect(importFile(db, await file(withColumn), { kind: 'livestreams', by: 'cli', seller: 'Glow Lab' })).rejects.toThrow(
      /the seller for every row \("Glow Lab"\) conflicts with the file's seller column "Shop Name"/,
    );
    await db.exec(`INSERT INTO sellers (id, name, name_key) VALUES ('S-1', 'Glow Lab', 'glow lab'), ('S-2', 'Glow-Lab', 'glow lab')`);
    await expect(importFile(db, await file(LIVE_LIST), { kind: 'livestreams', by: 'cli', seller: 'glow lab' })).rejects.toThrow(
      'the seller for every row ("glow lab") matches several sellers by name: S-1 (Glow Lab), S-2 (Glow-Lab)',
    );
    expect(await db.query(sql`SELECT count(*) AS n FROM livestreams`)).toEqual([{ n: 0 }]);
  });
});

describe('a sellers list identified only by its shop name', () => {
  it('uses the shop name as the seller name: new sellers are created, known ones matched and updated, never renamed', async () => {
    const db = await openMigratedMemoryDb();
    const { dir, remove } = await makeTempDir();
    try {
      await db.exec(`INSERT INTO sellers (id, name, name_key, tier) VALUES ('S-1', 'Casa Rapi', 'casa rapi', 'C')`);
      const target = path.join(dir, 'shops.csv');
      await writeFile(target, ['Shop name,Tier,City', 'casa-rapi,A,Bandung', 'Glow Lab Official,B,Jakarta'].join('\n'));
      const result = await importFile(db, target, { kind: 'sellers', by: 'cli' });
      expect(result).toMatchObject({ status: 'loaded', rowsLoaded: 2, rowsRejected: 0, mapping: { 'Shop name': 'shop_name', Tier: 'tier', City: 'city' } });
      expect(await db.query(sql`SELECT id, name, shop_name, tier, city FROM sellers ORDER BY name`)).toEqual([
        { id: 'S-1', name: 'Casa Rapi', shop_name: 'casa-rapi', tier: 'A', city: 'Bandung' },
        { id: expect.stringMatching(/^name:/) as unknown, name: 'Glow Lab Official', shop_name: 'Glow Lab Official', tier: 'B', city: 'Jakarta' },
      ]);
      expect(await db.query(sql`SELECT field, old, new FROM seller_history WHERE seller_id = 'S-1' ORDER BY field`)).toEqual([
        { field: 'city', old: null, new: 'Bandung' },
        { field: 'shop_name', old: null, new: 'casa-rapi' },
        { field: 'tier', old: 'C', new: 'A' },
      ]);
    } finally {
      await db.close();
      await remove();
    }
  });

  it('refuses a row without a shop name, naming the shop name column', async () => {
    const db = await openMigratedMemoryDb();
    const { dir, remove } = await makeTempDir();
    try {
      const target = path.join(dir, 'shops-blank.csv');
      await writeFile(target, ['Shop name,Tier', 'Glow Lab,A', ',B'].join('\n'));
      const result = await importFile(db, target, { kind: 'sellers', by: 'cli' });
      expect(result).toMatchObject({ status: 'rejected', rowsRejected: 1 });
      expect(result.errors).toEqual([{ row: 3, column: 'Shop name', value: null, message: 'required value is missing' }]);
    } finally {
      await db.close();
      await remove();
    }
  });
});
