import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../db/database.ts';
import { parseOne } from './evaluate-parser.ts';
import { parseNumberSql } from './parse-number.ts';

let db: Database;
beforeAll(async () => {
  db = await Database.open(':memory:');
});
afterAll(() => db.close());

describe('parseNumberSql', () => {
  it.each([
    ['1234.5', 1234.5],
    ['  42  ', 42],
    ['.5', 0.5],
    ['1.2E+05', 120000],
    ['1,234.50', 1234.5],
    ['1,234,567.25', 1234567.25],
    ['1.234,50', 1234.5],
    ['1.234.567,25', 1234567.25],
    ['1 234,50', 1234.5],
    ['1\u00a0234,50', 1234.5],
    ['1\u2009234,50', 1234.5],
    ['1\u202f234 567', 1234567],
    ["1'234.50", 1234.5],
    ['1\u2019234.50', 1234.5],
    ['\u00a012.5\u00a0', 12.5],
  ])('reads thousands separators and either decimal mark: %j → %d', async (raw, expected) => {
    expect(await parseOne(db, parseNumberSql, raw)).toEqual([expected, null]);
  });

  it.each([
    ['1,234', 1234],
    ['1,234,567', 1234567],
    ['1,5', 1.5],
    ['12,34', 12.34],
    ['0,125', 0.125],
    ['1234,5', 1234.5],
    ['1.234', 1.234],
    ['1.234.567', 1234567],
    ['1.234,5', 1234.5],
    ['Rp 15.000', 15000],
    ['15.000 VND', 15000],
  ])('decides a lone separator by the documented rule: %j → %d', async (raw, expected) => {
    expect(await parseOne(db, parseNumberSql, raw)).toEqual([expected, null]);
  });

  it.each([
    ['-12', -12],
    ['+12', 12],
    ['\u221212', -12],
    ['(12)', -12],
    ['( 1,234.50 )', -1234.5],
    ['-$12', -12],
    ['$-12', -12],
    ['($12.50)', -12.5],
    ['$(12.50)', -12.5],
    ['(RM 12.50)', -12.5],
  ])('reads negatives, including accounting parentheses: %j → %d', async (raw, expected) => {
    expect(await parseOne(db, parseNumberSql, raw)).toEqual([expected, null]);
  });

  it.each([
    ['$12', 12],
    ['US$ 1,234.50', 1234.5],
    ['Rp 1.234.567', 1234567],
    ['Rp. 1.234.567', 1234567],
    ['rp1.234.567', 1234567],
    ['IDR 1.234.567', 1234567],
    ['¥1,234', 1234],
    ['￥1,234', 1234],
    ['€ 1.234,56', 1234.56],
    ['1.234,56 €', 1234.56],
    ['RM 12.50', 12.5],
    ['12.50 MYR', 12.5],
    ['12MYR', 12],
    ['฿1,000', 1000],
    ['1,000 THB', 1000],
    ['₫1.000.000', 1000000],
    ['1.000.000 ₫', 1000000],
    ['1.000.000đ', 1000000],
    ['₱1,234.5', 1234.5],
    ['S$12', 12],
    ['SGD 12', 12],
    ['12元', 12],
  ])('ignores currency symbols and codes around the number: %j → %d', async (raw, expected) => {
    expect(await parseOne(db, parseNumberSql, raw)).toEqual([expected, null]);
  });

  it.each([
    ['1.2K', 1200],
    ['1.2k', 1200],
    ['1.1K', 1100],
    ['3.4M', 3400000],
    ['3.4 m', 3400000],
    ['2B', 2000000000],
    ['2 bn', 2000000000],
    ['1.2万', 12000],
    ['3亿', 300000000],
    ['1.5w', 15000],
    ['1.5W', 15000],
    ['2千', 2000],
    ['5 rb', 5000],
    ['1,2 jt', 1200000],
    ['¥1.2万', 12000],
    ['1.2万元', 12000],
    ['$1.5K', 1500],
    ['1.5K USD', 1500],
    ['12 MYR', 12],
    ['12 KRW', 12],
  ])('applies magnitude suffixes exactly, never to a currency code: %j → %d', async (raw, expected) => {
    expect(await parseOne(db, parseNumberSql, raw)).toEqual([expected, null]);
  });

  it('keeps float noise for plain numbers (money rounds it)', async () => {
    const [value] = await parseOne(db, parseNumberSql, '11674555.880000001');
    expect(value).toBeCloseTo(11674555.88, 6);
  });

  it.each([
    'abc',
    '12USD34',
    '1 2',
    '1,23,4',
    '1.2.3',
    '1.2KUSD',
    '3.4%',
    '--12',
    '(12',
    '12)',
    'inf',
    'NaN',
    '0x1F',
    '1_000',
    '12-',
    '$',
  ])('refuses %j as not a number', async (raw) => {
    expect(await parseOne(db, parseNumberSql, raw)).toEqual([null, 'not a number']);
  });
});
