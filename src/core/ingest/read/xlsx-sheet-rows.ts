/**
 * A streamed sheet's XML → rows of cell text, in the batches the XML arrives in.
 *
 * The XML is parsed with saxes, as exceljs does, but rows go straight to text: no exceljs Row and
 * Cell objects (with their styles and address parsing) are built for cells that become one string
 * each. What a cell's value means follows exceljs's streaming reader, so both readers give the
 * same text (xlsx-cell-text.ts); where that reader is wrong, this one is right:
 * - a UTF-8 character split across two chunks of the file is decoded whole (exceljs decodes each
 *   chunk on its own and turns such a character into U+FFFD — Chinese text in a large sheet);
 * - a cell or row written without its `r` address (allowed, and some exporters do) takes the next
 *   column or row instead of failing;
 * - an inline string of several runs keeps all of them, not only the last;
 * - a `t="d"` cell (an ISO date as text) keeps its text instead of becoming a year number;
 * - text is not XML-decoded a second time (`&amp;lt;` stays `&lt;`).
 */
import { SaxesParser, type SaxesTag } from 'saxes';
import { UserError } from '../../shared/errors.ts';
import { columnLetters } from '../../shared/excel-columns.ts';
import { cellText, numberText, wallClockText } from './xlsx-cell-text.ts';

export interface SheetRow {
  /** Excel's row number. */
  number: number;
  /** Index 0 = column A; trailing empty cells dropped. */
  cells: (string | null)[];
}

/** What a sheet's cells refer to: the workbook's shared strings and number formats. */
export interface SheetContext {
  sharedStrings: readonly unknown[] | undefined;
  /** The number format of a cell style (`s` attribute), if any. */
  numFmt: (styleId: number) => string | undefined;
  date1904: boolean;
}

/** Excel's own limit on the text of one cell: a longer one was not written by Excel. */
export const EXCEL_MAX_CELL_CHARS = 32_767;


/** The column of a cell address (`AB12` → 28), or 0 when it has no letters. */
function columnOf(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i) & ~0x20; // upper case
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column;
}

export function tooLongCell(text: string, column: number, row: number): UserError {
  return new UserError(
    `cell ${columnLetters(column)}${row} holds ${text.length.toLocaleString('en-US')} characters; an Excel cell holds at most ${EXCEL_MAX_CELL_CHARS.toLocaleString('en-US')}`,
    { hint: 'the workbook was not saved by Excel or is damaged: export it again', details: { row, column: columnLetters(column) } },
  );
}

/** exceljs's test for a date format (its streaming reader turns such numbers into dates). */
const dateFormats = new Map<string, boolean>();
function isExcelDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  let known = dateFormats.get(numFmt);
  if (known === undefined) {
    known = /[ymdhMsb]+/.test(numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
    if (dateFormats.size > 10_000) dateFormats.clear();
    dateFormats.set(numFmt, known);
  }
  return known;
}

const MS_PER_DAY = 86_400_000;

function serialDateText(serial: number, date1904: boolean, numFmt: string): string | null {
  const date = new Date(Math.round((serial - 25_569 + (date1904 ? 1462 : 0)) * MS_PER_DAY));
  return Number.isNaN(date.getTime()) ? null : wallClockText(date, numFmt);
}

/** Attributes without namespaces (the parser runs without them) are plain strings. */
const attribute = (node: SaxesTag, name: string): string | undefined => (node.attributes as Record<string, string | undefined>)[name];

const nonEmpty = (text: string): string | null => (text === '' ? null : text);

/**
 * Reads the rows of one sheet's XML. `maxColumns` bounds a row in memory: a value right of it
 * lands in the one slot past the limit, so the caller still sees the row is too wide.
 */
