/**
 * Streaming text decoders for the encodings CSV exports come in. UTF-8 is decoded strictly, so a
 * file that is not UTF-8 after all is reported instead of read as mojibake. Windows-1252 is
 * decoded here by hand: Node 20's TextDecoder treats it as ISO-8859-1 and turns the bytes
 * 0x80–0x9F (€ ‚ „ … “ ” – — ™ in Excel's Western CSVs) into invisible control characters.
 */
import type { TextEncoding } from './sniff-text.ts';

export interface StreamDecoder {
  /** Decodes the next chunk; `final` flushes a character cut at the end. Throws on invalid UTF-8. */
  decode(chunk: Uint8Array, final?: boolean): string;
}

// Code points of the bytes 0x80–0x9F in Windows-1252 (the five unassigned bytes map to themselves).
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d,
  0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x9d, 0x017e, 0x0178,
];

function decodeWindows1252(chunk: Uint8Array): string {
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (ch) =>
      String.fromCharCode(CP1252_HIGH[ch.charCodeAt(0) - 0x80] ?? ch.charCodeAt(0)),
    );
}

export function createStreamDecoder(encoding: TextEncoding): StreamDecoder {
  if (encoding === 'windows-1252') return { decode: (chunk) => decodeWindows1252(chunk) };
  // The byte-order mark is dropped (ignoreBOM: false); DuckDB drops it too.
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  return { decode: (chunk, final = false) => decoder.decode(chunk, { stream: !final }) };
}
