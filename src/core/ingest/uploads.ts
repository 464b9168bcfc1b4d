/**
 * Uploaded files waiting to be previewed and imported: streamed to `<data dir>/uploads/<uuid>/`
 * with a size limit, found again only by their uuid (never by a path from the request), and kept
 * under their original name with anything but letters, digits, dot, dash and underscore replaced.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { UserError } from '../shared/errors.ts';

// .jsonl/.ndjson: live event recordings (kind live_events).
export const ACCEPTED_EXTENSIONS = ['.xlsx', '.xlsm', '.csv', '.tsv', '.txt', '.jsonl', '.ndjson'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function safeFileName(name: string): string {
  const base = path.basename(name.replaceAll('\\', '/')).normalize('NFC');
  const cleaned = base.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^\.+/, '').slice(-120);
  return cleaned || 'upload';
}

export async function saveUpload(dataDir: string, fileName: string, stream: Readable): Promise<{ uploadId: string; file: string; size: number }> {
  const file = safeFileName(fileName);
  const extension = path.extname(file).toLowerCase();
  if (!ACCEPTED_EXTENSIONS.includes(extension)) {
    stream.resume();
    throw new UserError(`cannot import ${extension || 'a file without an extension'} files`, { hint: 'upload an .xlsx or .csv export (or a .jsonl recording of a LIVE)' });
  }
  const uploadId = randomUUID();
  const dir = path.join(dataDir, 'uploads', uploadId);
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, file);
  try {
    await pipeline(stream, createWriteStream(target, { flags: 'wx' }));
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return { uploadId, file, size: (await stat(target)).size };
}

export async function uploadPath(dataDir: string, uploadId: string): Promise<string> {
  if (!UUID.test(uploadId)) throw new UserError('unknown upload', { code: 'not_found', hint: 'upload the file again' });
  const dir = path.join(dataDir, 'uploads', uploadId);
  const files = await readdir(dir).catch(() => []);
  const file = files[0];
  if (!file) throw new UserError('unknown upload', { code: 'not_found', hint: 'upload the file again' });
  return path.join(dir, file);
}

export async function removeUpload(dataDir: string, uploadId: string): Promise<void> {
  if (UUID.test(uploadId)) await rm(path.join(dataDir, 'uploads', uploadId), { recursive: true, force: true });
}
