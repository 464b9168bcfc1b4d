/**
 * Reading workbooks: the streaming reader used for every import (a workbook opened part by part
 * from its zip directory, its sheets' rows read by xlsx-sheet-rows.ts), a row of exceljs's normal
 * reader as cell text (the whole-workbook read of small files, for merged headers), a sheet's name
 * and visibility, and reading errors turned into a UserError that names the file.
 */
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import ExcelJS, { type Row } from 'exceljs';
import { UserError } from '../../shared/errors.ts';
import { cellText } from './xlsx-cell-text.ts';
import { openZipPart, readZipDirectory, type ZipPart } from './zip-directory.ts';
import { EXCEL_MAX_CELL_CHARS, readSheetRows, tooLongCell, type SheetContext, type SheetRow } from './xlsx-sheet-rows.ts';

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

/** A sheet of a streamed workbook: its name and visibility, and its rows read on demand. */
export interface StreamedSheet {
  name: string;
  state?: string;
  /** The sheet's rows in the batches its XML arrives in; nothing is unpacked until this is read. */
  rows: (maxColumns: number) => AsyncGenerator<SheetRow[]>;
}

/** A streamed sheet's rows, with reading errors turned into a UserError naming the file. */
export function sheetRowBatches(sheet: StreamedSheet, label: string, maxColumns: number): AsyncGenerator<SheetRow[]> {
  return readingAsUserErrors(sheet.rows(maxColumns), label);
}

export interface StreamingWorkbook {
  sheets: AsyncIterable<StreamedSheet>;
  /** Stops every part still being read. */
  close: () => void;
}

/** The parts of exceljs's streaming reader driven here (they are not in its types). */
interface WorkbookReaderParts {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  workbookRels?: { Id: string; Target: string; Type?: string }[];
  model?: { sheets?: { id: number; name: string; rId: string; state?: string }[] };
  sharedStrings?: unknown[];
  styles: { getStyleModel(id: number): { numFmt?: string } | null };
  properties?: { model?: { date1904?: boolean } };
}

const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;

/** A relationship's target as a part name: `worksheets/sheet1.xml` and `/xl/worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`. */
function partName(target: string): string {
  const path = target.replace(/^\/+/, '');
  return path.startsWith('xl/') ? path : `xl/${path}`;
}

/**
 * A workbook read part by part from the zip's central directory: relationships, workbook, shared
 * strings and styles first (parsed by exceljs's streaming reader, `styles: 'cache'` for the date
 * formats), then each sheet in the workbook's order, unpacked only when its rows are read (a sheet
 * passed over costs nothing). exceljs's own front-to-back pass spools sheets stored before those
 * parts to temporary files and then often loses `xl/workbook.xml` when it comes last ("Cannot read
 * properties of undefined (reading 'sheets')").
 */
export function openStreamingWorkbook(file: string): StreamingWorkbook {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
  });
  const parts = reader as unknown as WorkbookReaderParts;
  const reading = new Set<Readable>();
  let closed = false;
  const openPart = (part: ZipPart): Readable => {
    if (closed) throw new Error('the workbook was closed');
    const stream = openZipPart(file, part);
    reading.add(stream);
    stream.once('close', () => reading.delete(stream));
    return stream;
  };
  async function* sheets(): AsyncGenerator<StreamedSheet> {
    const directory = await readZipDirectory(file, (await stat(file)).size);
    if (!directory) throw new Error('its table of contents cannot be read');
    const byName = new Map(directory.map((part) => [part.name, part]));
    const relations = byName.get('xl/_rels/workbook.xml.rels');
    const book = byName.get('xl/workbook.xml');
    if (!relations || !book) throw new Error('it has no xl/workbook.xml');
    await parts._parseRels(openPart(relations));
    await parts._parseWorkbook(openPart(book));
    const strings = byName.get('xl/sharedStrings.xml');
    if (strings) for await (const _ of parts._parseSharedStrings(openPart(strings))) void _;
    const styles = byName.get('xl/styles.xml');
    if (styles) await parts._parseStyles(openPart(styles));
    const context: SheetContext = {
      sharedStrings: parts.sharedStrings,
      numFmt: (styleId) => parts.styles.getStyleModel(styleId)?.numFmt,
      date1904: parts.properties?.model?.date1904 === true,
    };

    const rels = new Map((parts.workbookRels ?? []).map((rel) => [rel.Id, rel]));
    for (const sheet of parts.model?.sheets ?? []) {
      const rel = rels.get(sheet.rId);
      const part = rel && byName.get(partName(rel.Target));
      if (!part || !WORKSHEET_PART.test(part.name)) continue;
      yield {
        name: sheet.name,
        state: sheet.state,
        rows: (maxColumns) => readSheetRows(openPart(part), context, maxColumns),
      };
    }
  }
  return {
    sheets: sheets(),
    close: () => {
      closed = true;
      for (const stream of reading) stream.destroy();
    },
  };
}

export function sheetInfo(sheet: object): SheetInfo {
  const name = 'name' in sheet && typeof sheet.name === 'string' ? sheet.name : '';
  const state = 'state' in sheet ? sheet.state : undefined;
  return { name, visible: state === undefined || state === 'visible' };
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
    if (text !== null && text.length > EXCEL_MAX_CELL_CHARS) throw tooLongCell(text, column, row.number);
    if (text !== null) cells[Math.min(column, maxColumns + 1) - 1] = text;
  });
  for (let i = 0; i < cells.length; i++) cells[i] ??= null;
  return cells;
}
