/**
 * A workbook's zip read through its central directory (the table of contents at the end of the
 * file), so each part can be opened on its own, in the order a reader needs them.
 *
 * Reading the zip front to back instead, as exceljs's streaming reader does, breaks on workbooks
 * whose `xl/workbook.xml` comes after the sheets (exceljs's own writer puts it last): the sheets
 * are spooled to temporary files and the reader then often fails with "Cannot read properties of
 * undefined (reading 'sheets')". See xlsx-rows.ts.
 *
 * A part never unpacks to more than its directory entry declares: the sizes checked against zip
 * bombs (check-workbook-file.ts) are the sizes that are read.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { PassThrough, Transform, pipeline, type Readable, type TransformCallback } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

export interface ZipPart {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused when the part is opened. */
  method: number;
  flags: number;
  compressed: number;
  /** Infinity for a ZIP64 entry (over 4 GB: no workbook an import reads). */
  unpacked: number;
  /** Where the part's local header starts. */
  offset: number;
}

/** End-of-central-directory record: 22 bytes plus a comment of up to 65,535 bytes. */
export const EOCD = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
export const EOCD_SEARCH = 22 + 65_535;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

export async function readFileTail(file: string, size: number, length: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(size, length));
    await handle.read(buffer, 0, buffer.length, size - buffer.length);
    return buffer;
  } finally {
    await handle.close();
  }
}

/**
 * The parts listed in the zip's central directory, or null when there is no readable directory
 * (truncated, not a zip, or a directory that points outside the file).
 */
export async function readZipDirectory(file: string, size: number, tail?: Buffer): Promise<ZipPart[] | null> {
  const tailBytes = tail ?? (await readFileTail(file, size, EOCD_SEARCH));
  const end = tailBytes.lastIndexOf(EOCD);
  if (end < 0 || end + 22 > tailBytes.length) return null;
  const count = tailBytes.readUInt16LE(end + 10);
  const dirSize = tailBytes.readUInt32LE(end + 12);
  const dirOffset = tailBytes.readUInt32LE(end + 16);
  if (dirOffset + dirSize > size || dirSize > 64 * 1024 ** 2) return null;
  const handle = await open(file, 'r');
  let bytes: Buffer;
  try {
    bytes = Buffer.alloc(dirSize);
    await handle.read(bytes, 0, dirSize, dirOffset);
  } finally {
    await handle.close();
  }
  const parts: ZipPart[] = [];
  for (let p = 0; p + 46 <= bytes.length && parts.length < count; ) {
    if (bytes.readUInt32LE(p) !== CENTRAL_ENTRY) return null;
    const compressed = bytes.readUInt32LE(p + 20);
    const unpacked = bytes.readUInt32LE(p + 24);
    const nameLength = bytes.readUInt16LE(p + 28);
    const extra = bytes.readUInt16LE(p + 30);
    const comment = bytes.readUInt16LE(p + 32);
    const offset = bytes.readUInt32LE(p + 42);
    const zip64 = compressed === 0xffffffff || unpacked === 0xffffffff || offset === 0xffffffff;
    parts.push({
      name: bytes.subarray(p + 46, p + 46 + nameLength).toString('utf8'),
      method: bytes.readUInt16LE(p + 10),
      flags: bytes.readUInt16LE(p + 8),
      compressed,
      unpacked: zip64 ? Number.POSITIVE_INFINITY : unpacked,
      offset,
    });
    p += 46 + nameLength + extra + comment;
  }
  return parts;
}

/** Fails the stream once more bytes pass than the part's directory entry declared. */
class AtMost extends Transform {
  private seen = 0;
  constructor(private readonly limit: number, private readonly name: string) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.limit) done(new Error(`${this.name} unpacks to more than its table of contents declares`));
    else done(null, chunk);
  }
}

/**
 * The unpacked bytes of one part. Opening is lazy in the caller's hands: nothing is read until the
 * stream is. Errors (damaged data, a part larger than declared) arrive on the returned stream.
 */
export function openZipPart(file: string, part: ZipPart): Readable {
  const out = new PassThrough();
  const fail = (error: Error): void => {
    out.destroy(error);
  };
  if (part.flags & 0x1) {
    queueMicrotask(() => fail(new Error(`${part.name} is encrypted`)));
    return out;
  }
  if (part.method !== 0 && part.method !== 8) {
    queueMicrotask(() => fail(new Error(`${part.name} uses compression method ${part.method}, which Excel does not write`)));
    return out;
  }
  void (async () => {
    const handle = await open(file, 'r');
    const header = Buffer.alloc(30);
    try {
      await handle.read(header, 0, 30, part.offset);
    } finally {
      await handle.close();
    }
    if (header.readUInt32LE(0) !== LOCAL_HEADER) throw new Error(`${part.name}: its entry in the table of contents points to no part`);
    const start = part.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (out.destroyed) return;
    if (part.compressed === 0) {
      out.end();
      return;
    }
    const raw = createReadStream(file, { start, end: start + part.compressed - 1, highWaterMark: 256 * 1024 });
    const done = (error: NodeJS.ErrnoException | null): void => {
      if (error && !out.destroyed) out.destroy(error);
    };
    const limit = new AtMost(part.unpacked, part.name);
    if (part.method === 8) pipeline(raw, createInflateRaw({ chunkSize: 64 * 1024 }), limit, out, done);
    else pipeline(raw, limit, out, done);
  })().catch((error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));
  return out;
}
