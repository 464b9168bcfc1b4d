/**
 * What the normal and the streaming exceljs readers share: opening the streaming reader with the
 * options that matter (`styles: 'cache'`, without which dates arrive as serial numbers), a row's
 * cells as text, a sheet's name and visibility (the streaming reader has them, its types do not),
 * and turning exceljs's reading errors into a UserError that names the file.
 */
import { createReadStream } from 'node:fs';
import ExcelJS, { type Row } from 'exceljs';
import { UserError } from '../../shared/errors.ts';
import { cellText } from './xlsx-cell-text.ts';

export interface SheetInfo {
  name: string;
  visible: boolean;
}

export function damagedWorkbook(label: string, error: unknown): UserError {
  if (error instanceof UserError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new UserError(
    `${label} could not be read as an Excel workbook: it looks damaged or truncated (${detail.slice(0, 120)})`,
    {
      hint: 'open it in Excel and save it again as .xlsx, or export it again',
      cause: error,
    },
  );
}

/**
 * Iterates `items`, turning an error thrown while *reading* the next item into a UserError; errors
 * of the consumer's own work (DuckDB appends) pass through unchanged.
 */
export async function* readingAsUserErrors<T>(items: AsyncIterable<T>, label: string): AsyncGenerator<T> {
  const iterator = items[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<T>;
      try {
        next = await iterator.next();
      } catch (error) {
        throw damagedWorkbook(label, error);
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await iterator.return?.();
  }
}

interface SheetEvent {
  eventType: string;
  value: unknown;
}

/**
 * The rows of a streamed sheet in the batches exceljs parses them from the file: one await per
 * chunk instead of two async generators stepped per row (their promises cost a tenth of reading a
 * large sheet). `parse()` is what exceljs's own row iterator reads from; it is not in its types.
 */
export async function* sheetRowBatches(sheet: ExcelJS.stream.xlsx.WorksheetReader, label: string): AsyncGenerator<Row[]> {
  const parse = (sheet as unknown as { parse?: () => AsyncIterable<SheetEvent[]> }).parse;
  if (typeof parse !== 'function') {
    for await (const row of readingAsUserErrors(sheet, label)) yield [row];
    return;
  }
  for await (const events of readingAsUserErrors(parse.call(sheet), label)) {
    const rows: Row[] = [];
    for (const event of events) if (event.eventType === 'row') rows.push(event.value as Row);
    if (rows.length > 0) yield rows;
  }
}

export interface StreamingWorkbook {
  sheets: AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader>;
  close: () => void;
}

export function openStreamingWorkbook(file: string): StreamingWorkbook {
  const input = createReadStream(file);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
  });
  return { sheets: reader, close: () => input.destroy() };
}

export function sheetInfo(sheet: object): SheetInfo {
  const name = 'name' in sheet && typeof sheet.name === 'string' ? sheet.name : '';
  const state = 'state' in sheet ? sheet.state : undefined;
  return { name, visible: state === undefined || state === 'visible' };
}

/** Excel's own limit on the text of one cell: a longer one was not written by Excel. */
export const EXCEL_MAX_CELL_CHARS = 32_767;

/** 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * A row's cells as text (index 0 = column A), trailing empty cells dropped. A value right of
 * `maxColumns` lands in the one slot past the limit, so the row stays bounded in memory and is
 * still seen to be too wide.
 */
export function rowCells(row: Row, maxColumns: number): (string | null)[] {
  const cells: (string | null)[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    const value = cell.value;
    // A string needs no number format (looking it up per cell cost more than the text itself).
    const text = typeof value === 'string' ? (value === '' ? null : value) : cellText(value, cell.numFmt);
    if (text !== null && text.length > EXCEL_MAX_CELL_CHARS) {
      throw new UserError(
        `cell ${columnLetters(column)}${row.number} holds ${text.length.toLocaleString('en-US')} characters; an Excel cell holds at most ${EXCEL_MAX_CELL_CHARS.toLocaleString('en-US')}`,
        { hint: 'the workbook was not saved by Excel or is damaged: export it again', details: { row: row.number, column: columnLetters(column) } },
      );
    }
    if (text !== null) cells[Math.min(column, maxColumns + 1) - 1] = text;
  });
  for (let i = 0; i < cells.length; i++) cells[i] ??= null;
  return cells;
}
