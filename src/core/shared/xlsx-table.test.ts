import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { writeTableWorkbook, type XlsxTable } from './xlsx-table.ts';

function table(rows: number): XlsxTable {
  return {
    sheetName: 'Sellers',
    title: 'Aisle — sellers',
    note: '2026-11-01 – 2026-11-23',
    currency: 'IDR',
    columns: [
      { key: 'name', header: 'Seller', format: 'text', width: 20 },
      { key: 'gmv', header: 'GMV', format: 'money' },
      { key: 'change', header: 'GMV change', format: 'change' },
    ],
    rows: Array.from({ length: rows }, (_, i) => ({ name: i === 0 ? '=HYPERLINK("x")' : `Seller ${i}`, gmv: i * 1.5, change: i % 2 ? 0.1 : -0.2 })),
  };
}

async function read(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Sellers');
  if (!sheet) throw new Error('no Sellers sheet');
  return sheet;
}

describe('styled table workbooks', () => {
  // Large tables are streamed; both ways must give the same workbook.
  for (const rows of [10, 2_500]) {
    it(`writes ${rows} rows with title, frozen styled header, number formats, neutralised text and coloured changes`, async () => {
      const sheet = await read(await writeTableWorkbook(table(rows)));
      expect([sheet.getCell('A1').value, sheet.getCell('A2').value]).toEqual(['Aisle — sellers', '2026-11-01 – 2026-11-23']);
      expect(sheet.getRow(4).values).toEqual([undefined, 'Seller', 'GMV', 'GMV change']);
      expect(sheet.getCell('A4').fill).toMatchObject({ fgColor: { argb: 'FF1F3A5F' } });
      expect(sheet.getCell('A5').value).toBe(`'=HYPERLINK("x")`);
      expect([sheet.getCell(`A${rows + 4}`).value, sheet.getCell(`B${rows + 4}`).value]).toEqual([`Seller ${rows - 1}`, (rows - 1) * 1.5]);
      expect(sheet.getCell('B6').numFmt).toBe('#,##0.00 "IDR"');
      expect(sheet.getCell('C6').numFmt).toBe('+0.0%;-0.0%;0.0%');
      expect(sheet.getColumn(1).width).toBe(20);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
      expect(sheet.autoFilter).toBe('A4:C4');
      // exceljs reads conditional formats back but does not declare them in its types.
      const formats = (sheet as unknown as { conditionalFormattings?: { ref: string }[] }).conditionalFormattings;
      expect(formats?.[0]?.ref).toBe(`C5:C${rows + 4}`);
    });
  }
});
