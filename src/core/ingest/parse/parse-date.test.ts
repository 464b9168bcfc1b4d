import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../db/database.ts';
import { parseOne } from './evaluate-parser.ts';
import { NOT_A_DATE, parseDateSql } from './parse-date.ts';
import type { ParseContext } from './types.ts';

let db: Database;
beforeAll(async () => {
  db = await Database.open(':memory:');
});
afterAll(() => db.close());

const STRICT: ParseContext = { dateOrder: null, year: null, timezone: 'Asia/Jakarta' };
const read = (raw: string, ctx: ParseContext = STRICT) => parseOne(db, (r) => parseDateSql(r, ctx), raw);

describe('parseDateSql', () => {
  it.each([
    ['2026-11-23', '2026-11-23'],
    [' 2026-11-23 ', '2026-11-23'],
    ['2026/11/23', '2026-11-23'],
    ['2026/1/5', '2026-01-05'],
    ['2026.11.23', '2026-11-23'],
    ['2026-1-5', '2026-01-05'],
    ['20261123', '2026-11-23'],
    ['23/11/2026', '2026-11-23'],
    ['11/23/2026', '2026-11-23'],
    ['23.11.2026', '2026-11-23'],
    ['23-11-2026', '2026-11-23'],
    ['5/1/2026', null],
    ['03/03/2025', '2025-03-03'],
    ['Nov 23, 2026', '2026-11-23'],
    ['November 23, 2026', '2026-11-23'],
    ['nov 23 2026', '2026-11-23'],
    ['23 Nov 2026', '2026-11-23'],
    ['23 November 2026', '2026-11-23'],
    ['23-Nov-2026', '2026-11-23'],
    ['May 5, 2026', '2026-05-05'],
    ['2026年11月23日', '2026-11-23'],
    ['2026年1月5日', '2026-01-05'],
  ])('reads %j as %j (null: ambiguous without --date-order)', async (raw, expected) => {
    const [value] = await read(raw);
    expect(value).toBe(expected);
  });

  it.each([
    ['2026-11-23T00:00:00.000Z', '2026-11-23'],
    ['2026-11-23 00:00:00', '2026-11-23'],
    ['2026-11-23T23:30:00-05:00', '2026-11-23'],
    ['2026-11-23T01:30:00+07:00', '2026-11-23'],
    ['2026-11-23 20:15', '2026-11-23'],
    ['2026/11/23 20:15', '2026-11-23'],
    ['2026-11-23 8:05 PM', '2026-11-23'],
    ['23/11/2026 20:15:30', '2026-11-23'],
    ['Nov 23, 2026 8:05 PM', '2026-11-23'],
    ['2026年11月23日 20:15', '2026-11-23'],
  ])('takes the written date of a value with a time: %j → %j', async (raw, expected) => {
    expect(await read(raw)).toEqual([expected, null]);
  });

  it.each([
    ['45987', '2025-11-26'],
    ['45987.5', '2025-11-26'],
    ['25569', '1970-01-01'],
    ['1763900000', '2025-11-23'],
    ['1763920000', '2025-11-24'],
    ['1763900000123', '2025-11-23'],
  ])('reads Excel serials and epochs (epochs in the import zone): %j → %j', async (raw, expected) => {
    expect(await read(raw)).toEqual([expected, null]);
  });

  it.each<[string, Partial<ParseContext>, string]>([
    ['03/04/2025', { dateOrder: 'dmy' }, '2025-04-03'],
    ['03/04/2025', { dateOrder: 'mdy' }, '2025-03-04'],
    ['23/11/2026', { dateOrder: 'mdy' }, '2026-11-23'],
    ['11-23', { year: 2026 }, '2026-11-23'],
    ['23/11', { year: 2026 }, '2026-11-23'],
    ['11/05', { year: 2026, dateOrder: 'dmy' }, '2026-05-11'],
    ['11/05', { year: 2026, dateOrder: 'mdy' }, '2026-11-05'],
    ['11-05', { year: 2026, dateOrder: 'ymd' }, '2026-11-05'],
    ['11-11', { year: 2026 }, '2026-11-11'],
    ['Nov 11', { year: 2026 }, '2026-11-11'],
    ['11 Nov', { year: 2026 }, '2026-11-11'],
    ['11月11日', { year: 2026 }, '2026-11-11'],
    ['11月23日 20:15', { year: 2026 }, '2026-11-23'],
  ])('uses --date-order and --year: %j with %j → %j', async (raw, options, expected) => {
    expect(await read(raw, { ...STRICT, ...options })).toEqual([expected, null]);
  });

  it.each([
    ['03/04/2025', STRICT, 'ambiguous date: pass --date-order dmy or mdy'],
    ['03/04/2025', { ...STRICT, dateOrder: 'ymd' }, 'ambiguous date: pass --date-order dmy or mdy'],
    ['11/05', { ...STRICT, year: 2026 }, 'ambiguous date: pass --date-order dmy or mdy'],
    ['11-23', STRICT, 'date without a year: pass --year'],
    ['11月11日', STRICT, 'date without a year: pass --year'],
    ['Nov 11', STRICT, 'date without a year: pass --year'],
    ['2026-02-30', STRICT, 'no such date'],
    ['31/02/2026', STRICT, 'no such date'],
    ['Feb 30, 2026', STRICT, 'no such date'],
    ['2026-13-01', STRICT, NOT_A_DATE],
    ['0000-00-00', STRICT, NOT_A_DATE],
    ['23/11/26', STRICT, NOT_A_DATE],
    ['2026-11-23 25:00', STRICT, NOT_A_DATE],
    ['12345', STRICT, NOT_A_DATE],
    ['Sept 23, 2026', STRICT, NOT_A_DATE],
    ['tomorrow', STRICT, NOT_A_DATE],
  ] as const)('refuses %j: %s', async (raw, ctx, message) => {
    expect(await read(raw, ctx)).toEqual([null, message]);
  });
});
