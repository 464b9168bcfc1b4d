/**
 * One report table as a worksheet, styled like Aisle's other exports (shared/xlsx-table.ts): title
 * and note above, a frozen bold header with an autofilter, real number formats — per column, or
 * per row where a column mixes money, counts and rates (the KPI table) — and changes coloured by
 * conditional formatting. Every text cell is neutralised against formula injection.
 */
import type ExcelJS from 'exceljs';
import { neutraliseFormula } from '../shared/neutralise-formula.ts';
import type { MetricFormat } from '../metrics/types.ts';
import { columnLetters } from '../shared/excel-columns.ts';

export type CellFormat = 'text' | 'money' | 'count' | 'number' | 'rate' | 'change' | 'date';

export interface SheetColumn {
  key: string;
  header: string;
  /** 'row' takes the row's `__format` (a metric's format). */
  format: CellFormat | 'row';
  width?: number;
}

export interface SheetTable {
  name: string;
  title: string;
  note?: string;
  columns: SheetColumn[];
  rows: readonly object[];
}

const HEADER_FILL = 'FF1F3A5F';
export const HEADER_ROW = 4;

function numFmt(format: CellFormat, currency: string): string | undefined {
  switch (format) {
    case 'money':
      return `#,##0.00 "${currency.replace(/"/g, '')}"`;
    case 'count':
      return '#,##0';
    case 'number':
      return '#,##0.00';
    case 'rate':
      return '0.0%';
    case 'change':
      return '+0.0%;-0.0%;0.0%';
    case 'date':
    case 'text':
      return undefined;
    default: {
      const unknown: never = format;
      throw new Error(`unknown cell format ${String(unknown)}`);
    }
  }
}

export function metricCellFormat(format: MetricFormat): CellFormat {
  return format === 'duration' ? 'number' : format;
}

/** The letters of a 0-based column index. */
const columnLetter = (index: number): string => columnLetters(index + 1);

function cellValue(value: unknown, format: CellFormat): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (format !== 'text' && format !== 'date' && typeof value === 'number') return Number.isFinite(value) ? value : null;
  return neutraliseFormula(String(value));
}

export function addTableSheet(workbook: ExcelJS.Workbook, table: SheetTable, currency: string): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(table.name.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '), {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, showGridLines: false }],
  });
  sheet.getCell('A1').value = neutraliseFormula(table.title);
  sheet.getCell('A1').font = { bold: true, size: 14, color: { argb: HEADER_FILL } };
  if (table.note) {
    sheet.getCell('A2').value = neutraliseFormula(table.note);
    sheet.getCell('A2').font = { italic: true, color: { argb: 'FF5F6B7A' } };
  }
  const header = sheet.getRow(HEADER_ROW);
  table.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = neutraliseFormula(column.header);
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.alignment = { vertical: 'middle', horizontal: column.format === 'text' ? 'left' : 'right', wrapText: true };
    sheet.getColumn(i + 1).width = column.width ?? Math.min(40, Math.max(12, column.header.length + 2));
  });
  header.height = 30;
  table.rows.forEach((row, r) => {
    const excelRow = sheet.getRow(HEADER_ROW + 1 + r);
    table.columns.forEach((column, i) => {
      const format = column.format === 'row' ? (((row as { __format?: CellFormat }).__format) ?? 'number') : column.format;
      const cell = excelRow.getCell(i + 1);
      cell.value = cellValue((row as Record<string, unknown>)[column.key], format);
      const fmt = numFmt(format, currency);
      if (fmt) cell.numFmt = fmt;
      if (format === 'text') cell.alignment = { wrapText: true, vertical: 'top' };
      if (r % 2 === 1) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF4F6F9' } };
    });
  });
  const lastRow = HEADER_ROW + Math.max(1, table.rows.length);
  sheet.autoFilter = { from: `A${HEADER_ROW}`, to: `${columnLetter(table.columns.length - 1)}${HEADER_ROW}` };
  table.columns.forEach((column, i) => {
    if (column.format !== 'change' || table.rows.length === 0) return;
    sheet.addConditionalFormatting({
      ref: `${columnLetter(i)}${HEADER_ROW + 1}:${columnLetter(i)}${lastRow}`,
      rules: [
        { type: 'cellIs', operator: 'greaterThan', formulae: ['0'], priority: 1, style: { font: { color: { argb: 'FF1B7F3B' } } } },
        { type: 'cellIs', operator: 'lessThan', formulae: ['0'], priority: 2, style: { font: { color: { argb: 'FFB42318' } } } },
      ],
    });
  });
  return sheet;
}
