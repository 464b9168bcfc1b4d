// Property tests (fast-check) of the value parsers and the header detector: hostile or simply odd
// input never makes the SQL fail or the detector crash, and values written the ways exports write
// them read back exactly. Every property runs the real parser SQL in a real DuckDB, a batch of
// generated values per query.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { isUserError } from '../../shared/errors.ts';
import { KINDS, IMPORT_KINDS } from '../kinds/index.ts';
import { detectHeaderRow } from '../match/detect-header-row.ts';
import { parseValueSql } from './parse-value.ts';
import { VALUE_TYPES, type ParseContext } from './types.ts';

const CTX: ParseContext = { dateOrder: null, year: null, timezone: 'Asia/Jakarta' };
const SEED = 20261125;

/** Strings as exports contain them: any unicode, control characters, separators, digits, symbols. */
const oddString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...'0123456789.,- :/%$¥€฿₫RpKkMm万亿hms小时分秒eE+\u00a0\u202f\t\n\'"'.split('')), maxLength: 24 }),
  fc.constantFrom('', ' ', '-', '--', 'N/A', 'null', '#N/A', '1e309', '-0', '00:00:60', '2026-02-30', '9'.repeat(60), '\u0000', '=1+1'),
);

let db: Database;
beforeAll(async () => {
  db = await Database.open(':memory:');
});
afterAll(() => db.close());

/** Every type's value and error for `raws`, in one query. */
async function parseAll(raws: string[], ctx: ParseContext = CTX) {
  const columns = VALUE_TYPES.map((type) => {
    const parsed = parseValueSql(type, sql.ident('raw'), ctx);
    return sql`${parsed.value} AS ${sql.ident(`${type}_value`)}, ${parsed.error} AS ${sql.ident(`${type}_error`)}`;
  });
  const rows = sql.join(raws.map((raw, i) => sql`(${i}, CAST(${raw} AS VARCHAR))`));
  return db.query<Record<string, unknown>>(sql`SELECT raw, ${sql.join(columns)} FROM (VALUES ${rows}) AS t(i, raw) ORDER BY i`);
}

describe('value parsers on arbitrary input', () => {
  it('never fail as SQL, and give a value or a reason — never both — for every type', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(oddString, { minLength: 1, maxLength: 200 }), async (raws) => {
        const rows = await parseAll(raws);
        expect(rows).toHaveLength(raws.length);
        for (const row of rows) {
          for (const type of VALUE_TYPES) {
            const value = row[`${type}_value`];
            const error = row[`${type}_error`];
            if (value !== null && error !== null) throw new Error(`${type} of ${JSON.stringify(row.raw)} gave both ${String(value)} and "${String(error)}"`);
            if (error !== null && (typeof error !== 'string' || error.length === 0)) throw new Error(`${type}: empty reason`);
            if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`${type} of ${JSON.stringify(row.raw)} gave ${value}`);
          }
        }
      }),
      { numRuns: 12, seed: SEED },
    );
  });

  it('read blanks as empty, never as 0 and never as an error', async () => {
    const blank = fc.constantFrom('', ' ', '  ', '\u00a0', '\t', '-', '--', 'N/A', 'n/a', 'null', 'NULL', '#N/A', '\u2014');
    await fc.assert(
      fc.asyncProperty(fc.array(blank, { minLength: 1, maxLength: 40 }), async (raws) => {
        for (const row of await parseAll(raws)) {
          for (const type of VALUE_TYPES.filter((t) => t !== 'text' && t !== 'id')) {
            expect([row[`${type}_value`], row[`${type}_error`]], `${type} of ${JSON.stringify(row.raw)}`).toEqual([null, null]);
          }
        }
      }),
      { numRuns: 4, seed: SEED },
    );
  });
});

