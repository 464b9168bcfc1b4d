import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../db/database.ts';
import { parseOne } from './evaluate-parser.ts';
import { parseDurationSql } from './parse-duration.ts';

let db: Database;
beforeAll(async () => {
  db = await Database.open(':memory:');
});
afterAll(() => db.close());

const NOT_A_DURATION = 'not a duration (expected e.g. 01:23:45, 1h 23m 45s or 5025 seconds)';

describe('parseDurationSql', () => {
  it.each([
    ['5025', 5025],
    [' 5025 ', 5025],
    ['45.5', 46],
    ['01:23:45', 5025],
    ['1:23:45', 5025],
    ['25:10:00', 90600],
    ['01:23:45.4', 5025],
    ['83:20', 5000],
    ['0:45', 45],
  ])('reads seconds and clock forms (two parts are minutes:seconds): %j → %d', async (raw, expected) => {
    expect(await parseOne(db, parseDurationSql, raw)).toEqual([expected, null]);
  });

  it.each([
    ['1h 23m 45s', 5025],
    ['1h23m', 4980],
    ['83m', 4980],
    ['45s', 45],
    ['1.5h', 5400],
    ['1H 23M', 4980],
    ['1 hr 23 min', 4980],
    ['1 hrs 2 mins 3 secs', 3723],
    ['2 hours 5 minutes 3 seconds', 7503],
    ['1 hour', 3600],
    ['1h 23min 45sec', 5025],
  ])('reads English unit forms: %j → %d', async (raw, expected) => {
    expect(await parseOne(db, parseDurationSql, raw)).toEqual([expected, null]);
  });

  it.each([
    ['1小时23分45秒', 5025],
    ['2小时5分钟3秒', 7503],
    ['23分钟', 1380],
    ['1分35秒', 95],
    ['1小時', 3600],
    ['45秒', 45],
    ['1 jam 23 menit', 4980],
    ['1 jam 23 menit 45 detik', 5025],
    ['1,5 jam', 5400],
    ['23 mnt', 1380],
  ])('reads Chinese and Indonesian unit forms: %j → %d', async (raw, expected) => {
    expect(await parseOne(db, parseDurationSql, raw)).toEqual([expected, null]);
  });

  it.each([
    '1:60',
    '1:2:3:4',
    '1m 1h',
    '1h 1h',
    '3 mon',
    '3 months',
    '1 d',
    '2 days',
    '-5',
    'abc',
    '1h 23x',
    '12:34:56 PM',
  ])('refuses %j', async (raw) => {
    expect(await parseOne(db, parseDurationSql, raw)).toEqual([null, NOT_A_DURATION]);
  });
});
