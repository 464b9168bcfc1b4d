/**
 * SHA-256 of a file, streamed: how an identical re-import is recognised. Read in 1 MB chunks: with
 * the default 64 KB, stepping through ~1,000 chunks of a 60 MB export took as long as hashing them.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
