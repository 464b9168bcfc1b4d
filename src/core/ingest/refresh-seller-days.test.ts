import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { sql } from '../db/sql.ts';
import { UserError } from '../shared/errors.ts';
import { addAppendedLines, refreshSellerDays } from './refresh-seller-days.ts';

interface DayRow {
  seller_id: string;
  date: string;
  source: string;
  gmv: number;
  cancelled_gmv: number;
  refunds: number;
  orders: number;
  items_sold: number;
  buyers: number | null;
  visitors: number | null;
  live_gmv: number;
  video_gmv: number;
  product_card_gmv: number;
}

let db: Database;

async function days(): Promise<DayRow[]> {
  return db.query<DayRow>(sql`
    SELECT seller_id, date, source, gmv, cancelled_gmv, refunds, orders, items_sold, buyers, visitors,
      live_gmv, video_gmv, product_card_gmv
    FROM seller_days ORDER BY seller_id, date`);
}

beforeEach(async () => {
  db = await Database.open(':memory:');
  await migrate(db);
  // Seller a: two orders on 03-01 (one with two lines, one cancelled), one refunded line on 03-02.
  // Seller b: only an imported daily row on 03-01 (no lines) and one line on 03-03 without buyer.
  await db.exec(`
    INSERT INTO order_lines (order_id, line_no, ordered_at, order_date, status, seller_id, quantity, unit_price, amount,
      refund_amount, buyer_id, channel, livestream_id) VALUES
      ('o1', 1, '2026-03-01 10:00:00+00', '2026-03-01', 'completed', 'a', 2, 10.00, 20.00, 0, 'u1', 'live', 'L1'),
      ('o1', 2, '2026-03-01 10:00:00+00', '2026-03-01', 'completed', 'a', 1, 5.50, 5.50, 0, 'u1', 'live', 'L1'),
      ('o2', 1, '2026-03-01 12:00:00+00', '2026-03-01', 'cancelled', 'a', 1, 7.25, 7.25, 0, 'u2', 'video', NULL),
      ('o3', 1, '2026-03-02 09:00:00+00', '2026-03-02', 'refunded', 'a', 1, 12.00, 12.00, 12.00, 'u1', 'product_card', NULL),
      ('o4', 1, '2026-03-03 09:00:00+00', '2026-03-03', 'completed', 'b', 3, 1.00, 3.00, 0, NULL, 'other', NULL);
    INSERT INTO seller_days (seller_id, date, source, gmv, orders, items_sold, buyers, visitors)
      VALUES ('b', '2026-03-01', 'import', 99.00, 9, 9, 8, 400);`);
});

afterEach(async () => {
  await db.close();
});

