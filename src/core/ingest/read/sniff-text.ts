/**
 * What a ".csv" really is, from its first bytes: the text encoding (UTF-8, UTF-16 with or without
 * a byte-order mark, GB18030 for Chinese exports saved by Excel or WPS on a Chinese Windows, else
 * Windows-1252, which is what Excel's "CSV" writes in Western locales) and
 * whether it is text at all. Workbooks, legacy .xls files and binary data renamed to .csv are
 * refused here with a message that says what the file is, before DuckDB reads garbage as rows.
 */
import { UserError } from '../../shared/errors.ts';
import { createStreamDecoder } from './decode-text.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'windows-1252';

export interface SniffedText {
  encoding: TextEncoding;
  /** The head decoded (a character cut at the end may be lost). */
  text: string;
}

const startsWith = (head: Uint8Array, bytes: number[]): boolean => bytes.every((b, i) => head[i] === b);

export function detectEncoding(head: Uint8Array): TextEncoding {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(head, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(head, [0xfe, 0xff])) return 'utf-16be';
  // UTF-16 without a mark: ASCII text has a zero in every other byte.
  const pairs = Math.floor(Math.min(head.length, 4096) / 2);
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) zeroEven += 1;
    if (head[2 * i + 1] === 0) zeroOdd += 1;
  }
  if (pairs >= 4 && zeroOdd > pairs * 0.4 && zeroEven < pairs * 0.05) return 'utf-16le';
  if (pairs >= 4 && zeroEven > pairs * 0.4 && zeroOdd < pairs * 0.05) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return looksLikeGb18030(head) ? 'gb18030' : 'windows-1252';
  }
}

/**
 * Chinese text in GBK/GB18030 is made of byte pairs that are both high (common characters: lead
 * 0xA1–0xF7, trail 0xA1–0xFE); Western text in Windows-1252 has single high bytes between ASCII
 * letters. So: most high bytes sit in such pairs, and there are a few of them.
 */
export function looksLikeGb18030(head: Uint8Array): boolean {
  let high = 0;
  let paired = 0;
  const n = Math.min(head.length, 64 * 1024);
  for (let i = 0; i < n; i++) {
    const b = head[i] ?? 0;
    if (b < 0x80) continue;
    const next = head[i + 1] ?? 0;
    if (b >= 0xa1 && b <= 0xf7 && next >= 0xa1 && next <= 0xfe) {
      high += 2;
      paired += 2;
      i += 1;
    } else {
      high += 1;
    }
  }
  return high >= 4 && paired >= high * 0.9;
}

function refuseKnownFormats(head: Uint8Array, label: string): void {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    throw new UserError(`${label} is an Excel workbook or a zip archive, not a CSV file`, {
      hint: 'give it a .xlsx name, or export it again as CSV',
    });
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new UserError(`${label} is a legacy Excel (.xls) workbook, not a CSV file`, {
      hint: 'open it in Excel and save it as .xlsx or as CSV UTF-8',
    });
  }
  if (startsWith(head, [0x1f, 0x8b]) || startsWith(head, [0x25, 0x50, 0x44, 0x46])) {
    throw new UserError(`${label} is a compressed or PDF file, not a CSV file`, {
      hint: 'export the data as CSV or .xlsx',
    });
  }
}

/**
 * C0 control characters other than tab, line feed, form feed and carriage return: they never
 * occur in real exports but make up about a tenth of random bytes.
 */
export function countControlCharacters(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) count += 1;
  }
  return count;
}

export function sniffText(head: Uint8Array, label: string): SniffedText {
  refuseKnownFormats(head, label);
  const encoding = detectEncoding(head);
  // Not strict and not final: the head may end inside a character.
  const text =
    encoding === 'utf-8'
      ? new TextDecoder('utf-8').decode(head, { stream: true })
      : createStreamDecoder(encoding).decode(head);
  const controls = countControlCharacters(text);
  if (text.includes('\u0000') || controls > Math.max(2, text.length * 0.01)) {
    throw new UserError(`${label} does not look like a CSV file: it contains binary data`, {
      hint: 'check that this is the exported CSV; export the data again as CSV or .xlsx',
    });
  }
  return { encoding, text };
}
