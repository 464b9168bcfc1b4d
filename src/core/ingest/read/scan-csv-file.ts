/**
 * Streams a CSV file through its decoder and the scanner in one pass, optionally writing the
 * decoded text to a UTF-8 copy (for files DuckDB cannot read as they are: UTF-16 big-endian and
 * Windows-1252, whose bytes 0x80–0x9F DuckDB's latin-1 reader refuses). Memory stays at one chunk.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { createStreamDecoder } from './decode-text.ts';
import { CsvScanner, type CsvScanLimits, type CsvShape } from './scan-csv.ts';
import type { TextEncoding } from './sniff-text.ts';

/** The file stopped being valid UTF-8 at this row. */
export class InvalidUtf8Error extends Error {
  constructor(readonly row: number) {
    super(`invalid UTF-8 at row ${row}`);
    this.name = 'InvalidUtf8Error';
  }
}

export interface ScanCsvFileOptions {
  encoding: TextEncoding;
  delimiter: string;
  limits: CsvScanLimits;
  label: string;
  /** Write the decoded text here as UTF-8. */
  copyTo?: string;
}

/** The shape, and the longest record's length in characters (line break included). */
export interface ScannedCsvShape extends CsvShape {
  longestRecordChars: number;
}

export async function scanCsvFile(file: string, options: ScanCsvFileOptions): Promise<ScannedCsvShape> {
  const scanner = new CsvScanner(options.delimiter, options.limits, options.label);
  const decoder = createStreamDecoder(options.encoding);
  const input = createReadStream(file, { highWaterMark: 1024 * 1024 });
  const output = options.copyTo ? createWriteStream(options.copyTo, { encoding: 'utf8' }) : undefined;
  const decode = (chunk: Uint8Array, final: boolean): string => {
    try {
      return decoder.decode(chunk, final);
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
      // Scan up to the bad byte so the error names its row.
      const lossy = new TextDecoder('utf-8').decode(chunk);
      scanner.feed(lossy.slice(0, Math.max(0, lossy.indexOf('\ufffd'))));
      throw new InvalidUtf8Error(scanner.currentRow);
    }
  };
  const write = async (text: string): Promise<void> => {
    if (output && text && !output.write(text)) await once(output, 'drain');
  };
  try {
    for await (const chunk of input) {
      const text = decode(chunk as Buffer, false);
      scanner.feed(text);
      await write(text);
    }
    const rest = decode(new Uint8Array(0), true);
    scanner.feed(rest);
    await write(rest);
    const shape = scanner.finish();
    if (output) {
      output.end();
      await finished(output);
    }
    return { ...shape, longestRecordChars: scanner.longestRecordChars };
  } finally {
    input.destroy();
    output?.destroy();
  }
}
