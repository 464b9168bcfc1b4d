/**
 * The backup file: a gzip-compressed tar (ustar) of flat files — a manifest, DuckDB's `schema.sql`
 * and `load.sql`, and one Parquet file per table. Written and read here by hand (a tar header is 512
 * bytes) so a backup needs no extra dependency and, above all, so reading one is strict: a restore
 * reads files that may have been tampered with or damaged, so every entry must be a plain file with
 * a plain name (no directories, no `..`, no links), within a size budget, with a valid header
 * checksum; anything else is refused before a byte is written.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { Readable } from 'node:stream';
import { UserError } from '../shared/errors.ts';

const BLOCK = 512;
/** A plain file name: letters, digits, `._-`, not starting with a dot. */
const SAFE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$/;

export interface ArchiveLimits {
  /** Most entries an archive may hold. */
  maxEntries: number;
  /** Most bytes all entries may hold once unpacked. */
  maxTotalBytes: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = { maxEntries: 500, maxTotalBytes: 64 * 1024 ** 3 };

function octal(value: number, width: number): Buffer {
  const text = value.toString(8).padStart(width - 1, '0');
  return Buffer.from(`${text}\0`, 'ascii');
}

function header(name: string, size: number, mtime: number): Buffer {
  const block = Buffer.alloc(BLOCK, 0);
  block.write(name, 0, 100, 'utf8');
  octal(0o644, 8).copy(block, 100);
  octal(0, 8).copy(block, 108);
  octal(0, 8).copy(block, 116);
  octal(size, 12).copy(block, 124);
  octal(Math.floor(mtime / 1000), 12).copy(block, 136);
  block.fill(' ', 148, 156); // checksum counts as spaces while it is computed
  block.write('0', 156, 1, 'ascii'); // regular file
  block.write('ustar\u000000', 257, 8, 'binary');
  let sum = 0;
  for (const byte of block) sum += byte;
  Buffer.from(`${sum.toString(8).padStart(6, '0')}\0 `, 'ascii').copy(block, 148);
  return block;
}

/** Yields the tar stream of `files` (name in the archive → path on disk), then the end blocks. */
async function* tarStream(files: { name: string; file: string }[]): AsyncGenerator<Buffer> {
  for (const entry of files) {
    if (!SAFE_NAME.test(entry.name)) throw new Error(`backup entry name not allowed: ${entry.name}`);
    const info = await stat(entry.file);
    yield header(entry.name, info.size, info.mtimeMs);
    let written = 0;
    for await (const chunk of createReadStream(entry.file)) {
      written += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
    if (written !== info.size) throw new Error(`${entry.file} changed while it was archived`);
    const pad = (BLOCK - (info.size % BLOCK)) % BLOCK;
    if (pad) yield Buffer.alloc(pad, 0);
  }
  yield Buffer.alloc(BLOCK * 2, 0);
}

export async function writeArchive(target: string, files: { name: string; file: string }[]): Promise<void> {
  await pipeline(Readable.from(tarStream(files)), createGzip({ level: 6 }), createWriteStream(target));
}

function refuse(file: string, reason: string): never {
  throw new UserError(`${path.basename(file)} is not an Aisle backup: ${reason}`, {
    hint: 'restore a file written by `aisle backup` (or Settings → Backup), unchanged',
    details: { value: path.basename(file) },
  });
}

function parseOctal(block: Buffer, offset: number, width: number): number {
  const text = block.subarray(offset, offset + width).toString('ascii').replace(/[\0 ]+$/g, '').trim();
  if (!/^[0-7]+$/.test(text)) return Number.NaN;
  return parseInt(text, 8);
}

/**
 * Unpacks `archive` into `dir` (which must exist and be empty of these names), checking every
 * header before writing its file. Returns the names written.
 */
export async function readArchive(archive: string, dir: string, limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS): Promise<string[]> {
  const names: string[] = [];
  let total = 0;
  let pending: Buffer = Buffer.alloc(0);
  let current: { name: string; remaining: number; pad: number; out: FileHandle } | null = null;
  let ended = false;

  const input = createReadStream(archive).pipe(createGunzip());
  try {
    for await (const chunk of input) {
      pending = pending.length ? Buffer.concat([pending, chunk as Buffer]) : (chunk as Buffer);
      for (;;) {
        if (ended) {
          pending = Buffer.alloc(0);
          break;
        }
        if (current) {
          if (current.remaining > 0) {
            if (pending.length === 0) break;
            const take = Math.min(current.remaining, pending.length);
            await current.out.write(pending.subarray(0, take));
            current.remaining -= take;
            pending = pending.subarray(take);
            continue;
          }
          if (pending.length < current.pad) break;
          pending = pending.subarray(current.pad);
          await current.out.close();
          current = null;
          continue;
        }
        if (pending.length < BLOCK) break;
        const block = pending.subarray(0, BLOCK);
        pending = pending.subarray(BLOCK);
        if (block.every((b) => b === 0)) {
          ended = true;
          continue;
        }
        const stored = parseOctal(block, 148, 8);
        const check = Buffer.from(block);
        check.fill(' ', 148, 156);
        let sum = 0;
        for (const byte of check) sum += byte;
        if (stored !== sum) refuse(archive, 'a damaged entry header (checksum)');
        const name = block.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
        const type = String.fromCharCode(block[156] ?? 0);
        if (type !== '0' && type !== '\0') refuse(archive, `entry "${name}" is not a plain file`);
        if (!SAFE_NAME.test(name)) refuse(archive, `entry name "${name}" is not allowed`);
        if (names.includes(name)) refuse(archive, `entry "${name}" appears twice`);
        const size = parseOctal(block, 124, 12);
        if (!Number.isFinite(size) || size < 0) refuse(archive, `entry "${name}" has no valid size`);
        total += size;
        if (names.length + 1 > limits.maxEntries) refuse(archive, `more than ${limits.maxEntries} entries`);
        if (total > limits.maxTotalBytes) refuse(archive, `more than ${limits.maxTotalBytes} bytes unpacked`);
        names.push(name);
        const out = await open(path.join(dir, name), 'wx');
        current = { name, remaining: size, pad: (BLOCK - (size % BLOCK)) % BLOCK, out };
      }
    }
  } catch (error) {
    await current?.out.close().catch(() => undefined);
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR' || code === 'ERR_INVALID_ARG_VALUE') refuse(archive, 'not a gzip file, or a damaged one');
    throw error;
  }
  if (current) {
    await current.out.close();
    refuse(archive, `the file ends inside entry "${current.name}" (truncated)`);
  }
  if (!ended) refuse(archive, 'the file ends before the archive does (truncated)');
  return names;
}
