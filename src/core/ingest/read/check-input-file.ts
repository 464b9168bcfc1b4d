/**
 * The checks every reader makes before touching a file's content: it exists, is a regular file,
 * is not empty and is not larger than the configured limit. Messages name the file and say what to
 * do, because they end up in front of the user unchanged.
 */
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../shared/errors.ts';

export function fileLabel(file: string): string {
  return path.basename(file);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(bytes >= 10 * 1024 * 1024 ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

export async function checkInputFile(file: string, maxBytes: number): Promise<{ size: number }> {
  const label = fileLabel(file);
  const info = await stat(file).catch((error: unknown) => {
    throw new UserError(`${label}: file not found`, {
      code: 'not_found',
      hint: `check the path ${file}`,
      cause: error,
    });
  });
  if (!info.isFile())
    throw new UserError(`${label}: not a file`, { hint: 'give the path of a .csv or .xlsx file' });
  if (info.size === 0)
    throw new UserError(`${label} is empty (0 bytes)`, {
      hint: 'export the data again; the file has no content',
    });
  if (info.size > maxBytes) {
    throw new UserError(
      `${label} is ${formatBytes(info.size)}, more than the ${formatBytes(maxBytes)} an import accepts`,
      {
        hint: 'split the export into smaller files (for example one per month)',
      },
    );
  }
  return { size: info.size };
}

/** The first `length` bytes of a file (fewer when the file is shorter). */
export async function readFileHead(file: string, length: number): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = new Uint8Array(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
