/**
 * One pass over a CSV's text that measures what DuckDB's `read_csv` will not tell us, so the stage
 * can be exact:
 * - the widest record: `read_csv` sizes its columns from a sample and, with `strict_mode=false`,
 *   silently drops the cells of a wider row further down;
 * - where blank lines are: `read_csv` skips them, yet the user's row numbers (Excel's) count them;
 * - a quote that is never closed (read_csv would swallow the rest of the file into one cell),
 *   NUL bytes, and rows wider or longer than the limits.
 * Records follow RFC 4180 as DuckDB reads them (quote `"`, doubled to escape; a quote inside an
 * unquoted field is literal; CR, LF or CRLF end a record). Row numbers count records, as Excel
 * shows a multi-line cell in one row.
 */
import { UserError } from '../../shared/errors.ts';

export interface BlankRun {
  /** Non-blank records before this run of blank lines. */
  afterRecords: number;
  /** Blank lines up to and including this run. */
  blankLinesSoFar: number;
}

export interface CsvShape {
  /** Non-blank records, header and title lines included. */
  records: number;
  /** Fields in the widest record. */
  maxFields: number;
  blankRuns: BlankRun[];
}

export interface CsvScanLimits {
  maxColumns: number;
  maxRecordChars: number;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
type State = 'field-start' | 'unquoted' | 'quoted' | 'quote-in-quoted';

export class CsvScanner {
  private readonly delimiter: number;
  private state: State = 'field-start';
  private pendingCr = false;
  private fields = 0;
  private chars = 0;
  private hasContent = false;
  private records = 0;
  private blankLines = 0;
  private maxFields = 0;
  private readonly blankRuns: BlankRun[] = [];

  constructor(
    delimiter: string,
    private readonly limits: CsvScanLimits,
    private readonly label: string,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** The row number (as Excel shows it) of the record being read. */
  get currentRow(): number {
    return this.records + this.blankLines + 1;
  }

  feed(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (this.pendingCr) {
        this.pendingCr = false;
        if (code === LF) continue;
      }
      if (code === 0)
        this.refuse(
          `row ${this.currentRow} contains a NUL byte, which a text export never has`,
          'export the data again as CSV or .xlsx',
        );
      if (++this.chars > this.limits.maxRecordChars) {
        this.refuse(
          `row ${this.currentRow} is longer than ${this.limits.maxRecordChars.toLocaleString('en')} characters`,
          'look for a quote (") that is opened and never closed',
        );
      }
      if (this.state === 'quoted') {
        if (code === QUOTE) this.state = 'quote-in-quoted';
        continue;
      }
      if (this.state === 'quote-in-quoted') {
        if (code === QUOTE) {
          this.state = 'quoted';
          continue;
        }
        this.state = 'unquoted';
      }
      if (code === this.delimiter) this.nextField();
      else if (code === LF || code === CR) {
        this.endRecord();
        this.pendingCr = code === CR;
      } else {
        this.state = code === QUOTE && this.state === 'field-start' ? 'quoted' : 'unquoted';
        this.hasContent = true;
      }
    }
  }

  finish(): CsvShape {
    if (this.state === 'quoted') {
      this.refuse(
        `row ${this.currentRow} opens a quote (") that is never closed`,
        'fix the quoting in the file or export it again',
      );
    }
    if (this.hasContent || this.fields > 0) this.endRecord();
    return { records: this.records, maxFields: this.maxFields, blankRuns: this.blankRuns };
  }

  private nextField(): void {
    this.fields += 1;
    this.state = 'field-start';
    this.hasContent = true;
    if (this.fields >= this.limits.maxColumns) {
      this.refuse(
        `row ${this.currentRow} has more than ${this.limits.maxColumns.toLocaleString('en')} columns`,
        'remove the extra columns, or check the delimiter',
      );
    }
  }

  private endRecord(): void {
    if (this.hasContent) {
      this.records += 1;
      this.maxFields = Math.max(this.maxFields, this.fields + 1);
    } else {
      this.blankLines += 1;
      const last = this.blankRuns.at(-1);
      if (last && last.afterRecords === this.records) last.blankLinesSoFar = this.blankLines;
      else this.blankRuns.push({ afterRecords: this.records, blankLinesSoFar: this.blankLines });
    }
    this.fields = 0;
    this.chars = 0;
    this.hasContent = false;
    this.state = 'field-start';
  }

  private refuse(message: string, hint: string): never {
    throw new UserError(`${this.label}: ${message}`, { hint });
  }
}
