/**
 * Refuses what is not a readable .xlsx before exceljs sees it: a legacy .xls or password-protected
 * workbook (both are OLE files, not zip), a CSV or other file given an .xlsx name, and a truncated
 * download (a zip whose central directory, at the very end, is missing). exceljs would throw
 * "FILE_ENDED" or a JSZip message that tells the user nothing.
 *
 * Also refuses zip bombs by the sizes the workbook's own directory declares: more unpacked bytes
 * in all than `maxUnpackedBytes`, or a large part compressed beyond `maxCompressionRatio` (real
 * sheets compress 5–30×; a sheet of 300 MB of spaces compresses 1,000×). Reading such a file would
 * take minutes of CPU for nothing.
 */
import { UserError } from '../../shared/errors.ts';
import { readFileHead } from './check-input-file.ts';
import { EOCD, EOCD_SEARCH, readFileTail, readZipDirectory } from './zip-directory.ts';

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, prefix: number[]): boolean => prefix.every((b, i) => bytes[i] === b);

export interface WorkbookLimits {
  maxUnpackedBytes: number;
  maxCompressionRatio: number;
}

export const DEFAULT_WORKBOOK_LIMITS: WorkbookLimits = { maxUnpackedBytes: 2 * 1024 ** 3, maxCompressionRatio: 200 };
/** Parts smaller than this unpacked are never judged by their ratio (a 1 MB sheet of blanks is fine). */
const RATIO_FROM_BYTES = 16 * 1024 ** 2;

export async function checkWorkbookFile(file: string, size: number, label: string, limits: WorkbookLimits = DEFAULT_WORKBOOK_LIMITS): Promise<void> {
  const head = await readFileHead(file, 8);
  if (startsWith(head, OLE)) {
    throw new UserError(`${label} is a legacy Excel (.xls) or password-protected workbook`, {
      hint: 'open it in Excel, remove any password and save it as .xlsx',
    });
  }
  if (!startsWith(head, ZIP_LOCAL)) {
    throw new UserError(`${label} is not an Excel (.xlsx) workbook`, {
      hint: 'if it is a CSV export, give it a .csv name; otherwise export it again as .xlsx',
    });
  }
  const tail = await readFileTail(file, size, EOCD_SEARCH);
  if (!tail.includes(EOCD)) {
    throw new UserError(`${label} is truncated or damaged: the end of the workbook is missing`, {
      hint: 'download or export the file again',
    });
  }
  const parts = await readZipDirectory(file, size, tail);
  if (!parts) {
    throw new UserError(`${label} is damaged: its table of contents cannot be read`, { hint: 'download or export the file again' });
  }
  const unpacked = parts.reduce((sum, p) => sum + p.unpacked, 0);
  const bomb = parts.find((p) => p.unpacked >= RATIO_FROM_BYTES && p.unpacked > limits.maxCompressionRatio * Math.max(1, p.compressed));
  if (unpacked > limits.maxUnpackedBytes || bomb) {
    const part = bomb ?? parts.reduce((a, b) => (b.unpacked > a.unpacked ? b : a));
    const mib = (n: number) => (Number.isFinite(n) ? `${Math.round(n / 1024 ** 2).toLocaleString('en-US')} MB` : 'more than 4 GB');
    throw new UserError(
      `${label} unpacks to ${mib(bomb ? part.unpacked : unpacked)}${bomb ? ` from ${mib(part.compressed)} (${part.name})` : ''}: more than an import reads`,
      { hint: 'this is not a normal export (a real sheet compresses 5–30×); export the data again, or split it into smaller files' },
    );
  }
}
