import { describe, expect, it } from 'vitest';
import { fixturePath, stagedRows, withStage } from '../../../../test/fixtures/read-stage.ts';
import { isUserError } from '../../shared/errors.ts';
import { KINDS, type ImportKind } from '../kinds/index.ts';
import { detectHeaderRow } from '../match/detect-header-row.ts';
import { matchColumns } from '../match/match-columns.ts';
import { readImportFile } from './read-import-file.ts';

/** Reads a fixture, then finds its header and matches its columns, as the import does. */
async function readFixture(name: string, kind: ImportKind) {
  return withStage(async (target) => {
    const staged = await readImportFile(target, fixturePath(name), { kind: KINDS[kind] });
    const header = detectHeaderRow(staged.head, KINDS[kind]);
    const matching = matchColumns(header.headers, KINDS[kind]);
    return { staged, header, matching, rows: await stagedRows(target) };
  });
}

describe('fixtures: exports as they arrive', () => {
  it('orders-platform.csv: the platform order export', async () => {
    const { staged, header, matching, rows } = await readFixture('orders-platform.csv', 'orders');
    expect(staged).toMatchObject({ columnCount: 23, rowCount: 7, delimiter: ',', encoding: 'utf-8' });
    expect(header.headerRow).toBe(1);
    expect(matching.missingRequired).toEqual([]);
    expect(matching.mapping).toMatchObject({
      'Order ID': 'order_id',
      'SKU Subtotal After Discount': 'amount',
      'Created Time': 'ordered_at',
      'Order Refund Amount': 'refund_amount',
    });
    expect(matching.ignored).toContain('Order Amount');
    expect(matching.mapping['SKU Unit Original Price']).toBe('unit_price');
    expect(rows[1]?.slice(0, 8)).toEqual([
      2,
      '578123400000000101',
      'Completed',
      'Completed',
      null,
      '1729384756102938475',
      'GL-SER-30',
      'Serum Vitamin C 30ml, brightening',
    ]);
    expect(rows[4]?.[2]).toBe('Cancelled');
    expect(rows[5]?.slice(6, 8)).toEqual(['RR-RAK-3', 'Rak "Minimalis" 3 susun']);
    expect(rows[5]?.[17]).toBe('144000');
    expect(rows[6]?.[0]).toBe(7);
  });

  it('live-list-with-title-rows.xlsx: title rows, a summary sheet in front, durations and dates', async () => {
    const { staged, header, matching, rows } = await readFixture(
      'live-list-with-title-rows.xlsx',
      'livestreams',
    );
    expect(staged).toMatchObject({
      sheet: 'LIVE list',
      sheets: ['Summary', 'LIVE list'],
      columnCount: 21,
      rowCount: 8,
    });
    expect(header).toMatchObject({ headerRow: 3, headerRowCount: 1 });
    expect(matching.missingRequired).toEqual([]);
    expect(matching.ignored).toEqual(['CTR']);
    expect(rows.slice(0, 2)).toEqual([
      [1, 'LIVE data 2026-11-01 ~ 2026-11-07'],
      [2, 'Data is for reference only. Times are in UTC+7.'],
    ]);
    expect(rows[3]?.slice(0, 7)).toEqual([
      4,
      '7301234567890123456',
      'glowlab.id',
      'Glow Lab Official',
      '2026-11-01T19:30:00',
      '1h 2m 3s',
      '12500000',
    ]);
    expect(rows[3]?.[21]).toBe('0.1889');
    expect(rows[5]?.slice(4, 7)).toEqual(['2026-11-04T12:15:00', '1:15:00', '4350000']);
  });

  it('livestreams-chinese.csv: Chinese headers, 万 values and Chinese durations', async () => {
    const { staged, matching, rows } = await readFixture('livestreams-chinese.csv', 'livestreams');
    expect(staged).toMatchObject({ columnCount: 17, rowCount: 4, encoding: 'utf-8' });
    expect(matching.mapping).toMatchObject({
      开播时间: 'started_at',
      直播时长: 'duration_s',
      观看人次: 'views',
      观看人数: 'viewers',
      '销售额（元）': 'gmv',
      店铺名称: 'seller_name',
      主播: 'host',
    });
    expect(matching.ignored).toEqual(['客单价']);
    expect(rows[0]?.[1]).toBe('主播');
    expect(rows[1]).toEqual([
      2,
      '小林',
      '花间美妆旗舰店',
      '双十一护肤专场',
      '2026-11-01 20:00:00',
      '2小时5分钟3秒',
      '1.2万',
      '8650',
      '1523',
      '412',
      '35,680.50',
      '1208',
      '3.4万',
      '2156',
      '389',
      '512',
      '29.54',
      '1分35秒',
    ]);
  });

  it('seller-daily-semicolon.csv: Excel in a European locale (Windows-1252, CRLF, ";", 1.234,50)', async () => {
    const { staged, matching, rows } = await readFixture('seller-daily-semicolon.csv', 'seller_daily');
    expect(staged).toMatchObject({ columnCount: 12, rowCount: 4, delimiter: ';', encoding: 'windows-1252' });
    expect(matching.missingRequired).toEqual([]);
    expect(rows[1]?.slice(0, 4)).toEqual([2, '01.11.2026', 'Maison Café', '1.234,50']);
    expect(rows[3]?.slice(0, 3)).toEqual([4, '01.11.2026', 'Le 1€ Shop']);
    expect(rows[3]?.[9]).toBeNull();
  });

  it('sellers-serial-dates.xlsx: numeric ids, leading-zero postal codes, real dates and serial numbers', async () => {
    const { matching, rows } = await readFixture('sellers-serial-dates.xlsx', 'sellers');
    expect(matching.missingRequired).toEqual([]);
    expect(matching.mapping['Postal code']).toBe('postal_code');
    expect(rows.map((r) => [r[0], r[1], r[8], r[11]])).toEqual([
      [1, 'Seller ID', 'Postal code', 'Onboarded at'],
      [2, '7493820165', '01234', '2025-03-14'],
      [3, '7493820166', '40115', '45962'],
      [4, '7493820170', '00780', '2024-07-01T09:30:00'],
    ]);
    expect(rows[3]?.[15]).toBe('4.15');
  });

  it('livestream-minutes.csv and products.csv', async () => {
    const minutes = await readFixture('livestream-minutes.csv', 'livestream_minutes');
    expect(minutes.staged).toMatchObject({ columnCount: 10, rowCount: 11 });
    expect(minutes.matching.missingRequired).toEqual([]);
    expect(minutes.rows[10]).toEqual([
      11,
      'LIVE-20261101-001',
      '9',
      '285',
      '121',
      '669',
      '39',
      '9',
      '44',
      '0',
      '0',
    ]);
    const products = await readFixture('products.csv', 'products');
    expect(products.matching.missingRequired).toEqual([]);
    expect(products.rows[1]?.slice(0, 3)).toEqual([
      2,
      '1729384756102938475',
      'Serum Vitamin C 30ml, brightening',
    ]);
    expect(products.rows[3]?.[7]).toBe('Sold out');
  });

  it('header-only.csv reads as one row', async () => {
    const { staged, rows } = await readFixture('header-only.csv', 'orders');
    expect(staged).toMatchObject({ rowCount: 1, columnCount: 4 });
    expect(rows).toEqual([[1, 'Order ID', 'Created Time', 'Shop Name', 'SKU Subtotal After Discount']]);
  });
});

describe('fixtures: broken files are refused with a message that names them', () => {
  it.each([
    ['empty.csv', /empty\.csv is empty \(0 bytes\)/],
    ['garbage.csv', /garbage\.csv does not look like a CSV file: it contains binary data/],
    ['truncated.xlsx', /truncated\.xlsx is truncated or damaged/],
    ['wide-5000-columns.csv', /wide-5000-columns\.csv: row 1 has more than 1,000 columns/],
    ['missing.csv', /missing\.csv: file not found/],
  ])('%s', async (name, message) => {
    const error: unknown = await readFixture(name, 'orders').catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect(String(error)).toMatch(message);
    expect(isUserError(error) && error.hint).toBeTruthy();
  });

  it('refuses formats it does not read, by extension', async () => {
    await expect(readFixture('export.xls', 'orders')).rejects.toThrow(/legacy Excel \(\.xls\)/);
    await expect(readFixture('export.json', 'orders')).rejects.toThrow(/cannot import \.json files/);
  });
});
