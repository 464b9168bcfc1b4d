import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../db/database.ts';
import { parseOne } from './evaluate-parser.ts';
import { parseIntegerSql } from './parse-integer.ts';

let db: Database;
beforeAll(async () => {
  db = await Database.open(':memory:');
});
afterAll(() => db.close());

describe('parseIntegerSql', () => {
  it.each([
    ['1229', 1229],
    ['00012', 12],
    ['-12', -12],
    ['(12)', -12],
    ['1,234', 1234],
    ['1,234,567', 1234567],
    ['1.234.567', 1234567],
    ['1 234 567', 1234567],
    ["1'234", 1234],
    ['Rp 1.234.567', 1234567],
    ['999999999999999', 999999999999999],
    ['999,999,999,999,999', 999999999999999],
  ])('reads whole numbers with thousands groups: %j → %d', async (raw, expected) => {
    expect(await parseOne(db, parseIntegerSql, raw)).toEqual([expected, null]);
  });

  it.each([
    ['1.234', 1234],
    ['-1.234', -1234],
    ['12.0', 12],
    ['1229.0000000001', 1229],
    ['1.2E+05', 120000],
    ['1.2K', 1200],
    ['1.2万', 12000],
    ['3亿', 300000000],
    ['1.5w', 15000],
    ['2B', 2000000000],
  ])('reads what Excel and Chinese tools make of counts: %j → %d', async (raw, expected) => {
    expect(await parseOne(db, parseIntegerSql, raw)).toEqual([expected, null]);
  });

  it.each([
    ['1.5', 'not a whole number'],
    ['1,5', 'not a whole number'],
    ['1,234.50', 'not a whole number'],
    ['1.2345K', 'not a whole number'],
    ['0,125', 'not a whole number'],
    ['2000000000000B', 'number out of range'],
    ['9007199254740993', 'number out of range'],
    ['1,000,000,000,000,000', 'number out of range'],
    ['abc', 'not a number'],
    ['3.4%', 'not a number'],
    ['1 2', 'not a number'],
  ])('refuses %j: %s', async (raw, message) => {
    expect(await parseOne(db, parseIntegerSql, raw)).toEqual([null, message]);
  });
});
