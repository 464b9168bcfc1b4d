import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { makeTempDir, openMigratedMemoryDb } from '../../../../test/support/temp-db.ts';
import { listLineProblems, readRecording } from './read-recording.sql.ts';
import { normaliseText, termNeedle, termsOf, type LexiconList } from './event-lexicon.ts';

// The reader on tiny inline recordings: every kind of broken line is reported with its line
// number, field, value and reason, and nothing stops the rest from reading.
describe('reading a recording', () => {
  let db: Database;
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => {
    db = await openMigratedMemoryDb();
    ({ dir, remove } = await makeTempDir());
  });
  afterAll(async () => {
    await db.close();
    await remove();
  });

  async function read(name: string, body: Buffer | string, timezone = 'UTC') {
    const file = path.join(dir, name);
    await writeFile(file, body);
    return db.withConnection(async (executor) => {
      const counts = await readRecording(executor, file, timezone);
      const problems = await listLineProblems(executor, 100);
      const valid = await executor.query<{
        line_no: number;
        event: string;
        at: string;
        user_id: string | null;
      }>(sql`SELECT line_no, event, "at", user_id FROM event_lines WHERE problem IS NULL ORDER BY line_no`);
      return { counts, problems, valid };
    });
  }

  it('reports each broken line and reads the others', async () => {
    const ok = '{"roomId":"r","event":"chat","ts":1795201200000,"userId":"u","payload":{"comment":"hi"}}';
    const body = Buffer.concat([
      Buffer.from(
        [
          ok,
          '{"roomId":"r","event":"chat","ts":17952',
          '"just a string"',
          '{"roomId":"r","event":"dance","ts":1795201200000}',
          '{"roomId":"r","event":"like","payload":{"likeCount":1}}',
          '{"roomId":"r","event":"like","ts":"yesterday","payload":{"likeCount":1}}',
          '{"roomId":"r","event":"gift","ts":1795201200000,"payload":{"giftId":1,"diamondCount":"lots"}}',
          '{"roomId":"r","event":"chat","ts":1795201200000,"payload":{}}',
          '{"roomId":"r","ts":1795201200000}',
          '',
          '',
        ].join('\n'),
      ),
      Buffer.from([0xc3, 0x28, 0x00, 0xff, 0x0a]),
      Buffer.from(`${ok}\n`),
    ]);
    const { counts, problems, valid } = await read('broken.jsonl', body);
    expect(counts).toEqual({ lines: 12, blank: 1, rejected: 9, valid: 2 });
    expect(problems.map((p) => [p.row, p.column, p.value, p.message])).toEqual([
      [2, null, '{"roomId":"r","event":"chat","ts":17952', 'not valid JSON (a truncated or broken line)'],
      [
        3,
        null,
        '"just a string"',
        'not a JSON object: each line must be {roomId, event, ts, userId, payload}',
      ],
      [4, 'event', 'dance', expect.stringMatching(/^unknown event; a recording holds chat, member/)],
      [5, 'ts', null, 'no timestamp (ts)'],
      [6, 'ts', 'yesterday', 'not a timestamp: epoch milliseconds, epoch seconds or an ISO date-time'],
      [
        7,
        'payload.diamondCount',
        'lots',
        'a gift event needs payload.diamondCount: a number of diamonds ≥ 0',
      ],
      [8, 'payload.comment', null, 'a chat event needs payload.comment (text)'],
      [9, 'event', null, 'no event name'],
      [11, null, '\\xC3(\\x00\\xFF', 'the line is not UTF-8 text (binary data?)'],
    ]);
    expect(valid.map((v) => v.line_no)).toEqual([1, 12]);
  });

  it('reads epoch milliseconds, epoch seconds, ISO with an offset and local times in the workspace zone; CRLF and a BOM', async () => {
    const lines = [
      '{"event":"member","ts":1795201200000}',
      '{"event":"member","ts":1795201260}',
      '{"event":"member","ts":"2026-11-21T02:02:00+07:00"}',
      '{"event":"member","ts":"2026-11-21 02:03:00"}',
    ];
    const { counts, valid } = await read('times.ndjson', `\uFEFF${lines.join('\r\n')}\r\n`, 'Asia/Jakarta');
    expect(counts).toEqual({ lines: 4, blank: 0, rejected: 0, valid: 4 });
    expect(valid.map((v) => v.at)).toEqual([
      '2026-11-20T19:00:00.000Z',
      '2026-11-20T19:01:00.000Z',
      '2026-11-20T19:02:00.000Z',
      '2026-11-20T19:03:00.000Z',
    ]);
  });

  it('matches lexicon words whole in Latin scripts and anywhere in Chinese and Thai', () => {
    const holds = (list: LexiconList, text: string) =>
      termsOf(list).some((t) => {
        const { in: where, needle } = termNeedle(t);
        return (where === 'words' ? normaliseText(text) : text.normalize('NFC').toLowerCase()).includes(
          needle,
        );
      });
    expect(normaliseText('  The PRICE?!  ')).toBe(' the price ');
    expect(holds('intent', 'the price?')).toBe(true);
    expect(holds('intent', 'priceless')).toBe(false);
    expect(holds('intent', 'berapa harganya')).toBe(true); // "berapa"; "harga" not inside "harganya"
    expect(holds('intent', 'harganya')).toBe(false);
    expect(holds('intent', '这个多少钱')).toBe(true);
    expect(holds('question', 'ราคาเท่าไหร่คะ')).toBe(true);
    expect(holds('intent', 'Giá bao nhiêu'.normalize('NFD'))).toBe(true);
  });
});
