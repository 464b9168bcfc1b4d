import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSheetRows, type SheetContext, type SheetRow } from './xlsx-sheet-rows.ts';
import { openStreamingWorkbook, rowCells } from './xlsx-rows.ts';

const FORMATS: Record<number, string> = { 1: 'yyyy-mm-dd', 2: 'dd/mm/yyyy hh:mm', 3: '[h]:mm:ss', 4: '0.00%' };
const context = (overrides: Partial<SheetContext> = {}): SheetContext => ({
  sharedStrings: ['Seller', { richText: [{ text: 'Bold ' }, { text: 'run' }] }, ''],
  numFmt: (id) => FORMATS[id],
  date1904: false,
  ...overrides,
});

const sheet = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

async function read(xml: string | Buffer[], ctx = context(), maxColumns = 100): Promise<SheetRow[]> {
  const chunks = typeof xml === 'string' ? [Buffer.from(xml)] : xml;
  const rows: SheetRow[] = [];
  for await (const batch of readSheetRows(chunks, ctx, maxColumns)) rows.push(...batch);
  return rows;
}

describe('readSheetRows', () => {
  it('reads each kind of cell value as the text an import stages', async () => {
    const rows = await read(
      sheet(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="inlineStr"><is><t>in</t></is></c></row>' +
          '<row r="2"><c r="A2"><v>1234.5</v></c><c r="B2" s="1"><v>46327</v></c><c r="C2" s="2"><v>46327.8541666667</v></c><c r="D2" s="3"><v>1.5</v></c><c r="E2" s="4"><v>0.125</v></c></row>' +
          '<row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="b"><v>0</v></c><c r="C3" t="e"><v>#N/A</v></c><c r="D3" t="str"><f>A1&amp;"x"</f><v>Sellerx</v></c><c r="E3" s="1"><f>B2+1</f><v>46328</v></c><c r="F3"><f>1/0</f><v>#DIV/0!</v></c><c r="G3"><f>NOW()</f></c></row>' +
          '<row r="4"><c r="A4" t="d"><v>2026-11-01T08:00:00</v></c><c r="B4" s="1"/><c r="C4"><v>1E-7</v></c></row>',
      ),
    );
    expect(rows).toEqual([
      { number: 1, cells: ['Seller', 'Bold run', null, 'in'] },
      { number: 2, cells: ['1234.5', '2026-11-01', '2026-11-01T20:30:00', '36:00:00', '0.125'] },
      { number: 3, cells: ['TRUE', 'FALSE', '#N/A', 'Sellerx', '2026-11-02', '#ERROR'] },
      { number: 4, cells: ['2026-11-01T08:00:00', null, '0.0000001'] },
    ]);
  });

  it('counts dates from 1904 when the workbook says so', async () => {
    const rows = await read(sheet('<row r="1"><c r="A1" s="1"><v>44865</v></c></row>'), context({ date1904: true }));
    expect(rows[0]?.cells).toEqual(['2026-11-01']);
  });

  it('keeps Excel row numbers and columns, leaving gaps empty', async () => {
    const rows = await read(sheet('<row r="3"><c r="C3"><v>1</v></c><c r="AA3"><v>2</v></c></row><row r="7"><c r="B7"><v>3</v></c></row>'));
    expect(rows.map((r) => r.number)).toEqual([3, 7]);
    expect(rows[0]?.cells[2]).toBe('1');
    expect(rows[0]?.cells[26]).toBe('2');
    expect(rows[0]?.cells.length).toBe(27);
    expect(rows[0]?.cells.filter((c) => c === null)).toHaveLength(25);
    expect(rows[1]?.cells).toEqual([null, '3']);
  });

  it('places rows and cells written without addresses after the previous ones', async () => {
    const rows = await read(sheet('<row><c><v>1</v></c><c><v>2</v></c></row><row r="5"><c r="C5"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row>'));
    expect(rows).toEqual([
      { number: 1, cells: ['1', '2'] },
      { number: 5, cells: [null, null, '3', '4'] },
      { number: 6, cells: ['5'] },
    ]);
  });

  it('keeps every run of an inline string but not its phonetic reading', async () => {
    const rows = await read(sheet('<row r="1"><c r="A1" t="inlineStr"><is><r><t>店铺</t></r><r><t xml:space="preserve"> 名称</t></r><rPh sb="0" eb="2"><t>てんぽ</t></rPh></is></c></row>'));
    expect(rows[0]?.cells).toEqual(['店铺 名称']);
  });

  it('decodes a character whose UTF-8 bytes are split across two chunks', async () => {
    const bytes = Buffer.from(sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>直播间</t></is></c></row>'));
    const at = bytes.indexOf(Buffer.from('直')) + 1; // inside the character's three bytes
    const rows = await read([bytes.subarray(0, at), bytes.subarray(at)]);
    expect(rows[0]?.cells).toEqual(['直播间']);
  });

  it('decodes XML entities once', async () => {
    const rows = await read(sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>&amp;lt;b&amp;gt; &lt;i&gt;</t></is></c></row>'));
    expect(rows[0]?.cells).toEqual(['&lt;b&gt; <i>']);
  });

  it('refuses a cell longer than Excel allows, naming the cell', async () => {
    const long = 'x'.repeat(40_000);
    await expect(read(sheet(`<row r="2"><c r="D2" t="inlineStr"><is><t>${long}</t></is></c></row>`))).rejects.toThrow(
      'cell D2 holds 40,000 characters; an Excel cell holds at most 32,767',
    );
  });

  it('puts a value beyond the column limit in the one slot past it', async () => {
    const rows = await read(sheet('<row r="1"><c r="A1"><v>1</v></c><c r="ZZ1"><v>2</v></c></row>'), context(), 5);
    expect(rows[0]?.cells).toEqual(['1', null, null, null, null, '2']);
  });

  it('fails on XML that is not well formed', async () => {
    await expect(read('<worksheet><sheetData><row r="1"><c r="A1"><v>1</c></row>')).rejects.toThrow();
  });
});

describe('the streaming reader against exceljs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'aisle-sheet-rows-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives the same text as exceljs for a sheet of mixed values and formats', async () => {
    const book = new ExcelJS.Workbook();
    const data = book.addWorksheet('Data');
    data.addRow(['Seller ID', 'Day', 'Time', 'GMV', 'Share', 'Live?', 'Note', 'Link', 'Formula']);
    for (let i = 0; i < 300; i++) {
      const row = data.addRow([
        `S-${i}`,
        new Date(Date.UTC(2026, 10, (i % 28) + 1)),
        new Date(Date.UTC(2026, 10, 1, i % 24, (i * 7) % 60, i % 60)),
        i % 7 === 0 ? null : i * 12.25,
        i / 1000,
        i % 2 === 0,
        i % 5 === 0 ? { richText: [{ text: 'Rich ' }, { text: `note ${i}`, font: { bold: true } }] } : `note ${i}，中文 & <tags>`,
        { text: `shop ${i}`, hyperlink: `https://example.test/${i}` },
        // (exceljs's whole-workbook reader drops a cached result of 0; the streaming readers keep it.)
        { formula: `D${i + 2}*2+1`, result: i * 24.5 + 1 },
      ]);
      row.getCell(2).numFmt = 'yyyy-mm-dd';
      row.getCell(3).numFmt = 'yyyy-mm-dd hh:mm:ss';
      row.getCell(5).numFmt = '0.0%';
    }
    const file = path.join(dir, 'mixed.xlsx');
    await book.xlsx.writeFile(file);

    const whole = new ExcelJS.Workbook();
    await whole.xlsx.readFile(file);
    const sheetData = whole.getWorksheet('Data');
    if (!sheetData) throw new Error('no Data sheet');
    const expected: SheetRow[] = [];
    sheetData.eachRow((row, number) => expected.push({ number, cells: rowCells(row, 100) }));

    const streamed: SheetRow[] = [];
    const workbook = openStreamingWorkbook(file);
    for await (const sheet of workbook.sheets) for await (const batch of sheet.rows(100)) streamed.push(...batch);
    workbook.close();

    expect(streamed).toHaveLength(301);
    for (let i = 0; i < expected.length; i++) expect([i, streamed[i]]).toEqual([i, expected[i]]);
    // Midnight reads as the day alone.
    expect(streamed[1]?.cells.slice(0, 6)).toEqual(['S-0', '2026-11-01', '2026-11-01', null, '0', 'TRUE']);
  });
});
