/**
 * Refuses what is not a readable .xlsx before exceljs sees it: a legacy .xls or password-protected
 * workbook (both are OLE files, not zip), a CSV or other file given an .xlsx name, and a truncated
 * download (a zip whose central directory, at the very end, is missing). exceljs would throw
 * "FILE_ENDED" or a JSZip message that tells the user nothing.
 */
import { open } from 'node:fs/promises';
import { UserError } from '../../shared/errors.ts';
import { readFileHead } from './check-input-file.ts';

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
/** End-of-central-directory record: 22 bytes plus a comment of up to 65,535 bytes. */
const EOCD = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const EOCD_SEARCH = 22 + 65_535;

const startsWith = (bytes: Uint8Array, prefix: number[]): boolean => prefix.every((b, i) => bytes[i] === b);

async function readTail(file: string, size: number, length: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(size, length));
    await handle.read(buffer, 0, buffer.length, size - buffer.length);
    return buffer;
  } finally {
    await handle.close();
  }
}

export async function checkWorkbookFile(file: string, size: number, label: string): Promise<void> {
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
  if (!(await readTail(file, size, EOCD_SEARCH)).includes(EOCD)) {
    throw new UserError(`${label} is truncated or damaged: the end of the workbook is missing`, {
      hint: 'download or export the file again',
    });
  }
}
