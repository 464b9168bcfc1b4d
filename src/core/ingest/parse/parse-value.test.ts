import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { UserError } from '../../shared/errors.ts';
import { evaluateParser } from './evaluate-parser.ts';
import { parseValueSql } from './parse-value.ts';
import { VALUE_TYPES, type ParseContext } from './types.ts';

let db: Database;
beforeAll(async () => {
  db = await Database.open(':memory:');
});
afterAll(() => db.close());

const CTX: ParseContext = { dateOrder: null, year: null, timezone: 'Asia/Jakarta' };
const BLANKS = [
  '',
  ' ',
  '\u00a0',
  '\t',
  '-',
  '--',
  '—',
  'N/A',
  'n/a',
  'NA',
  'null',
  'NULL',
  'none',
  '#N/A',
  ' - ',
  null,
];
const HOSTILE = "'); DROP TABLE canary; --";

describe('parseValueSql', () => {
  it.each(VALUE_TYPES)('reads every blank as NULL without an error, never 0 (%s)', async (type) => {
    const rows = await evaluateParser(db, (raw) => parseValueSql(type, raw, CTX), BLANKS);
    expect(rows.map((r) => [r.value, r.error])).toEqual(BLANKS.map(() => [null, null]));
  });

  it.each(VALUE_TYPES)('keeps a hostile raw value a value (%s)', async (type) => {
    await db.exec('CREATE OR REPLACE TABLE canary (x INTEGER)');
    const rows = await evaluateParser(db, (raw) => parseValueSql(type, raw, CTX), [HOSTILE]);
    const expected = type === 'text' || type === 'id' ? { value: HOSTILE, error: null } : { value: null };
    expect(rows[0]).toMatchObject(expected);
    if (type !== 'text' && type !== 'id') expect(rows[0]?.error).toEqual(expect.any(String));
    expect(await db.query(sql`SELECT count(*) AS n FROM canary`)).toEqual([{ n: 0 }]);
  });

  it.each(VALUE_TYPES)(
    'sets an error only where the value is NULL, so callers may skip it elsewhere (%s)',
    async (type) => {
      const samples = [
        '3.4',
        '3.4%',
        '1.234',
        '1.5',
        '1e400',
        '99999999999999999',
        '2000000000000B',
        '03/04/2025',
        '11-23',
        '2026-02-30',
        '1.72988E+18',
        'maybe',
        '1:60',
        'abc',
        '12',
        '1,234',
        'Rp 15.000',
        '2026-11-23 20:15',
        '45987',
      ];
      const rows = await evaluateParser(db, (raw) => parseValueSql(type, raw, CTX), samples);
      expect(rows.filter((r) => r.error !== null && r.value !== null)).toEqual([]);
    },
  );

  it('parses a whole staging table in one SELECT, each column to its DuckDB type', async () => {
    await db.exec(`CREATE OR REPLACE TABLE stage (row_no INTEGER, c1 VARCHAR, c2 VARCHAR, c3 VARCHAR, c4 VARCHAR,
      c5 VARCHAR, c6 VARCHAR, c7 VARCHAR, c8 VARCHAR, c9 VARCHAR, c10 VARCHAR);
      INSERT INTO stage VALUES (1, ' Toko ', '00123', '1.2万', '1,234.5', 'Rp 15.000', '3.4%', '1小时23分', '23/11/2026',
        '2026-11-23 20:15', 'ya'), (2, 'x', 'x', 'abc', 'abc', 'abc', 'abc', 'abc', 'abc', 'abc', 'abc');`);
    const columns = VALUE_TYPES.map((type, i) => {
      const { value, error } = parseValueSql(type, sql.ident(`c${i + 1}`), CTX);
      return sql`${value} AS ${sql.ident(`${type}_value`)}, ${error} AS ${sql.ident(`${type}_error`)}`;
    });
    const types = await db.query<{ column_name: string; column_type: string }>(
      sql`SELECT column_name, column_type FROM (DESCRIBE SELECT ${sql.join(columns)} FROM stage) WHERE column_name LIKE '%_value'`,
    );
    expect(types.map((t) => t.column_type)).toEqual([
      'VARCHAR',
      'VARCHAR',
      'BIGINT',
      'DOUBLE',
      'DECIMAL(18,2)',
      'DOUBLE',
      'INTEGER',
      'DATE',
      'TIMESTAMP WITH TIME ZONE',
      'BOOLEAN',
    ]);
    const [good, bad] = await db.query(sql`SELECT ${sql.join(columns)} FROM stage ORDER BY row_no`);
    expect(good).toMatchObject({
      text_value: 'Toko',
      id_value: '00123',
      integer_value: 12000,
      number_value: 1234.5,
      money_value: 15000,
      rate_value: 0.034,
      duration_value: 4980,
      date_value: '2026-11-23',
      timestamp_value: '2026-11-23T13:15:00.000Z',
      boolean_value: true,
    });
    expect(Object.entries(good ?? {}).filter(([k, v]) => k.endsWith('_error') && v !== null)).toEqual([]);
    expect(bad).toMatchObject({
      integer_error: 'not a number',
      date_error: expect.stringMatching(/^not a date/),
    });
  });

  it('binds the time zone and year as parameters and keeps the raw column an expression', () => {
    const { value, error } = parseValueSql('timestamp', sql.ident('c3'), {
      dateOrder: 'dmy',
      year: 2026,
      timezone: 'Asia/Jakarta',
    });
    for (const query of [value.toQuery(), error.toQuery()]) {
      expect(query.text).toContain('"c3"');
      expect(query.text).not.toContain('Asia/Jakarta');
      expect(query.values).toContain('Asia/Jakarta');
      expect(query.values).toContain('2026');
    }
  });

  it('refuses a context that would fail deep inside DuckDB', () => {
    expect(() => parseValueSql('timestamp', sql.ident('c'), { ...CTX, timezone: 'Mars/Olympus' })).toThrow(
      UserError,
    );
    expect(() => parseValueSql('date', sql.ident('c'), { ...CTX, year: 26 })).toThrow(UserError);
    expect(() => parseValueSql('date', sql.ident('c'), { ...CTX, year: 2026.5 })).toThrow(/year/);
  });
});
