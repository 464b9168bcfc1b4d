import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../db/database.ts';
import { parseOne } from './evaluate-parser.ts';
import { parseMoneySql } from './parse-money.ts';

let db: Database;
beforeAll(async () => {
  db = await Database.open(':memory:');
});
afterAll(() => db.close());

const AMBIGUOUS = 'ambiguous amount: write 1234 or 1.23 (thousands dot or three decimals?)';

describe('parseMoneySql', () => {
  it.each([
    ['1234.5', 1234.5],
    ['11674555.880000001', 11674555.88],
    ['1234.567', 1234.57],
    ['0,125', 0.13],
    ['-0,125', -0.13],
    ['1,234.50', 1234.5],
    ['1.234,56 €', 1234.56],
    ['(1,234.50)', -1234.5],
    ['$1.5K', 1500],
    ['1.2万', 12000],
    ['3.4M', 3400000],
    ['0.125', 0.13],
  ])('rounds to cents exactly: %j → %d', async (raw, expected) => {
    expect(await parseOne(db, parseMoneySql, raw)).toEqual([expected, null]);
  });

  it.each([
    ['Rp 15.000', 15000],
    ['Rp15.000', 15000],
    ['IDR 15.000', 15000],
    ['15.000 VND', 15000],
    ['₫ 1.000', 1000],
    ['-Rp 15.000', -15000],
  ])('reads a lone dot group as thousands in currencies without decimals: %j → %d', async (raw, expected) => {
    expect(await parseOne(db, parseMoneySql, raw)).toEqual([expected, null]);
  });

  it.each([
    ['1.234', AMBIGUOUS],
    ['$1.234', AMBIGUOUS],
    ['-1.234', AMBIGUOUS],
    ['99999999999999999', 'number out of range'],
    ['abc', 'not a number'],
    ['12%', 'not a number'],
  ])('refuses %j: %s', async (raw, message) => {
    expect(await parseOne(db, parseMoneySql, raw)).toEqual([null, message]);
  });
});
