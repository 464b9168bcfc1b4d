import { describe, expect, it } from 'vitest';
import { KINDS } from '../kinds/index.ts';
import { FUZZY_THRESHOLD, matchColumns } from './match-columns.ts';

const fields = (headers: string[], kind = KINDS.livestreams) =>
  matchColumns(headers, kind).columns.map((c) => c.field);

describe('matchColumns', () => {
  it('matches canonical names, labels and synonyms, case- space- and punctuation-insensitively', () => {
    const result = matchColumns(
      ['started_at', 'Creator', 'VIEWERS', 'Avg. Viewing Duration', 'Revenue (Rp)', 'UV'],
      KINDS.livestreams,
    );
    expect(result.columns.map((c) => [c.field, c.how])).toEqual([
      ['started_at', 'exact'],
      ['seller_name', 'synonym'],
      ['viewers', 'exact'],
      ['avg_view_duration_s', 'synonym'],
      ['gmv', 'synonym'],
      [null, 'none'],
    ]);
    expect(result.columns[0]?.confidence).toBe(1);
    expect(result.columns[4]?.confidence).toBeLessThan(result.columns[1]?.confidence ?? 0);
    expect(result.mapping).toEqual({
      started_at: 'started_at',
      Creator: 'seller_name',
      VIEWERS: 'viewers',
      'Avg. Viewing Duration': 'avg_view_duration_s',
      'Revenue (Rp)': 'gmv',
    });
    expect(result.ignored).toEqual(['UV']);
    expect(result.missingRequired).toEqual([]);
  });

  it('reads full-width and accented headers', () => {
    expect(fields(['開播時間', '开播时间', 'ＧＭＶ', 'Lượt xem'])).toEqual([
      null,
      'started_at',
      'gmv',
      'views',
    ]);
  });

  it('keeps bracketed words when they say which field, and drops them when they are a unit', () => {
    expect(fields(['GMV (LIVE)', 'GMV (Rp)'], KINDS.seller_daily)).toEqual(['live_gmv', 'gmv']);
  });

  it('gives a field to one column only: the better synonym wins, the other is ignored with a reason', () => {
    const result = matchColumns(
      ['Order Amount', 'Order ID', 'SKU Subtotal After Discount', 'Created Time', 'Paid Time'],
      KINDS.orders,
    );
    expect(result.columns.map((c) => c.field)).toEqual([null, 'order_id', 'amount', 'ordered_at', null]);
    expect(result.columns[0]?.reason).toBe('amount is taken by column "SKU Subtotal After Discount"');
    expect(result.ignored).toEqual(['Order Amount', 'Paid Time']);
  });

  it('guesses typos above the threshold only', () => {
    const result = matchColumns(['Viewrs', 'Likes count', 'Live GMV share', 'Shars'], KINDS.livestreams);
    expect(result.columns.map((c) => [c.field, c.how])).toEqual([
      ['viewers', 'fuzzy'],
      ['likes', 'fuzzy'],
      [null, 'none'],
      [null, 'none'],
    ]);
    for (const column of result.columns.filter((c) => c.how === 'fuzzy')) {
      expect(column.confidence).toBeGreaterThanOrEqual(0.8 * FUZZY_THRESHOLD);
      expect(column.confidence).toBeLessThan(0.85);
    }
  });

  it('lets --map override detection and ignore columns', () => {
    const result = matchColumns(['Start time', 'Host', 'Nama toko'], KINDS.livestreams, {
      Host: 'seller_name',
      'Nama toko': '',
    });
    expect(result.columns.map((c) => [c.field, c.how])).toEqual([
      ['started_at', 'synonym'],
      ['seller_name', 'user'],
      [null, 'user'],
    ]);
    expect(result.columns[2]?.reason).toBe('ignored by your mapping');
    expect(result.ignored).toEqual(['Nama toko']);
  });

  it('refuses a --map to an unknown column, an unknown field or one field twice', () => {
    expect(() => matchColumns(['Start time'], KINDS.livestreams, { Begin: 'started_at' })).toThrow(
      /no column "Begin"/,
    );
    expect(() => matchColumns(['Start time'], KINDS.livestreams, { 'Start time': 'begin' })).toThrow(
      /no field "begin"/,
    );
    expect(() => matchColumns(['A', 'B'], KINDS.livestreams, { A: 'gmv', B: 'gmv' })).toThrow(/two columns/);
  });

  it('applies a saved profile after --map, skipping entries that no longer fit', () => {
    const profile = { Tanggal: 'started_at', Toko: 'seller_name', Catatan: null, Old: 'removed_field' };
    const result = matchColumns(
      ['Tanggal', 'Toko', 'Catatan', 'Views'],
      KINDS.livestreams,
      { Toko: 'host' },
      profile,
    );
    expect(result.columns.map((c) => [c.field, c.how])).toEqual([
      ['started_at', 'profile'],
      ['host', 'user'],
      [null, 'profile'],
      ['views', 'exact'],
    ]);
  });

  it('lists missing required fields and one-of groups', () => {
    const result = matchColumns(['Views', ''], KINDS.livestreams);
    expect(result.missingRequired).toEqual(['started_at', 'seller_id or seller_name']);
    expect(result.columns[1]?.reason).toBe('blank header');
    expect(result.ignored).toEqual([]);
    expect(matchColumns(['Order ID', 'Order time', 'Shop', 'Price'], KINDS.orders).missingRequired).toEqual(
      [],
    );
  });
});
