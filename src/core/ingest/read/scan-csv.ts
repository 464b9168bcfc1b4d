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
// States as small integers: the hot loop below runs once per character of the file.
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3;
type State = typeof FIELD_START | typeof UNQUOTED | typeof QUOTED | typeof QUOTE_IN_QUOTED;

export class CsvScanner {
  private readonly delimiter: number;
  private state: State = FIELD_START;
  private pendingCr = false;
  private fields = 0;
  private chars = 0;
  private hasContent = false;
  private records = 0;
  private blankLines = 0;
  private maxFields = 0;
  private longest = 0;
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

  /** Fields in the widest record ended so far. */
  get widestRecord(): number {
    return this.maxFields;
  }

  /** Characters in the longest record so far (line break included): sizes DuckDB's line buffer. */
  get longestRecordChars(): number {
    return Math.max(this.longest, this.chars);
  }

  feed(text: string): void {
    // The state lives in locals while the loop runs (several times faster than fields) and is
    // written back before anything that reads it: a record's end, an error, the chunk's end.
    const delimiter = this.delimiter;
    const maxChars = this.limits.maxRecordChars;
    const maxColumns = this.limits.maxColumns;
    let state: State = this.state;
    let chars = this.chars;
    let fields = this.fields;
    let hasContent = this.hasContent;
    let i = 0;
    const length = text.length;
    if (this.pendingCr && length > 0) {
      this.pendingCr = false;
      if (text.charCodeAt(0) === LF) i = 1;
    }
    for (; i < length; i++) {
      const code = text.charCodeAt(i);
      if (++chars > maxChars || code === 0) {
        this.state = state;
        this.chars = chars;
        this.fields = fields;
        this.hasContent = hasContent;
        if (code === 0)
          this.refuse(
            `row ${this.currentRow} contains a NUL byte, which a text export never has`,
            'export the data again as CSV or .xlsx',
          );
        this.refuse(
          `row ${this.currentRow} is longer than ${maxChars.toLocaleString('en')} characters`,
          'look for a quote (") that is opened and never closed',
        );
      }
      if (state === QUOTED) {
        if (code === QUOTE) state = QUOTE_IN_QUOTED;
        continue;
      }
      if (state === QUOTE_IN_QUOTED) {
        if (code === QUOTE) {
          state = QUOTED;
          continue;
        }
        state = UNQUOTED;
      }
      if (code === delimiter) {
        fields += 1;
        state = FIELD_START;
        hasContent = true;
        if (fields >= maxColumns) {
          this.fields = fields;
          this.refuse(
            `row ${this.currentRow} has more than ${maxColumns.toLocaleString('en')} columns`,
            'remove the extra columns, or check the delimiter',
          );
        }
      } else if (code === LF || code === CR) {
        this.chars = chars;
        this.fields = fields;
        this.hasContent = hasContent;
        this.endRecord();
        state = FIELD_START;
        chars = 0;
        fields = 0;
        hasContent = false;
        if (code === CR) {
          if (i + 1 < length) {
            if (text.charCodeAt(i + 1) === LF) i++;
          } else this.pendingCr = true;
        }
      } else {
        state = code === QUOTE && state === FIELD_START ? QUOTED : UNQUOTED;
        hasContent = true;
      }
    }
    this.state = state;
    this.chars = chars;
    this.fields = fields;
    this.hasContent = hasContent;
  }

  finish(): CsvShape {
    if (this.state === QUOTED) {
      this.refuse(
        `row ${this.currentRow} opens a quote (") that is never closed`,
        'fix the quoting in the file or export it again',
      );
    }
    if (this.hasContent || this.fields > 0) this.endRecord();
    return { records: this.records, maxFields: this.maxFields, blankRuns: this.blankRuns };
  }

  private endRecord(): void {
    if (this.hasContent) {
      this.records += 1;
      this.maxFields = Math.max(this.maxFields, this.fields + 1);
      this.longest = Math.max(this.longest, this.chars);
    } else {
      this.blankLines += 1;
      const last = this.blankRuns.at(-1);
      if (last && last.afterRecords === this.records) last.blankLinesSoFar = this.blankLines;
      else this.blankRuns.push({ afterRecords: this.records, blankLinesSoFar: this.blankLines });
    }
    this.fields = 0;
    this.chars = 0;
    this.hasContent = false;
    this.state = FIELD_START;
  }

  private refuse(message: string, hint: string): never {
    throw new UserError(`${this.label}: ${message}`, { hint });
  }
}