describe('values written the ways exports write them read back exactly', () => {
  const cents = fc.integer({ min: -99_999_999_999_99, max: 99_999_999_999_99 });
  const grouped = (value: number, locale: string) => value.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  it('numbers with thousands separators and either decimal mark', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(cents, { minLength: 1, maxLength: 150 }), fc.constantFrom('en-US', 'de-DE', 'fr-FR', 'de-CH'), async (values, locale) => {
        const raws = values.map((c) => grouped(c / 100, locale));
        const rows = await parseAll(raws);
        rows.forEach((row, i) => {
          expect(row.number_value, `${locale} ${String(row.raw)}`).toBe((values[i] ?? 0) / 100);
          expect(row.money_value, `${locale} ${String(row.raw)}`).toBe((values[i] ?? 0) / 100);
        });
      }),
      { numRuns: 8, seed: SEED },
    );
  });

  it('money with a currency symbol or code in front or behind', async () => {
    const amount = fc.integer({ min: 0, max: 9_999_999_99 });
    const wrap = fc.constantFrom((t: string) => `$${t}`, (t: string) => `Rp ${t}`, (t: string) => `${t} €`, (t: string) => `RM${t}`, (t: string) => `฿ ${t}`, (t: string) => `${t}₫`);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(amount, wrap), { minLength: 1, maxLength: 120 }), async (pairs) => {
        const raws = pairs.map(([c, w]) => w(grouped(c / 100, 'en-US')));
        const rows = await parseAll(raws);
        rows.forEach((row, i) => expect(row.money_value, String(row.raw)).toBe((pairs[i]?.[0] ?? 0) / 100));
      }),
      { numRuns: 6, seed: SEED },
    );
  });

  it('integers with grouping', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), { minLength: 1, maxLength: 150 }), async (values) => {
        const rows = await parseAll(values.map((v) => v.toLocaleString('en-US')));
        rows.forEach((row, i) => expect(row.integer_value, String(row.raw)).toBe(values[i]));
      }),
      { numRuns: 6, seed: SEED },
    );
  });

  const day = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

  it('dates in ISO form, and day-first with --date-order dmy', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(day, { minLength: 1, maxLength: 150 }), async (days) => {
        const iso = await parseAll(days);
        iso.forEach((row, i) => expect(row.date_value, String(row.raw)).toBe(days[i]));
        const dmy = days.map((d) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`);
        const read = await parseAll(dmy, { ...CTX, dateOrder: 'dmy' });
        read.forEach((row, i) => expect(row.date_value, String(row.raw)).toBe(days[i]));
      }),
      { numRuns: 6, seed: SEED },
    );
  });

  it('day-first dates that cannot be month-first need no --date-order; ambiguous ones name it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(day, { minLength: 1, maxLength: 150 }), async (days) => {
        const raws = days.map((d) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`);
        const rows = await parseAll(raws);
        rows.forEach((row, i) => {
          const d = days[i] ?? '';
          const ambiguous = Number(d.slice(8, 10)) <= 12 && d.slice(8, 10) !== d.slice(5, 7);
          if (ambiguous) expect(row.date_error, String(row.raw)).toMatch(/--date-order/);
          else expect(row.date_value, String(row.raw)).toBe(d);
        });
      }),
      { numRuns: 6, seed: SEED },
    );
  });

  it('durations as clock times and as hours, minutes and seconds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 3 * 86_400 }), { minLength: 1, maxLength: 150 }), async (seconds) => {
        const parts = (s: number) => [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60] as const;
        const clock = seconds.map((s) => parts(s).map((p, i) => (i === 0 ? String(p) : String(p).padStart(2, '0'))).join(':'));
        const words = seconds.map((s) => {
          const [h, m, sec] = parts(s);
          return `${h}h ${m}m ${sec}s`;
        });
        const chinese = seconds.map((s) => {
          const [h, m, sec] = parts(s);
          return `${h}小时${m}分${sec}秒`;
        });
        for (const raws of [clock, words, chinese]) {
          const rows = await parseAll(raws);
          rows.forEach((row, i) => expect(row.duration_value, String(row.raw)).toBe(seconds[i]));
        }
      }),
      { numRuns: 4, seed: SEED },
    );
  });
});

describe('header detection on arbitrary grids', () => {
  const cell = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('', 'Total', 'GMV', 'Seller ID', 'Views', '123', '2026-11-01'));
  const grid = fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 25 });

  it('either finds a header row inside the grid or says it found none — nothing else', () => {
    fc.assert(
      fc.property(grid, fc.constantFrom(...IMPORT_KINDS), (rows, kind) => {
        try {
          const found = detectHeaderRow(rows, KINDS[kind]);
          expect(found.headerRow).toBeGreaterThanOrEqual(1);
          expect(found.headerRow).toBeLessThanOrEqual(rows.length);
          expect(found.headers.length).toBe(Math.max(0, ...rows.map((r) => r.length)));
        } catch (error) {
          if (!isUserError(error)) throw error;
          expect(error.message).toMatch(/no header row found/);
        }
      }),
      { numRuns: 150, seed: SEED },
    );
  });

  it('finds the header below any number of title, note and blank rows', () => {
    const words = fc.constantFrom('Report', 'Data for reference only', 'Exported 2026-11-01', 'Shop performance', '', 'Page 1', 'Confidential');
    fc.assert(
      fc.property(
        fc.constantFrom(...IMPORT_KINDS),
        fc.array(fc.array(words, { minLength: 1, maxLength: 3 }), { maxLength: 6 }),
        fc.integer({ min: 1, max: 5 }),
        (kind, titles, dataRows) => {
          const fields = KINDS[kind].fields.slice(0, 5);
          const header = fields.map((f) => f.label);
          const data = Array.from({ length: dataRows }, (_, r) => fields.map((_, c) => String(1000 + r * 10 + c)));
          const found = detectHeaderRow([...titles, header, ...data], KINDS[kind]);
          expect(found.headerRow).toBe(titles.length + 1);
          expect(found.headers.slice(0, header.length)).toEqual(header);
        },
      ),
      { numRuns: 100, seed: SEED },
    );
  });
});
