import { readdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStreamingWorkbook, sheetInfo } from './xlsx-rows.ts';
import { EOCD, openZipPart, readZipDirectory } from './zip-directory.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'aisle-xlsx-rows-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A workbook as exceljs writes it: sheets first, shared strings after them, xl/workbook.xml last. */
async function manySheets(name: string, count: number): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (let i = 1; i <= count; i++) {
    const sheet = book.addWorksheet(`Sheet ${i}`, i === 2 ? { state: 'hidden' } : {});
    sheet.addRow(['seller_id', 'day', 'gmv']);
    sheet.addRow([`s${i}`, new Date(Date.UTC(2026, 10, i)), i * 10.5]);
  }
  const file = path.join(dir, name);
  await book.xlsx.writeFile(file);
  return file;
}

async function readAll(file: string, skip: (name: string) => boolean = () => false) {
  const workbook = openStreamingWorkbook(file);
  const read: { name: string; visible: boolean; rows: (string | null)[][] }[] = [];
  try {
    for await (const sheet of workbook.sheets) {
      const info = sheetInfo(sheet);
      if (skip(info.name)) continue;
      const rows: (string | null)[][] = [];
      for await (const batch of sheet.rows(100)) for (const row of batch) rows.push(row.cells);
      read.push({ ...info, rows });
    }
  } finally {
    workbook.close();
  }
  return read;
}

const ownTempFiles = async () => (await readdir(tmpdir())).filter((name) => name.startsWith(`tmp-${process.pid}-`));

describe('openStreamingWorkbook', () => {
  it('reads a workbook of eight sheets whose xl/workbook.xml is stored last (exceljs alone fails on it with "reading \'sheets\'")', async () => {
    const file = await manySheets('eight.xlsx', 8);
    const directory = await readZipDirectory(file, (await readFile(file)).length);
    expect(directory?.at(-1)?.name).toBe('xl/workbook.xml');
    const sheets = await readAll(file);
    expect(sheets.map((s) => s.name)).toEqual(Array.from({ length: 8 }, (_, i) => `Sheet ${i + 1}`));
    expect(sheets.map((s) => s.visible)).toEqual([true, false, true, true, true, true, true, true]);
    expect(sheets[6]?.rows).toEqual([
      ['seller_id', 'day', 'gmv'],
      ['s7', '2026-11-07', '73.5'],
    ]);
  });

  it('passes over sheets and stops early without temporary files or stray errors', async () => {
    const file = await manySheets('skip.xlsx', 6);
    const before = await ownTempFiles();
    const sheets = await readAll(file, (name) => name !== 'Sheet 4');
    expect(sheets.map((s) => [s.name, s.rows[1]?.[0]])).toEqual([['Sheet 4', 's4']]);
    // Stop in the middle of the sheets, after reading one row of the second.
    const workbook = openStreamingWorkbook(file);
    let seen = 0;
    for await (const sheet of workbook.sheets) {
      if (++seen < 2) continue;
      for await (const batch of sheet.rows(100)) {
        expect(batch[0]?.number).toBe(1);
        break;
      }
      break;
    }
    workbook.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await ownTempFiles()).toEqual(before);
  });

  it('fails a part that unpacks to more than its table of contents declares', async () => {
    const file = await manySheets('lying-size.xlsx', 1);
    const bytes = await readFile(file);
    const directory = await readZipDirectory(file, bytes.length);
    const sheet = directory?.find((part) => part.name === 'xl/worksheets/sheet1.xml');
    if (!sheet) throw new Error('no sheet1.xml in the test workbook');
    // The sheet's central directory entry: its unpacked size (offset 24) made 100 bytes.
    const dirOffset = bytes.readUInt32LE(bytes.lastIndexOf(EOCD) + 16);
    const entry = bytes.indexOf('xl/worksheets/sheet1.xml', dirOffset) - 46;
    expect(bytes.readUInt32LE(entry + 24)).toBe(sheet.unpacked);
    bytes.writeUInt32LE(100, entry + 24);
    await writeFile(file, bytes);
    const lying = (await readZipDirectory(file, bytes.length))?.find((part) => part.name === 'xl/worksheets/sheet1.xml');
    expect(lying?.unpacked).toBe(100);
    if (!lying) return;
    const chunks: Buffer[] = [];
    await expect(
      (async () => {
        for await (const chunk of openZipPart(file, lying)) chunks.push(chunk as Buffer);
      })(),
    ).rejects.toThrow('xl/worksheets/sheet1.xml unpacks to more than its table of contents declares');
    await expect(readAll(file)).rejects.toThrow(/unpacks to more than its table of contents declares/);
  });
});
