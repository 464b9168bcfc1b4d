/**
 * The CSV read stage: a delimited text file → the staging table (see stage-table.ts), with the
 * rows loaded by DuckDB's `read_csv`. Before DuckDB sees the file it is checked (size, binary
 * content, encoding), its delimiter is detected and one streaming pass measures its shape
 * (scan-csv.ts). Files that are not UTF-8 are read through a UTF-8 copy in a temp directory,
 * removed afterwards. A file that looked like UTF-8 at first but is not is read again as
 * Windows-1252 when its first bytes were plain ASCII (Excel's Western "CSV"), else refused.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UserError } from '../../shared/errors.ts';
import { checkInputFile, fileLabel, readFileHead } from './check-input-file.ts';
import { detectDelimiter, type Delimiter } from './detect-delimiter.ts';
import { headRowCount, readLimits, type ReadLimits } from './read-limits.ts';
import { CsvScanner } from './scan-csv.ts';
import { InvalidUtf8Error, scanCsvFile, type ScannedCsvShape } from './scan-csv-file.ts';
import { sniffText, type TextEncoding } from './sniff-text.ts';
import { stageCsv } from './stage-csv.sql.ts';
import {
  countRows,
  DEFAULT_STAGE_TABLE,
  dropStageTable,
  readHeadRows,
  type StagedFile,
  type StageTarget,
} from './stage-table.ts';

export interface ReadCsvOptions {
  /** Name of the TEMP table to (re)create; default `stage`. */
  table?: string;
  /** Skip detection. */
  delimiter?: Delimiter;
  /** `--header-row N`: the head returned reaches at least one row past it. */
  headerRow?: number;
  limits?: Partial<ReadLimits>;
}

export interface StagedCsv extends StagedFile {
  delimiter: Delimiter;
  encoding: TextEncoding;
}

const HEAD_BYTES = 64 * 1024;

/** DuckDB's own default `max_line_size` (2 MiB); its read buffer is 16 lines of that size. */
const DUCKDB_DEFAULT_LINE_BYTES = 2 * 1024 * 1024;

/**
 * `max_line_size` for a file whose longest record the scanner measured (in UTF-16 units, each at
 * most 3 bytes of UTF-8, a surrogate pair 4): room for that record, never below DuckDB's default.
 * Sizing it from the limit instead (8 MB) made DuckDB read in 128 MB buffers — slower, and 100 MB
 * more memory for every import.
 */
export function csvLineBufferBytes(longestRecordChars: number): number {
  return Math.max(DUCKDB_DEFAULT_LINE_BYTES, 3 * longestRecordChars + 1024);
}

interface Scanned {
  shape: ScannedCsvShape;
  encoding: TextEncoding;
  /** The UTF-8 file DuckDB reads. */
  source: string;
}

async function scan(
  file: string,
  encoding: TextEncoding,
  delimiter: Delimiter,
  limits: ReadLimits,
  workDir: () => Promise<string>,
): Promise<Scanned> {
  const label = fileLabel(file);
  const common = { delimiter, limits, label };
  if (encoding !== 'utf-8') {
    const copy = path.join(await workDir(), 'utf8.csv');
    return { shape: await scanCsvFile(file, { ...common, encoding, copyTo: copy }), encoding, source: copy };
  }
  return { shape: await scanCsvFile(file, { ...common, encoding }), encoding, source: file };
}

/** The widest record among the complete records of the file's head, or null when it has none. */
function headWidth(text: string, delimiter: string, limits: ReadLimits, label: string): number | null {
  const scanner = new CsvScanner(delimiter, limits, label);
  try {
    scanner.feed(text);
  } catch {
    return null; // the scan of the whole file reports it
  }
  return scanner.widestRecord > 0 ? scanner.widestRecord : null;
}

/**
 * The staging read of a UTF-8 file, started before the scan with the head's width: DuckDB reads
 * the file on its threads while the scan runs here, and the scan then only confirms the guess
 * (same width, no blank lines, no record longer than DuckDB's default line). Settles to whether the
 * table was written; a failure is not reported — the scan or the exact read that follows does.
 */
function stageEarly(target: StageTarget, file: string, delimiter: Delimiter, width: number, table: string): Promise<boolean> {
  return stageCsv({
    ...target,
    file,
    delimiter,
    shape: { records: 0, maxFields: width, blankRuns: [] },
    table,
    maxLineBytes: csvLineBufferBytes(0),
  }).then(
    () => true,
    () => false,
  );
}

function isAscii(bytes: Uint8Array): boolean {
  return bytes.every((b) => b < 0x80);
}

export async function readCsv(
  target: StageTarget,
  file: string,
  options: ReadCsvOptions = {},
): Promise<StagedCsv> {
  const limits = readLimits(options.limits);
  const table = options.table ?? DEFAULT_STAGE_TABLE;
  const label = fileLabel(file);
  await checkInputFile(file, limits.maxBytes);
  const head = await readFileHead(file, HEAD_BYTES);
  const sniffed = sniffText(head, label);
  const delimiter = options.delimiter ?? detectDelimiter(sniffed.text);
  let tempDir: string | undefined;
  const workDir = async (): Promise<string> => (tempDir ??= await mkdtemp(path.join(tmpdir(), 'aisle-csv-')));
  const guessedWidth = sniffed.encoding === 'utf-8' ? headWidth(sniffed.text, delimiter, limits, label) : null;
  const early = guessedWidth === null ? null : stageEarly(target, file, delimiter, guessedWidth, table);
  try {
    let scanned: Scanned;
    try {
      scanned = await scan(file, sniffed.encoding, delimiter, limits, workDir);
    } catch (error) {
      if (!(error instanceof InvalidUtf8Error)) throw error;
      if (!isAscii(head)) {
        throw new UserError(`${label} is not valid UTF-8 text (row ${error.row})`, {
          hint: 'save the file again as "CSV UTF-8" and import that copy',
        });
      }
      scanned = await scan(file, 'windows-1252', delimiter, limits, workDir);
    }
    if (scanned.shape.records === 0) {
      throw new UserError(`${label} has no rows, only blank lines`, {
        hint: 'export the data again; the file is empty',
      });
    }
    const maxLineBytes = csvLineBufferBytes(scanned.shape.longestRecordChars);
    const guessed =
      early !== null &&
      scanned.source === file &&
      scanned.shape.maxFields === guessedWidth &&
      scanned.shape.blankRuns.length === 0 &&
      maxLineBytes === csvLineBufferBytes(0);
    // An early read that guessed wrong is replaced by the exact one (CREATE OR REPLACE).
    if (!(guessed && (await early))) {
      if (early) await early;
      await stageCsv({ ...target, file: scanned.source, delimiter, shape: scanned.shape, table, maxLineBytes });
    }
    const rowCount = await countRows(target.executor, table);
    if (rowCount !== scanned.shape.records) {
      await dropStageTable(target.executor, table);
      throw new UserError(
        `${label}: ${scanned.shape.records} rows were found but ${rowCount} could be read`,
        {
          hint: 'the quoting or line endings in the file are inconsistent; export it again',
        },
      );
    }
    const columnCount = scanned.shape.maxFields;
    return {
      table,
      columnCount,
      rowCount,
      sheet: null,
      head: await readHeadRows(target.executor, table, columnCount, headRowCount(limits, options.headerRow)),
      delimiter,
      encoding: scanned.encoding,
    };
  } catch (error) {
    // Never leave the early read's table behind a refused file.
    if (early) {
      await early;
      await dropStageTable(target.executor, table);
    }
    throw error;
  } finally {
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  }
}
