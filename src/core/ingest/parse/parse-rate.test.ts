import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../db/database.ts';
import { parseOne } from './evaluate-parser.ts';
import { parseRateSql } from './parse-rate.ts';

let db: Database;
beforeAll(async () => {
  db = await Database.open(':memory:');
});
afterAll(() => db.close());

const ABOVE_ONE = 'rate above 1: write 3.4% or 0.034';
const NOT_A_RATE = 'not a rate (expected e.g. 3.4% or 0.034)';

describe('parseRateSql', () => {
  it.each([
    ['3.4%', 0.034],
    ['0.15%', 0.0015],
    [' 12.5 % ', 0.125],
    ['3,4 %', 0.034],
    ['-1.5%', -0.015],
    ['150%', 1.5],
    ['1,234.5%', 12.345],
    ['0.034', 0.034],
    ['0,034', 0.034],
    ['1', 1],
    ['0', 0],
    ['-0.5', -0.5],
  ])('reads percentages and fractions as a fraction: %j → %d', async (raw, expected) => {
    expect(await parseOne(db, parseRateSql, raw)).toEqual([expected, null]);
  });

  it.each([
    ['3.4', ABOVE_ONE],
    ['12', ABOVE_ONE],
    ['1,5', ABOVE_ONE],
    ['-3', ABOVE_ONE],
    ['abc', NOT_A_RATE],
    ['$3', NOT_A_RATE],
    ['1.2K', NOT_A_RATE],
    ['3.4%%', NOT_A_RATE],
  ])('refuses %j: %s', async (raw, message) => {
    expect(await parseOne(db, parseRateSql, raw)).toEqual([null, message]);
  });
});
