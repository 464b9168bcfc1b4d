import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { makeTempDir, openMigratedMemoryDb } from '../../../../test/support/temp-db.ts';
import { insertSessionSellers, insertSessions } from '../../../../test/support/hand-built-sessions.ts';
import {
  writeLiveEventRecording,
  type RecordingExpectation,
} from '../../../../test/support/live-event-recording.ts';
import { rejectsCsv } from '../../ingest/import-history.sql.ts';
import { importFile } from '../../ingest/run-import.ts';
import { getObservedSession } from './observed-session.ts';

// The generated recording (gift streaks, five languages, broken lines) through `aisle import
// --kind live_events`: what lands, what is refused, what a second import does.
const START = new Date('2026-11-20T19:00:00Z');

describe('importing a live event recording', () => {
  let db: Database;
  let dir: string;
  let remove: () => Promise<void>;
  let recording: string;
  let expected: RecordingExpectation;
  beforeAll(async () => {
    ({ dir, remove } = await makeTempDir());
    recording = path.join(dir, 'room-1.jsonl');
    expected = await writeLiveEventRecording(recording, { roomId: 'room-1', start: START });
  });
  afterAll(() => remove());
  beforeEach(async () => {
    db = await openMigratedMemoryDb();
    await insertSessionSellers(db);
    await insertSessions(db, [
      { id: 'room-1', seller: 'k1', day: '2026-11-20', hour: 19 },
      { id: 'other', seller: 'k2', day: '2026-11-20', hour: 20 },
    ]);
  });

  const observedRows = async () =>
    (await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM livestream_event_minutes`))[0]?.n;

  it('refuses a recording with malformed lines by default: nothing stored, every line reported and kept', async () => {
    const result = await importFile(db, recording, { kind: 'live_events', by: 'cli' });
    expect(result).toMatchObject({
      status: 'rejected',
      kind: 'live_events',
      rowsRead: expected.lines,
      rowsLoaded: 0,
      rowsRejected: 5,
      livestreamId: 'room-1',
      sheet: null,
      headerRow: null,
      mapping: {},
      ignoredColumns: [],
      duplicateOf: null,
    });
    expect(result.errors.map((e) => [e.row, e.column])).toEqual(
      expected.broken.map((b) => [b.line, b.column]),
    );
    expect(await observedRows()).toBe(0);
    const { csv } = await rejectsCsv(db, result.importId);
    expect(csv.split('\r\n')[0]).toBe('\uFEFFrow,column,value,message,source 1');
    expect(csv).toContain(`${expected.broken[2]?.line},event,envelope,`);
  });

  it("with --skip-invalid stores the readable events as the session's observed figures, matching the generator's own counts", async () => {
    const result = await importFile(db, recording, { kind: 'live_events', by: 'cli', skipInvalid: true });
    expect(result).toMatchObject({
      status: 'loaded',
      rowsRead: expected.lines,
      rowsLoaded: expected.events,
      rowsRejected: 5,
      rowsSkipped: 0,
      livestreamId: 'room-1',
    });
    const observed = await getObservedSession(db, 'room-1');
    expect(observed.totals).toMatchObject({
      comments: expected.chatComments,
      gifts: expected.gifts,
      diamonds: expected.diamonds,
      likesInEvents: expected.likesInEvents,
      likesTotalReported: expected.likesTotalReported,
      enters: expected.enters,
      follows: expected.follows,
      shares: expected.shares,
      productEvents: expected.productEvents,
      peakViewers: expected.peakViewers,
    });
    expect(observed.minutes).toHaveLength(expected.lastMinute + 1);
    expect(observed.recording).toMatchObject({
      events: expected.events,
      linesRejected: 5,
      file: 'room-1.jsonl',
    });
    expect(observed.products.map((p) => [p.title, p.mentions > 0])).toEqual([
      ['Mini Rice Cooker 1.2L', true],
      ['Glass Lunch Box Set', true],
    ]);
    expect(observed.intentTerms[0]).toEqual({ term: 'link', comments: 5 }); // "link please" in minutes 3, 7, 9, 10 and 11
    const terms = await db.query<{ term: string }>(
      sql`SELECT DISTINCT unnest(intent_terms) AS term FROM livestream_event_comments ORDER BY 1`,
    );
    expect(terms.map((t) => t.term)).toEqual(
      expect.arrayContaining(['berapa', 'harga', 'how much', '多少钱', '链接', 'ราคา', 'giá', 'stock']),
    );
    const [kept] = await db.query<{ n: number }>(
      sql`SELECT count(*) AS n FROM import_rejects WHERE import_id = ${result.importId}`,
    );
    expect(kept?.n).toBe(5);
  });

  it('recognises the identical file and loads nothing; a newer recording of the session replaces its figures whole', async () => {
    const first = await importFile(db, recording, { kind: 'live_events', by: 'cli', skipInvalid: true });
    const again = await importFile(db, recording, { kind: 'live_events', by: 'cli', skipInvalid: true });
    expect(again).toMatchObject({ duplicateOf: first.importId, rowsLoaded: 0, status: 'loaded' });

    const newer = path.join(dir, 'room-1-full.jsonl');
    const longer = await writeLiveEventRecording(newer, {
      roomId: 'room-1',
      start: START,
      fillerMinutes: 20,
      broken: false,
    });
    const replaced = await importFile(db, newer, { kind: 'live_events', by: 'cli' });
    expect(replaced).toMatchObject({ status: 'loaded', rowsRejected: 0, rowsLoaded: longer.events });
    const observed = await getObservedSession(db, 'room-1');
    expect(observed.recording).toMatchObject({
      importId: replaced.importId,
      events: longer.events,
      linesRejected: 0,
    });
    expect(observed.minutes).toHaveLength(longer.lastMinute + 1);
    expect(observed.totals?.comments).toBe(longer.chatComments);
    const [comments] = await db.query<{ n: number }>(
      sql`SELECT count(*) AS n FROM livestream_event_comments WHERE livestream_id = 'room-1'`,
    );
    expect(comments?.n).toBe(longer.chatComments + longer.questionNew);
  });

  it('stores under --livestream when given, and says what to do when no session matches the room', async () => {
    const stray = path.join(dir, 'stray.jsonl');
    await writeLiveEventRecording(stray, { roomId: '7301234567890', start: START, broken: false });
    await expect(importFile(db, stray, { kind: 'live_events', by: 'cli' })).rejects.toMatchObject({
      message: 'no livestream session matches the recording\'s room "7301234567890"',
      hint: expect.stringContaining('--livestream ID'),
    });
    await expect(
      importFile(db, stray, { kind: 'live_events', by: 'cli', livestream: 'missing' }),
    ).rejects.toThrow(/no livestream session with id "missing"/);
    const result = await importFile(db, stray, { kind: 'live_events', by: 'cli', livestream: 'other' });
    expect(result).toMatchObject({ status: 'loaded', livestreamId: 'other' });
    expect((await getObservedSession(db, 'other')).recording?.roomId).toBe('7301234567890');
    // The same bytes for another session are not a duplicate of this one.
    const copy = path.join(dir, 'stray-copy.jsonl');
    await copyFile(stray, copy);
    expect(
      (await importFile(db, copy, { kind: 'live_events', by: 'cli', livestream: 'room-1' })).duplicateOf,
    ).toBeNull();
  });

  it('refuses a recording of two rooms, a file that is not JSON lines, and a dry run stores nothing', async () => {
    const mixed = path.join(dir, 'mixed.jsonl');
    await writeFile(
      mixed,
      '{"roomId":"a","event":"member","ts":1795201200000}\n{"roomId":"b","event":"member","ts":1795201200000}\n',
    );
    await expect(importFile(db, mixed, { kind: 'live_events', by: 'cli' })).rejects.toThrow(
      /events of 2 rooms/,
    );
    const csv = path.join(dir, 'sessions.csv');
    await writeFile(csv, 'a,b\n1,2\n');
    await expect(importFile(db, csv, { kind: 'live_events', by: 'cli' })).rejects.toThrow(/JSON-lines file/);
    const dry = await importFile(db, recording, { kind: 'live_events', by: 'cli', dryRun: true });
    expect(dry).toMatchObject({ status: 'dry_run', rowsRejected: 5, livestreamId: 'room-1' });
    expect(await observedRows()).toBe(0);
  });
});
