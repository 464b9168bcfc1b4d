import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stagedRows, withStage } from '../../../../test/fixtures/read-stage.ts';
import { KINDS } from '../kinds/index.ts';
import { readXlsx } from './read-xlsx.ts';
import { readZipDirectory } from './zip-directory.ts';
import { sql } from '../../db/sql.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'aisle-read-xlsx-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function workbook(name: string, build: (book: ExcelJS.Workbook) => void): Promise<string> {
  const book = new ExcelJS.Workbook();
  build(book);
  const file = path.join(dir, name);
  await book.xlsx.writeFile(file);
  return file;
}

/** A group row over merged cells above the names, then data. */
function groupedLiveSheet(book: ExcelJS.Workbook): void {
  const sheet = book.addWorksheet('Data');
  sheet.addRow(['Start time', 'Traffic', null, 'Interaction', null]);
  sheet.addRow([null, 'Views', 'Viewers', 'Likes', 'Comments']);
  sheet.mergeCells('A1:A2');
  sheet.mergeCells('B1:C1');
  sheet.mergeCells('D1:E1');
  sheet.addRow([new Date(Date.UTC(2026, 10, 1, 20, 0)), 1200, 800, 5000, 120]);
  sheet.getCell('A3').numFmt = 'yyyy-mm-dd hh:mm';
}

describe('readXlsx', () => {
  it('stages the sheet with Excel row numbers and gives a head with merged cells filled', async () => {
    const file = await workbook('grouped.xlsx', groupedLiveSheet);
    await withStage(async (target) => {
      const staged = await readXlsx(target, file, { kind: KINDS.livestreams });
      expect(staged).toMatchObject({
        table: 'stage',
        columnCount: 5,
        rowCount: 3,
        sheet: 'Data',
        sheets: ['Data'],
      });
      expect(staged.head).toEqual([
        ['Start time', 'Traffic', 'Traffic', 'Interaction', 'Interaction'],
        ['Start time', 'Views', 'Viewers', 'Likes', 'Comments'],
        ['2026-11-01T20:00:00', '1200', '800', '5000', '120'],
      ]);
      expect(await stagedRows(target)).toEqual([
        [1, 'Start time', 'Traffic', null, 'Interaction'],
        [2, null, 'Views', 'Viewers', 'Likes', 'Comments'],
        [3, '2026-11-01T20:00:00', '1200', '800', '5000', '120'],
      ]);
    });
  });

  it('streams the first rows of large workbooks instead of opening them whole', async () => {
    const file = await workbook('streamed.xlsx', groupedLiveSheet);
    await withStage(async (target) => {
      const staged = await readXlsx(target, file, {
        kind: KINDS.livestreams,
        limits: { wholeWorkbookMaxBytes: 0 },
      });
      expect(staged.head.slice(0, 2)).toEqual([
        ['Start time', 'Traffic', '', 'Interaction'],
        ['', 'Views', 'Viewers', 'Likes', 'Comments'],
      ]);
      expect(staged.rowCount).toBe(3);
    });
  });

  it('keeps row numbers across empty rows, widens for wide rows further down and skips rows without values', async () => {
    const file = await workbook('sparse.xlsx', (book) => {
      const sheet = book.addWorksheet('S');
      sheet.getCell('A1').value = 'Views';
      for (let row = 3; row <= 40; row++) sheet.getCell(`A${row}`).value = row;
      sheet.getCell('A41').numFmt = '0.00';
      sheet.getCell('D42').value = 'far';
    });
    await withStage(async (target) => {
      const staged = await readXlsx(target, file, { kind: KINDS.livestreams });
      expect([staged.rowCount, staged.columnCount]).toEqual([40, 4]);
      const rows = await stagedRows(target);
      expect(rows.slice(0, 2)).toEqual([
        [1, 'Views'],
        [3, '3'],
      ]);
      expect(rows.at(-1)).toEqual([42, null, null, null, 'far']);
    });
  });

  it('reads the sheet named by --sheet and refuses an empty one', async () => {
    const file = await workbook('two.xlsx', (book) => {
      book.addWorksheet('Empty');
      book.addWorksheet('Other').addRow(['Views', 'Likes']);
    });
    await withStage(async (target) => {
      expect((await readXlsx(target, file, { kind: KINDS.livestreams, sheet: 'other' })).sheet).toBe('Other');
      await expect(readXlsx(target, file, { kind: KINDS.livestreams, sheet: 'Empty' })).rejects.toThrow(
        /sheet "Empty" is empty/,
      );
    });
  });

  it('refuses a row wider than the column limit, in the first rows or further down', async () => {
    const file = await workbook('wide.xlsx', (book) => {
      const sheet = book.addWorksheet('W');
      sheet.addRow(['Views']);
      sheet.getCell('Z2').value = 'too far';
      sheet.getCell('Z40').value = 'too far';
    });
    await withStage(async (target) => {
      await expect(
        readXlsx(target, file, { kind: KINDS.livestreams, limits: { maxColumns: 10 } }),
      ).rejects.toThrow(/wide\.xlsx: sheet "W" has more than 10 columns/);
      await expect(
        readXlsx(target, file, { kind: KINDS.livestreams, limits: { maxColumns: 10, headRows: 1 } }),
      ).rejects.toThrow(/row 2 of sheet "W" has more than 10 columns/);
    });
  });

  it('refuses files that are not workbooks, naming them', async () => {
    const csv = path.join(dir, 'renamed.xlsx');
    const xls = path.join(dir, 'legacy.xlsx');
    await writeFile(csv, 'a,b\n1,2\n');
    await writeFile(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]));
    await withStage(async (target) => {
      await expect(readXlsx(target, csv, { kind: KINDS.livestreams })).rejects.toThrow(
        /renamed\.xlsx is not an Excel \(\.xlsx\) workbook/,
      );
      await expect(readXlsx(target, xls, { kind: KINDS.livestreams })).rejects.toThrow(
        /legacy\.xlsx is a legacy Excel \(\.xls\) or password-protected/,
      );
    });
  });

  it('turns a damaged zip into a clear error', async () => {
    const file = await workbook('damaged.xlsx', groupedLiveSheet);
    const bytes = await readFile(file);
    // Damage the sheet's packed data (parts an import never reads, such as docProps, may be damaged freely).
    const sheet = (await readZipDirectory(file, bytes.length))?.find((part) => part.name === 'xl/worksheets/sheet1.xml');
    if (!sheet) throw new Error('the test workbook has no sheet1.xml');
    bytes.fill(0x41, sheet.offset + 80, sheet.offset + 80 + Math.min(300, sheet.compressed - 60));
    await writeFile(file, bytes);
    await withStage(async (target) => {
      await expect(readXlsx(target, file, { kind: KINDS.livestreams })).rejects.toThrow(
        /damaged\.xlsx could not be read as an Excel workbook/,
      );
      await expect(
        readXlsx(target, file, { kind: KINDS.livestreams, limits: { wholeWorkbookMaxBytes: 0 } }),
      ).rejects.toThrow(/could not be read as an Excel workbook/);
    });
  });
});

