/**
 * Micro-benchmark of the import value parsers (not a test, not part of `npm run bench`):
 * `TZ=UTC node --import tsx bench/parse-values.ts`. For every value type it builds a 1,000,000-row
 * staging column with `range()` — once with mixed formats (every shape the parser reads, plus
 * blanks and junk) and once clean (the fast-path form) — and times `CREATE TABLE … AS SELECT value,
 * error` against a bare `TRY_CAST` of the same column (best of BENCH_RUNS, default 7), and the same
 * with the error computed only where the value is NULL. Target: every parser within ~3× of the cast.
 * Set BENCH_ROWS or BENCH_RUNS to change the size or the repetitions.
 */
import { cpus, totalmem } from 'node:os';
import { Database } from '../src/core/db/database.ts';
import { sql, type Sql } from '../src/core/db/sql.ts';
import { parseValueSql } from '../src/core/ingest/parse/parse-value.ts';
import type { ParseContext, ValueType } from '../src/core/ingest/parse/types.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CONTEXT: ParseContext = { dateOrder: 'dmy', year: 2026, timezone: 'Asia/Jakarta' };

interface Case {
  type: ValueType;
  cast: string;
  /** SQL over `i` (0 … ROWS-1) giving the clean fast-path text. */
  clean: string;
  /** SQL texts over `i`, cycled row by row. */
  mixed: string[];
}

const CASES: Case[] = [
  {
    type: 'text',
    cast: 'VARCHAR',
    clean: `'Shop ' || i`,
    mixed: [`'Shop ' || i`, `'  Shop ' || i || '  '`, `'N/A'`, `''`],
  },
  {
    type: 'id',
    cast: 'VARCHAR',
    clean: `lpad(i::VARCHAR, 9, '0')`,
    mixed: [`lpad(i::VARCHAR, 9, '0')`, `i || '.0'`, `' ' || i`, `'-'`],
  },
  {
    type: 'integer',
    cast: 'BIGINT',
    clean: `i::VARCHAR`,
    mixed: [
      `i::VARCHAR`,
      `format('{:,}', i)`,
      `replace(format('{:,}', i), ',', '.')`,
      `(i % 1000) || '.5K'`,
      `(i % 97) || '万'`,
      `''`,
      `'abc'`,
      `i || '.0'`,
    ],
  },
  {
    type: 'number',
    cast: 'DOUBLE',
    clean: `(i * 1.37)::VARCHAR`,
    mixed: [
      `(i * 1.37)::VARCHAR`,
      `format('{:,}', i) || '.50'`,
      `'Rp ' || replace(format('{:,}', i), ',', '.')`,
      `(i % 1000) || '.5K'`,
      `(i % 97) || ',25'`,
      `'(' || i || ')'`,
      `''`,
      `'$' || i`,
    ],
  },
  {
    type: 'money',
    cast: 'DECIMAL(18,2)',
    clean: `(i * 1.37)::VARCHAR`,
    mixed: [
      `(i * 1.37)::VARCHAR`,
      `'$' || format('{:,}', i) || '.50'`,
      `'Rp ' || replace(format('{:,}', i), ',', '.')`,
      `(i % 1000) || '.5K'`,
      `replace(format('{:,}', i), ',', '.') || ',25 €'`,
      `'(' || i || ')'`,
      `''`,
      `(i / 3.0)::VARCHAR`,
    ],
  },
  {
    type: 'rate',
    cast: 'DOUBLE',
    clean: `((i % 1000) / 1000.0)::VARCHAR`,
    mixed: [
      `((i % 1000) / 1000.0)::VARCHAR`,
      `((i % 1000) / 10.0) || '%'`,
      `'0,' || (i % 1000)`,
      `((i % 100) / 10.0) || ' %'`,
      `''`,
      `'12'`,
    ],
  },
  {
    type: 'duration',
    cast: 'INTEGER',
    clean: `(i % 20000)::VARCHAR`,
    mixed: [
      `(i % 20000)::VARCHAR`,
      `'01:' || lpad((i % 60)::VARCHAR, 2, '0') || ':05'`,
      `(i % 90) || ':30'`,
      `'1h ' || (i % 60) || 'm 5s'`,
      `'1小时' || (i % 60) || '分45秒'`,
      `(i % 60) || '分钟'`,
      `'1 jam ' || (i % 60) || ' menit'`,
      `''`,
    ],
  },
  {
    type: 'date',
    cast: 'DATE',
    clean: `(DATE '2020-01-01' + (i % 3000)::INTEGER)::VARCHAR`,
    mixed: [
      `(DATE '2020-01-01' + (i % 3000)::INTEGER)::VARCHAR`,
      `strftime(DATE '2020-01-01' + (i % 3000)::INTEGER, '%d/%m/%Y')`,
      `strftime(DATE '2020-01-01' + (i % 3000)::INTEGER, '%Y/%-m/%-d')`,
      `strftime(DATE '2020-01-01' + (i % 3000)::INTEGER, '%b %-d, %Y')`,
      `strftime(DATE '2020-01-01' + (i % 3000)::INTEGER, '%Y年%m月%d日')`,
      `(45000 + i % 3000)::VARCHAR`,
      `strftime(DATE '2020-01-01' + (i % 3000)::INTEGER, '%Y-%m-%dT00:00:00.000Z')`,
      `''`,
    ],
  },
  {
    type: 'timestamp',
    cast: 'TIMESTAMPTZ',
    clean: `strftime(TIMESTAMP '2020-01-01' + to_seconds(i * 37), '%Y-%m-%d %H:%M:%S')`,
    mixed: [
      `strftime(TIMESTAMP '2020-01-01' + to_seconds(i * 37), '%Y-%m-%d %H:%M:%S')`,
      `strftime(TIMESTAMP '2020-01-01' + to_seconds(i * 37), '%Y-%m-%dT%H:%M:%SZ')`,
      `strftime(TIMESTAMP '2020-01-01' + to_seconds(i * 37), '%d/%m/%Y %H:%M:%S')`,
      `strftime(TIMESTAMP '2020-01-01' + to_seconds(i * 37), '%Y/%-m/%-d %-I:%M %p')`,
      `(1600000000 + i * 37)::VARCHAR`,
      `(45000 + (i % 3000) + 0.25)::VARCHAR`,
      `''`,
    ],
  },
  {
    type: 'boolean',
    cast: 'BOOLEAN',
    clean: `(i % 2 = 0)::VARCHAR`,
    mixed: [`(i % 2 = 0)::VARCHAR`, `'Yes'`, `'tidak'`, `'是'`, `'✓'`, `''`],
  },
];