export async function* readSheetRows(
  source: AsyncIterable<Buffer | Uint8Array | string> | Iterable<Buffer | Uint8Array | string>,
  context: SheetContext,
  maxColumns: number,
): AsyncGenerator<SheetRow[]> {
  const parser = new SaxesParser({ position: false });
  const decoder = new TextDecoder('utf-8');
  const numFmts = new Map<number, string | undefined>();
  const numFmtOf = (styleId: number): string | undefined => {
    if (!numFmts.has(styleId)) numFmts.set(styleId, context.numFmt(styleId));
    return numFmts.get(styleId);
  };

  let batch: SheetRow[] = [];
  let error: Error | null = null;
  let inSheetData = false;
  let row: SheetRow | null = null;
  let lastRow = 0;
  let lastColumn = 0;
  // The cell being read.
  let inCell = false;
  let column = 0;
  let style = 0;
  let type: string | undefined;
  let formula = false;
  let value: string | null = null;
  /** Text goes to `value` while inside <v>, or inside <t> of an inline string outside phonetic runs. */
  let capturing = false;
  let inInline = false;
  let inPhonetic = false;

  const text = (): string | null => {
    if (formula) {
      if (value === null) return null;
      return type === 'str' ? nonEmpty(value) : numberText(Number.parseFloat(value), style ? numFmtOf(style) : undefined);
    }
    if (value === null) return null;
    switch (type) {
      case 's':
        return cellText((context.sharedStrings?.[Number.parseInt(value, 10)] ?? null) as Parameters<typeof cellText>[0]);
      case 'inlineStr':
      case 'str':
        return nonEmpty(value);
      case 'e':
        return value;
      case 'b':
        return Number.parseInt(value, 10) !== 0 ? 'TRUE' : 'FALSE';
      case 'd':
        return nonEmpty(value.trim());
      default: {
        const numFmt = style ? numFmtOf(style) : undefined;
        const serial = Number.parseFloat(value);
        return numFmt && isExcelDateFormat(numFmt) ? serialDateText(serial, context.date1904, numFmt) : numberText(serial, numFmt);
      }
    }
  };

  parser.on('error', (e) => {
    error ??= e;
  });
  parser.on('opentag', (node: SaxesTag) => {
    switch (node.name) {
      case 'sheetData':
        inSheetData = true;
        break;
      case 'row': {
        if (!inSheetData) break;
        const r = attribute(node, 'r');
        const number = r === undefined ? lastRow + 1 : Number.parseInt(r, 10);
        row = { number: Number.isFinite(number) ? number : lastRow + 1, cells: [] };
        lastRow = row.number;
        lastColumn = 0;
        break;
      }
      case 'c': {
        if (!row) break;
        inCell = true;
        const ref = attribute(node, 'r');
        const at = ref === undefined ? 0 : columnOf(ref);
        column = at > 0 ? at : lastColumn + 1;
        lastColumn = column;
        const s = attribute(node, 's');
        style = s === undefined ? 0 : Number.parseInt(s, 10) || 0;
        type = attribute(node, 't');
        formula = false;
        value = null;
        break;
      }
      case 'f':
        if (inCell) formula = true;
        break;
      case 'v':
        if (inCell && !inInline) {
          value = '';
          capturing = true;
        }
        break;
      case 'is':
        if (inCell) {
          inInline = true;
          value = '';
        }
        break;
      case 'rPh':
        if (inInline) inPhonetic = true;
        break;
      case 't':
        if (inInline && !inPhonetic) capturing = true;
        break;
    }
  });
  parser.on('text', (chunk: string) => {
    if (capturing) value += chunk;
  });
  parser.on('closetag', (node: SaxesTag) => {
    switch (node.name) {
      case 'v':
      case 't':
        capturing = false;
        break;
      case 'rPh':
        inPhonetic = false;
        break;
      case 'is':
        inInline = false;
        capturing = false;
        break;
      case 'c': {
        if (!inCell || !row) break;
        inCell = false;
        capturing = false;
        const cell = text();
        if (cell === null) break;
        if (cell.length > EXCEL_MAX_CELL_CHARS) {
          error ??= tooLongCell(cell, column, row.number);
          break;
        }
        row.cells[Math.min(column, maxColumns + 1) - 1] = cell;
        break;
      }
      case 'row':
        if (!row) break;
        for (let i = 0; i < row.cells.length; i++) row.cells[i] ??= null;
        batch.push(row);
        row = null;
        break;
      case 'sheetData':
        inSheetData = false;
        break;
    }
  });

  const flush = (): SheetRow[] | null => {
    if (error) throw error;
    if (batch.length === 0) return null;
    const rows = batch;
    batch = [];
    return rows;
  };
  for await (const chunk of source) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    const rows = flush();
    if (rows) yield rows;
  }
  const rest = decoder.decode();
  if (rest) parser.write(rest);
  parser.close();
  const rows = flush();
  if (rows) yield rows;
}