describe('refreshSellerDays', () => {
  it('derives every measure from the order lines and leaves imported days without lines alone', async () => {
    const result = await refreshSellerDays(db, { from: '2026-03-01', to: '2026-03-31' });
    expect(result).toEqual({ deleted: 0, written: 3 });
    const rows = await days();
    expect(rows).toEqual([
      {
        seller_id: 'a',
        date: '2026-03-01',
        source: 'order_lines',
        gmv: 32.75,
        cancelled_gmv: 7.25,
        refunds: 0,
        orders: 2,
        items_sold: 4,
        buyers: 2,
        visitors: null,
        live_gmv: 25.5,
        video_gmv: 7.25,
        product_card_gmv: 0,
      },
      {
        seller_id: 'a',
        date: '2026-03-02',
        source: 'order_lines',
        gmv: 12,
        cancelled_gmv: 0,
        refunds: 12,
        orders: 1,
        items_sold: 1,
        buyers: 1,
        visitors: null,
        live_gmv: 0,
        video_gmv: 0,
        product_card_gmv: 12,
      },
      {
        seller_id: 'b',
        date: '2026-03-01',
        source: 'import',
        gmv: 99,
        cancelled_gmv: 0,
        refunds: 0,
        orders: 9,
        items_sold: 9,
        buyers: 8,
        visitors: 400,
        live_gmv: 0,
        video_gmv: 0,
        product_card_gmv: 0,
      },
      {
        // Lines without buyer ids cannot count buyers: NULL, not 0.
        seller_id: 'b',
        date: '2026-03-03',
        source: 'order_lines',
        gmv: 3,
        cancelled_gmv: 0,
        refunds: 0,
        orders: 1,
        items_sold: 3,
        buyers: null,
        visitors: null,
        live_gmv: 0,
        video_gmv: 0,
        product_card_gmv: 0,
      },
    ]);
  });

  it('is idempotent', async () => {
    await refreshSellerDays(db, { from: '2026-03-01', to: '2026-03-31' });
    const first = await days();
    await refreshSellerDays(db, { from: '2026-03-01', to: '2026-03-31' });
    expect(await days()).toEqual(first);
  });

  it('replaces an imported day once lines exist for it, keeping its traffic figures', async () => {
    await db.exec(`INSERT INTO order_lines (order_id, line_no, ordered_at, order_date, status, seller_id, amount, buyer_id, channel)
      VALUES ('o5', 1, '2026-03-01 08:00:00+00', '2026-03-01', 'completed', 'b', 4.00, 'u9', 'video')`);
    await refreshSellerDays(db, { from: '2026-03-01', to: '2026-03-01' });
    const row = (await days()).find((r) => r.seller_id === 'b' && r.date === '2026-03-01');
    expect(row).toMatchObject({
      source: 'order_lines',
      gmv: 4,
      orders: 1,
      buyers: 1,
      video_gmv: 4,
      visitors: 400,
    });
  });

  it('deletes derived days whose lines are gone, only inside the range and for the sellers asked', async () => {
    await refreshSellerDays(db, { from: '2026-03-01', to: '2026-03-31' });
    await db.exec(`DELETE FROM order_lines WHERE order_id IN ('o3', 'o4')`);
    const outside = await refreshSellerDays(db, { from: '2026-03-01', to: '2026-03-01' });
    expect(outside.deleted).toBe(0);
    const onlyB = await refreshSellerDays(db, { from: '2026-03-01', to: '2026-03-31', sellerIds: ['b'] });
    expect(onlyB).toEqual({ deleted: 1, written: 0 });
    const onlyA = await refreshSellerDays(db, {
      from: '2026-03-01',
      to: '2026-03-31',
      sellerIds: ['a', 'a'],
    });
    expect(onlyA).toEqual({ deleted: 1, written: 1 });
    expect((await days()).map((r) => `${r.seller_id} ${r.date} ${r.source}`)).toEqual([
      'a 2026-03-01 order_lines',
      'b 2026-03-01 import',
    ]);
  });

  it('does nothing for an empty seller list and refuses bad ranges', async () => {
    expect(await refreshSellerDays(db, { from: '2026-03-01', to: '2026-03-31', sellerIds: [] })).toEqual({
      deleted: 0,
      written: 0,
    });
    await expect(refreshSellerDays(db, { from: '2026-03-31', to: '2026-03-01' })).rejects.toThrow(UserError);
    await expect(refreshSellerDays(db, { from: '2026-02-30', to: '2026-03-01' })).rejects.toThrow(
      /YYYY-MM-DD/,
    );
  });

  it('brings the days of an import of new orders up to date from its lines alone, as a full refresh would', async () => {
    await db.exec(`UPDATE order_lines SET import_id = 'first'`);
    await refreshSellerDays(db, { from: '2026-03-01', to: '2026-03-31' });
    // New orders: u1 already bought from a on 03-01, u3 did not; b's imported 03-01 gets its first
    // line; b's 03-03 gets a line without buyer again; c is a new seller-day.
    await db.exec(`
      INSERT INTO order_lines (order_id, line_no, ordered_at, order_date, status, seller_id, quantity, amount,
        refund_amount, buyer_id, channel, import_id) VALUES
        ('n1', 1, '2026-03-01 13:00:00+00', '2026-03-01', 'completed', 'a', 1, 3.00, 0, 'u1', 'live', 'second'),
        ('n1', 2, '2026-03-01 13:00:00+00', '2026-03-01', 'completed', 'a', 2, 4.00, 1.00, 'u1', 'live', 'second'),
        ('n2', 1, '2026-03-01 14:00:00+00', '2026-03-01', 'cancelled', 'a', 1, 6.00, 0, 'u3', 'video', 'second'),
        ('n3', 1, '2026-03-01 15:00:00+00', '2026-03-01', 'completed', 'b', 1, 8.00, 0, 'u4', 'product_card', 'second'),
        ('n4', 1, '2026-03-03 10:00:00+00', '2026-03-03', 'completed', 'b', 1, 2.00, 0, NULL, 'other', 'second'),
        ('n5', 1, '2026-03-05 10:00:00+00', '2026-03-05', 'completed', 'c', 1, 9.00, 0, 'u1', 'other', 'second')`);
    await addAppendedLines(db, 'second');
    const appended = await days();
    expect(appended.find((r) => r.seller_id === 'b' && r.date === '2026-03-01')).toMatchObject({ source: 'order_lines', gmv: 8, visitors: 400 });
    await refreshSellerDays(db, { from: '2026-03-01', to: '2026-03-31' });
    expect(appended).toEqual(await days());
  });
});
