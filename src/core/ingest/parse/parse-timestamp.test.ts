import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../db/database.ts';
import { parseOne } from './evaluate-parser.ts';
import { NOT_A_TIMESTAMP, parseTimestampSql } from './parse-timestamp.ts';
import type { ParseContext } from './types.ts';

let db: Database;
beforeAll(async () => {
  db = await Database.open(':memory:');
});
afterAll(() => db.close());

const JAKARTA: ParseContext = { dateOrder: null, year: null, timezone: 'Asia/Jakarta' };
const read = (raw: string, ctx: ParseContext = JAKARTA) =>
  parseOne(db, (r) => parseTimestampSql(r, ctx), raw);

describe('parseTimestampSql', () => {
  it.each([
    ['2026-11-23 20:15:00', '2026-11-23T13:15:00.000Z'],
    ['2026-11-23 20:15', '2026-11-23T13:15:00.000Z'],
    ['2026-11-23T20:15:00', '2026-11-23T13:15:00.000Z'],
    ['2026-11-23 20:15:00.250', '2026-11-23T13:15:00.250Z'],
    ['2026/11/23 20:15', '2026-11-23T13:15:00.000Z'],
    ['2026/1/5 8:05', '2026-01-05T01:05:00.000Z'],
    ['23/11/2026 20:15:30', '2026-11-23T13:15:30.000Z'],
    ['23.11.2026 20:15', '2026-11-23T13:15:00.000Z'],
    ['11/23/2026 20:15', '2026-11-23T13:15:00.000Z'],
    ['2026-11-23 8:05 PM', '2026-11-23T13:05:00.000Z'],
    ['2026-11-23 8:05PM', '2026-11-23T13:05:00.000Z'],
    ['2026-11-23 8:05:30 pm', '2026-11-23T13:05:30.000Z'],
    ['2026-11-23 12:05 AM', '2026-11-22T17:05:00.000Z'],
    ['Nov 23, 2026 8:05 PM', '2026-11-23T13:05:00.000Z'],
    ['23 Nov 2026 20:15', '2026-11-23T13:15:00.000Z'],
    ['2026年11月23日 20:15', '2026-11-23T13:15:00.000Z'],
    ['2026-11-23', '2026-11-22T17:00:00.000Z'],
    ['23/11/2026', '2026-11-22T17:00:00.000Z'],
  ])('reads %j as a wall-clock time in the import zone → %j', async (raw, expected) => {
    expect(await read(raw)).toEqual([expected, null]);
  });

  it.each([
    ['2026-11-23T20:15:00Z', '2026-11-23T20:15:00.000Z'],
    ['2026-11-23T20:15:00.000Z', '2026-11-23T20:15:00.000Z'],
    ['2026-11-23T20:15:00+07:00', '2026-11-23T13:15:00.000Z'],
    ['2026-11-23 20:15:00+0700', '2026-11-23T13:15:00.000Z'],
    ['2026-11-23 20:15:00 UTC', '2026-11-23T20:15:00.000Z'],
    ['1763900000', '2025-11-23T12:13:20.000Z'],
    ['1763900000123', '2025-11-23T12:13:20.123Z'],
  ])('reads written offsets and epochs as absolute instants: %j → %j', async (raw, expected) => {
    expect(await read(raw)).toEqual([expected, null]);
  });

  it.each([
    ['45987.84375', '2025-11-26T13:15:00.000Z'],
    ['45987', '2025-11-25T17:00:00.000Z'],
  ])('reads Excel serials with a fraction of a day (to the second): %j → %j', async (raw, expected) => {
    expect(await read(raw)).toEqual([expected, null]);
  });

  it('follows the zone’s daylight-saving rules rather than a fixed offset', async () => {
    const berlin: ParseContext = { ...JAKARTA, timezone: 'Europe/Berlin' };
    expect(await read('2026-07-01 12:00', berlin)).toEqual(['2026-07-01T10:00:00.000Z', null]);
    expect(await read('2026-01-01 12:00', berlin)).toEqual(['2026-01-01T11:00:00.000Z', null]);
  });

  it.each<[string, Partial<ParseContext>, string]>([
    ['03/04/2025 10:00', { dateOrder: 'dmy' }, '2025-04-03T03:00:00.000Z'],
    ['11-23 20:15', { year: 2026 }, '2026-11-23T13:15:00.000Z'],
    ['Nov 23 8:05 PM', { year: 2026 }, '2026-11-23T13:05:00.000Z'],
  ])('uses --date-order and --year: %j with %j → %j', async (raw, options, expected) => {
    expect(await read(raw, { ...JAKARTA, ...options })).toEqual([expected, null]);
  });

  it.each([
    ['03/04/2025 10:00', 'ambiguous date: pass --date-order dmy or mdy'],
    ['11-23 20:15', 'date without a year: pass --year'],
    ['2026-02-30 10:00', 'no such date or time'],
    ['2026-11-23 24:00', NOT_A_TIMESTAMP],
    ['2026-11-23 13:05 PM', NOT_A_TIMESTAMP],
    ['2026-11-23T20:15:00+25:00', NOT_A_TIMESTAMP],
    ['20:15', NOT_A_TIMESTAMP],
    ['yesterday 8pm', NOT_A_TIMESTAMP],
  ])('refuses %j: %s', async (raw, message) => {
    expect(await read(raw)).toEqual([null, message]);
  });
});