function mixedSql(c: Case): string {
  return `CASE i % ${c.mixed.length} ${c.mixed.map((text, k) => `WHEN ${k} THEN ${text}`).join(' ')} END`;
}

/** Best of RUNS: the machine may be shared, and the fastest run is the one least disturbed. */
async function time(db: Database, select: Sql): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < RUNS; run += 1) {
    const start = performance.now();
    await db.run(sql`CREATE OR REPLACE TABLE parsed AS ${select}`);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

async function main(): Promise<void> {
  const db = await Database.open(':memory:');
  const lines = [
    `Parsers over ${ROWS.toLocaleString('en-US')} rows, best of ${RUNS}; ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    '',
    '| type | data | bare TRY_CAST | value | value + error | ratio | value + error where NULL | ratio |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const c of CASES) {
    for (const [data, text] of [
      ['clean', c.clean],
      ['mixed', mixedSql(c)],
    ] as const) {
      await db.exec(
        `CREATE OR REPLACE TABLE stage AS SELECT (${text})::VARCHAR AS raw FROM range(${ROWS}) r(i)`,
      );
      const raw = sql.ident('raw');
      const parsed = parseValueSql(c.type, raw, CONTEXT);
      const cast = await time(db, sql`SELECT TRY_CAST(raw AS ${sql.raw(c.cast)}) AS v FROM stage`);
      const value = await time(db, sql`SELECT ${parsed.value} AS v FROM stage`);
      const both = await time(db, sql`SELECT ${parsed.value} AS v, ${parsed.error} AS e FROM stage`);
      // A parser's error is only ever set where its value is NULL, so a caller may skip the error
      // expression (which re-reads the text) for every row that parsed.
      const lazy = await time(
        db,
        sql`SELECT v, CASE WHEN v IS NULL THEN ${parsed.error} END AS e FROM (SELECT raw, ${parsed.value} AS v FROM stage)`,
      );
      const ms = (t: number) => `${t.toFixed(0)} ms`;
      const ratio = (t: number) => `${(t / cast).toFixed(1)}×`;
      const line = `| ${c.type} | ${data} | ${ms(cast)} | ${ms(value)} | ${ms(both)} | ${ratio(both)} | ${ms(lazy)} | ${ratio(lazy)} |`;
      lines.push(line);
      process.stderr.write(`${line}\n`);
    }
  }
  await db.close();
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
