import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../db/database.ts';
import { parseOne } from './evaluate-parser.ts';
import { parseIdSql, parseTextSql } from './parse-text.ts';

let db: Database;
beforeAll(async () => {
  db = await Database.open(':memory:');
});
afterAll(() => db.close());

describe('parseTextSql', () => {
  it.each([
    ['Toko Cantik', 'Toko Cantik'],
    ['  Toko Cantik  ', 'Toko Cantik'],
    ['\u00a0Toko\u00a0', 'Toko'],
    ['\tToko\r\n', 'Toko'],
    ['\ufeffToko', 'Toko'],
    ['007', '007'],
    ['a  b', 'a  b'],
  ])('trims %j to %j', async (raw, expected) => {
    expect(await parseOne(db, parseTextSql, raw)).toEqual([expected, null]);
  });
});

describe('parseIdSql', () => {
  it.each([
    ['00123', '00123'],
    [' 00123 ', '00123'],
    ['12345.0', '12345'],
    ['0012345.0', '0012345'],
    ['12345.00', '12345.00'],
    ['12345.5', '12345.5'],
    ['AB-1.0', 'AB-1.0'],
    ['SKU_9', 'SKU_9'],
    ['1729876543210987654', '1729876543210987654'],
  ])('keeps ids as text, undoing only Excel’s “.0”: %j → %j', async (raw, expected) => {
    expect(await parseOne(db, parseIdSql, raw)).toEqual([expected, null]);
  });

  it('refuses an id Excel wrote in exponent form, whose digits are lost', async () => {
    expect(await parseOne(db, parseIdSql, '1.72988E+18')).toEqual([
      null,
      'id in exponent form (Excel dropped its digits): export the column as text',
    ]);
  });
});
