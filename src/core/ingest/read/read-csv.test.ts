import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stagedRows, withStage } from '../../../../test/fixtures/read-stage.ts';
import { sql } from '../../db/sql.ts';
import { readCsv } from './read-csv.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'aisle-read-csv-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function file(name: string, content: string | Buffer): Promise<string> {
  const full = path.join(dir, name);
  await writeFile(full, content);
  return full;
}

describe('readCsv', () => {
  it('reads a Chinese export saved in GB18030 (Excel or WPS on a Chinese Windows) as text', async () => {
    // 店铺名称,开播时间,观看人次,销售额 in GB18030, then a row with 万 (0xCD 0xF2).
    const header = Buffer.from('b5eac6ccc3fbb3c62cbfaab2a5cab1bce42cb9dbbfb4c8cbb4ce2ccffacadbb6ee0a', 'hex');
    const row = Buffer.concat([Buffer.from('Glow Lab,2026-11-01 20:00,1.2'), Buffer.from([0xcd, 0xf2]), Buffer.from(',3500\n')]);
    const csv = await file('gbk.csv', Buffer.concat([header, row]));
    await withStage(async (target) => {
      const staged = await readCsv(target, csv);
      expect(staged.encoding).toBe('gb18030');
      expect(staged.head).toEqual([
        ['店铺名称', '开播时间', '观看人次', '销售额'],
        ['Glow Lab', '2026-11-01 20:00', '1.2万', '3500'],
      ]);
    });
  });

  it('stages every cell as raw text with Excel row numbers', async () => {
    const csv = await file('basic.csv', 'Views,GMV,Note\n1200,"1,234.50",\n0012, 7 ,"say ""hi"""\n');
    await withStage(async (target) => {
      const staged = await readCsv(target, csv);
      expect(staged).toMatchObject({
        table: 'stage',
        columnCount: 3,
        rowCount: 3,
        sheet: null,
        delimiter: ',',
        encoding: 'utf-8',
      });
      expect(staged.head).toEqual([
        ['Views', 'GMV', 'Note'],
        ['1200', '1,234.50'],
        ['0012', ' 7 ', 'say "hi"'],
      ]);
      expect(await stagedRows(target)).toEqual([
        [1, 'Views', 'GMV', 'Note'],
        [2, '1200', '1,234.50'],
        [3, '0012', ' 7 ', 'say "hi"'],
      ]);
    });
  });

  it('counts blank lines in the row numbers and a multi-line cell as one row, like Excel', async () => {
    const csv = await file('blank.csv', '\r\nh1,h2\r\n\r\n1,2\r\n"multi\r\nline",3\r\n,\r\n\r\n\r\n4,5');
    await withStage(async (target) => {
      expect((await readCsv(target, csv)).rowCount).toBe(5);
      expect(await stagedRows(target)).toEqual([
        [2, 'h1', 'h2'],
        [4, '1', '2'],
        [5, 'multi\r\nline', '3'],
        [6],
        [9, '4', '5'],
      ]);
    });
  });

  it('keeps a row wider than the first ones whole, even far down the file', async () => {
    const csv = await file('late-wide.csv', `a,b\n${'1,2\n'.repeat(30_000)}1,2,3,4\n`);
    await withStage(async (target) => {
      const staged = await readCsv(target, csv);
      expect(staged.columnCount).toBe(4);
      expect((await stagedRows(target)).at(-1)).toEqual([30_002, '1', '2', '3', '4']);
    });
  });

  it('keeps file order in the row numbers on a file read by several threads', async () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => `${i + 2},"text ${i}",x`);
    const csv = await file('ordered.csv', `n,t,x\n${rows.join('\n')}\n`);
    await withStage(
      async (target) => {
        await readCsv(target, csv);
        // Each line carries its own row number in its first cell.
        const [check] = await target.executor.query<{ n: number; wrong: number }>(
          sql`SELECT count(*) AS n, count(*) FILTER (WHERE row_no > 1 AND row_no IS DISTINCT FROM TRY_CAST(c0 AS INTEGER)) AS wrong FROM stage`,
        );
        expect(check).toEqual({ n: 200_001, wrong: 0 });
      },
      { threads: '4' },
    );
  });

  it('reads a path with quotes and spaces through a bound parameter', async () => {
    const csv = await file(`it's a "test"; DROP TABLE x.csv`, 'a;b\n1;2\n');
    await withStage(async (target) => {
      expect(await readCsv(target, csv)).toMatchObject({ delimiter: ';', rowCount: 2 });
    });
  });

  it('reads UTF-16 (both byte orders) and Windows-1252, also when the first bytes are plain ASCII', async () => {
    const utf16le = await file(
      'le.csv',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('店,€\n1,2\n', 'utf16le')]),
    );
    const utf16be = await file(
      'be.csv',
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('店,€\n1,2\n', 'utf16le').swap16()]),
    );
    const cp1252 = await file(
      'cp.csv',
      Buffer.concat([
        Buffer.from(`Shop;GMV\n${'Plain;1\n'.repeat(20_000)}Caf`),
        Buffer.from([0xe9, 0x3b, 0x80, 0x0a]),
      ]),
    );
    await withStage(async (target) => {
      expect((await readCsv(target, utf16le)).encoding).toBe('utf-16le');
      expect((await stagedRows(target))[0]).toEqual([1, '店', '€']);
      expect((await readCsv(target, utf16be)).encoding).toBe('utf-16be');
      expect((await stagedRows(target))[0]).toEqual([1, '店', '€']);
      expect((await readCsv(target, cp1252)).encoding).toBe('windows-1252');
      expect((await stagedRows(target)).at(-1)).toEqual([20_002, 'Café', '€']);
    });
  });

  it('refuses a UTF-8 file with a broken byte after its first 64 KB, naming the row', async () => {
    const broken = await file(
      'broken.csv',
      Buffer.concat([
        Buffer.from(`店,b\n${'x,1\n'.repeat(20_000)}x`),
        Buffer.from([0xff]),
        Buffer.from(',3\n'),
      ]),
    );
    await withStage(async (target) => {
      await expect(readCsv(target, broken)).rejects.toThrow(
        /broken\.csv is not valid UTF-8 text \(row 20002\)/,
      );
    });
  });

  it('leaves no staging table behind a file refused after DuckDB started reading it (NUL byte after the first 64 KB)', async () => {
    // The stage is read while the file is scanned; the scan's refusal must drop what was read.
    const nul = await file('late-nul.csv', `a,b\n${'1,2\n'.repeat(30_000)}3\u0000,4\n`);
    await withStage(async (target) => {
      await expect(readCsv(target, nul)).rejects.toThrow(/row 30002 contains a NUL byte/);
      const tables = await target.executor.query<{ n: number }>(sql`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE 'stage%'`);
      expect(tables).toEqual([{ n: 0 }]);
    });
  });

  it('applies the size and width limits, and refuses a file of blank lines', async () => {
    const csv = await file('limits.csv', 'a,b,c\n1,2,3\n');
    const blank = await file('blank-only.csv', '\n\r\n\n');
    await withStage(async (target) => {
      await expect(readCsv(target, csv, { limits: { maxBytes: 5 } })).rejects.toThrow(
        /limits\.csv is 12 bytes, more than the 5 bytes/,
      );
      await expect(readCsv(target, csv, { limits: { maxColumns: 2 } })).rejects.toThrow(
        /row 1 has more than 2 columns/,
      );
      await expect(readCsv(target, blank)).rejects.toThrow(/has no rows, only blank lines/);
    });
  });

  it('replaces an earlier stage and honours a table name and a given delimiter', async () => {
    const csv = await file('pipes.csv', 'a|b,c\n1|2,3\n');
    await withStage(async (target) => {
      await readCsv(target, csv);
      const staged = await readCsv(target, csv, { table: 'stage_2', delimiter: '|' });
      expect(staged).toMatchObject({ table: 'stage_2', columnCount: 2, delimiter: '|' });
      expect(await stagedRows(target, 'stage_2')).toEqual([
        [1, 'a', 'b,c'],
        [2, '1', '2,3'],
      ]);
    });
  });

  it('returns a head that reaches past --header-row even below the usual 30 rows', async () => {
    const csv = await file('deep.csv', `${'note\n'.repeat(39)}Views,Likes\n1,2\n`);
    await withStage(async (target) => {
      expect((await readCsv(target, csv)).head.length).toBe(30);
      const staged = await readCsv(target, csv, { headerRow: 40 });
      expect(staged.head.length).toBe(41);
      expect(staged.head[39]).toEqual(['Views', 'Likes']);
    });
  });
});