describe('readXlsx on a large workbook (one streaming pass)', () => {
  const large = { wholeWorkbookMaxBytes: 0, headRows: 5 };

  async function tempTables(target: Parameters<Parameters<typeof withStage>[0]>[0]): Promise<string[]> {
    const rows = await target.executor.query<{ name: string }>(sql`SELECT table_name AS name FROM duckdb_tables() WHERE temporary ORDER BY 1`);
    return rows.map((row) => row.name);
  }

  const summaryThenOrders = (book: ExcelJS.Workbook) => {
    const summary = book.addWorksheet('Summary');
    summary.addRow(['Report', 'Order export']);
    summary.addRow(['Rows', 30]);
    const orders = book.addWorksheet('Orders');
    orders.addRow(['Order ID', 'Created Time', 'Seller Name', 'Order Amount']);
    for (let i = 1; i <= 30; i++) orders.addRow([`O-${i}`, '2026-11-01 10:00', 'Casa Rapi', i]);
    orders.getCell('F28').value = 'wide';
  };

  it('picks the data sheet after reading the file once, keeping every row past the head', async () => {
    const file = await workbook('large-two-sheets.xlsx', summaryThenOrders);
    await withStage(async (target) => {
      const staged = await readXlsx(target, file, { kind: KINDS.orders, limits: large });
      expect(staged.sheet).toBe('Orders');
      expect(staged.sheets).toEqual(['Summary', 'Orders']);
      expect([staged.rowCount, staged.columnCount]).toEqual([31, 6]);
      expect(staged.head[0]).toEqual(['Order ID', 'Created Time', 'Seller Name', 'Order Amount']);
      const rows = await stagedRows(target);
      expect(rows[1]).toEqual([2, 'O-1', '2026-11-01 10:00', 'Casa Rapi', '1']);
      expect(rows.find((row) => row[0] === 28)).toEqual([28, 'O-27', '2026-11-01 10:00', 'Casa Rapi', '27', null, 'wide']);
      expect(rows.at(-1)?.[0]).toBe(31);
      // Only the chosen sheet's table is left.
      expect(await tempTables(target)).toEqual(['stage']);
    });
  });

  it('stages only the sheet named by --sheet and refuses an empty one, leaving nothing behind', async () => {
    const file = await workbook('large-named.xlsx', (book) => {
      summaryThenOrders(book);
      book.addWorksheet('Empty');
    });
    await withStage(async (target) => {
      const staged = await readXlsx(target, file, { kind: KINDS.orders, sheet: 'summary', limits: large });
      expect([staged.sheet, staged.rowCount]).toEqual(['Summary', 2]);
      await expect(readXlsx(target, file, { kind: KINDS.orders, sheet: 'Empty', limits: large })).rejects.toThrow(/sheet "Empty" is empty/);
      expect(await tempTables(target)).toEqual([]);
    });
  });

  it('refuses a row past the head that is too wide, and drops what it had staged', async () => {
    const file = await workbook('large-wide.xlsx', summaryThenOrders);
    await withStage(async (target) => {
      await expect(readXlsx(target, file, { kind: KINDS.orders, limits: { ...large, maxColumns: 5 } })).rejects.toThrow(
        /row 28 of sheet "Orders" has more than 5 columns/,
      );
      expect(await tempTables(target)).toEqual([]);
    });
  });
});
