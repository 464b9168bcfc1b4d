/**
 * The first rows of every sheet, for picking the sheet and finding the header. Workbooks up to
 * `wholeWorkbookMaxBytes` are opened whole with exceljs's normal reader, the only one that knows
 * merged cells: a merged group label ("Traffic" over three columns) then reads in every cell it
 * covers. Larger workbooks are streamed instead (only each sheet's first rows are kept) and header
 * detection carries group labels over by itself.
 */
import ExcelJS, { type Worksheet } from 'exceljs';
import type { ReadLimits } from './read-limits.ts';
import { trimTrailingBlanks } from './stage-table.ts';
import {
  damagedWorkbook,
  openStreamingWorkbook,
  readingAsUserErrors,
  rowCells,
  sheetInfo,
  sheetRowBatches,
  type SheetInfo,
} from './xlsx-rows.ts';

export interface SheetHead extends SheetInfo {
  /** `rows[i]` is Excel row `i + 1`; '' for empty cells. */
  rows: string[][];
}

function denseRows(rows: (string | null)[][]): string[][] {
  return Array.from({ length: rows.length }, (_, i) =>
    trimTrailingBlanks(Array.from(rows[i] ?? [], (c) => c ?? '')),
  );
}

function headOfWorksheet(sheet: Worksheet, limits: ReadLimits): string[][] {
  const rows: (string | null)[][] = [];
  for (let number = 1; number <= Math.min(sheet.rowCount, limits.headRows); number++) {
    rows[number - 1] = rowCells(sheet.getRow(number), limits.maxColumns);
  }
  return denseRows(rows);
}

async function headsFromWholeWorkbook(file: string, label: string, limits: ReadLimits): Promise<SheetHead[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file).catch((error: unknown) => {
    throw damagedWorkbook(label, error);
  });
  return workbook.worksheets.map((sheet) => ({ ...sheetInfo(sheet), rows: headOfWorksheet(sheet, limits) }));
}

async function headsFromStream(file: string, label: string, limits: ReadLimits): Promise<SheetHead[]> {
  const workbook = openStreamingWorkbook(file);
  const heads: SheetHead[] = [];
  try {
    for await (const sheet of readingAsUserErrors(workbook.sheets, label)) {
      const rows: (string | null)[][] = [];
      head: for await (const batch of sheetRowBatches(sheet, label, limits.maxColumns)) {
        for (const row of batch) {
          if (row.number > limits.headRows) break head;
          rows[row.number - 1] = row.cells;
        }
      }
      heads.push({ ...sheetInfo(sheet), rows: denseRows(rows) });
    }
  } finally {
    workbook.close();
  }
  return heads;
}

export function readWorkbookHeads(
  file: string,
  label: string,
  size: number,
  limits: ReadLimits,
): Promise<SheetHead[]> {
  return size <= limits.wholeWorkbookMaxBytes
    ? headsFromWholeWorkbook(file, label, limits)
    : headsFromStream(file, label, limits);
}
