import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { makeTempDir, openMigratedMemoryDb } from '../../../../test/support/temp-db.ts';
import { insertSessionSellers, insertSessions } from '../../../../test/support/hand-built-sessions.ts';
import { importFile } from '../../ingest/run-import.ts';
import { getObservedSession } from './observed-session.ts';

// A tiny recording whose every figure is counted by hand below. The session starts at 19:00 UTC.
const T = Date.UTC(2026, 10, 20, 19, 0, 0);
const at = (seconds: number) => T + seconds * 1000;
const line = (event: string, ts: number | string, userId: string | null, payload: Record<string, unknown>) =>
  JSON.stringify({ roomId: 'room-1', event, ts, userId, payload });

const RECORDING = [
  line('member', at(-30), 'u1', { action: 'join', memberCount: 1 }), // before the start: minute 0
  line('oecLiveShopping', at(5), null, { title: 'Mini Rice Cooker', price: 10, shop: 'Dapur' }),
  line('roomUser', at(10), null, { viewerCount: 50 }),
  line('gift', at(20), 'u1', { giftId: 1, repeatCount: 1, repeatEnd: false, diamondCount: 5 }),
  line('gift', at(21), 'u1', { giftId: 1, repeatCount: 2, repeatEnd: false, diamondCount: 5 }),
  line('gift', at(22), 'u1', { giftId: 1, repeatCount: 3, repeatEnd: true, diamondCount: 5 }), // streak: 3 gifts, 15 diamonds
  line('like', at(30), 'u2', { likeCount: 10, totalLikeCount: 100 }),
  line('chat', at(40), 'u2', { comment: 'Berapa harga Rice Cooker?' }),
  line('roomUser', at(50), null, { viewerCount: 70 }), // the minute's last count
  '',
  line('gift', at(65), 'u2', { giftId: 9, diamondCount: 100 }), // not streakable: 1 gift, 100 diamonds
  line('gift', at(70), 'u3', { giftId: 1, repeatCount: 1, repeatEnd: false, diamondCount: 5 }),
  line('gift', at(80), 'u3', { giftId: 1, repeatCount: 4, repeatEnd: false, diamondCount: 5 }), // cut off: 4 gifts, 20 diamonds
  line('like', at(90), 'u4', { likeCount: 5, totalLikeCount: 140 }),
  line('chat', Math.floor(at(100) / 1000), 'u4', { comment: 'bagus sekali, glass lunch box ❤' }), // epoch seconds
  line('chat', '2026-11-20T19:01:45Z', 'u5', { comment: 'jelek, mahal' }),
  line('questionNew', '2026-11-20 19:01:50', 'u6', { questionText: 'warranty' }), // no offset: the workspace zone (UTC)
  line('social', at(95), 'u4', { action: 'follow' }),
  line('follow', at(96), 'u5', {}),
  line('streamEnd', at(119), null, {}),
].join('\r\n');

describe('observed figures of a recording', () => {
  let db: Database;
  let remove: () => Promise<void>;
  beforeAll(async () => {
    db = await openMigratedMemoryDb();
    await insertSessionSellers(db);
    await insertSessions(db, [{ id: 'room-1', seller: 'k1', day: '2026-11-20', hour: 19 }]);
    await db.run(
      sql`INSERT INTO products (id, seller_id, name) VALUES ('p-1', 'k1', 'Glass Lunch Box'), ('p-2', 'k2', 'Rice Cooker Deluxe')`,
    );
    const temp = await makeTempDir();
    remove = temp.remove;
    const file = path.join(temp.dir, 'tiny.jsonl');
    await writeFile(file, `\uFEFF${RECORDING}\r\n`);
    const result = await importFile(db, file, { kind: 'live_events', by: 'cli' });
    expect(result).toMatchObject({
      status: 'loaded',
      kind: 'live_events',
      rowsRead: 20,
      rowsSkipped: 1,
      rowsRejected: 0,
      rowsLoaded: 19,
      livestreamId: 'room-1',
    });
  });
  afterAll(async () => {
    await db.close();
    await remove();
  });

  it('builds the minute timeline: a gift streak once at its end, a cut-off streak at its last event, the last viewer count', async () => {
    const observed = await getObservedSession(db, 'room-1');
    expect(observed.minutes).toEqual([
      {
        minute: 0,
        viewersOnline: 70,
        enters: 1,
        comments: 1,
        questions: 1,
        intentComments: 1,
        likes: 10,
        gifts: 3,
        diamonds: 15,
        follows: 0,
        shares: 0,
        productEvents: 1,
      },
      {
        minute: 1,
        viewersOnline: null,
        enters: 0,
        comments: 2,
        questions: 1,
        intentComments: 0,
        likes: 5,
        gifts: 5,
        diamonds: 120,
        follows: 2,
        shares: 0,
        productEvents: 0,
      },
    ]);
    expect(observed.totals).toMatchObject({
      gifts: 8,
      diamonds: 135,
      likesInEvents: 15,
      likesTotalReported: 140,
      peakViewers: 70,
      follows: 2,
      enters: 1,
    });
    expect(observed.recording).toMatchObject({
      roomId: 'room-1',
      file: 'tiny.jsonl',
      events: 19,
      linesRejected: 0,
      firstEventAt: '2026-11-20T18:59:30.000Z',
      streamEndedAt: '2026-11-20T19:01:59.000Z',
      eventCounts: {
        gift: 6,
        chat: 3,
        questionNew: 1,
        member: 1,
        roomUser: 2,
        like: 2,
        oecLiveShopping: 1,
        social: 1,
        follow: 1,
        streamEnd: 1,
      },
    });
  });

  it('reads the comments: questions, purchase intent and its phrases, sentiment, products mentioned', async () => {
    const observed = await getObservedSession(db, 'room-1');
    expect(observed.totals).toMatchObject({
      comments: 3,
      questions: 2,
      questionShare: 0.5,
      intentComments: 1,
      intentShare: 0.25,
      commentsPerMinute: 1.5,
    });
    expect(observed.intentTerms).toEqual([
      { term: 'berapa', comments: 1 },
      { term: 'harga', comments: 1 },
    ]);
    expect(observed.sentiment).toEqual({
      positive: 1,
      negative: 1,
      neutral: 2,
      positiveShare: 0.25,
      negativeShare: 0.25,
    });
    // The stream's product by two words of its title; the seller's own catalog product by its whole title; another seller's not at
    // all. Equal mentions: the product shown in the stream first.
    expect(observed.products).toEqual([
      {
        title: 'Mini Rice Cooker',
        price: 10,
        shop: 'Dapur',
        source: 'stream',
        shoppingEvents: 1,
        firstMinute: 0,
        mentions: 1,
      },
      {
        title: 'Glass Lunch Box',
        price: null,
        shop: null,
        source: 'catalog',
        shoppingEvents: 0,
        firstMinute: null,
        mentions: 1,
      },
    ]);
    expect(observed.questions).toEqual([
      { minute: 0, comment: 'Berapa harga Rice Cooker?' },
      { minute: 1, comment: 'warranty' },
    ]);
  });

  it('answers a session without a recording with an empty observation, and an unknown session with not found', async () => {
    await insertSessions(db, [{ id: 'quiet', seller: 'k1', day: '2026-11-21' }]);
    expect(await getObservedSession(db, 'quiet')).toEqual({
      livestreamId: 'quiet',
      recording: null,
      minutes: [],
      totals: null,
      sentiment: null,
      intentTerms: [],
      products: [],
      questions: [],
    });
    await expect(getObservedSession(db, 'nope')).rejects.toThrow(/no livestream with id nope/);
  });
});
