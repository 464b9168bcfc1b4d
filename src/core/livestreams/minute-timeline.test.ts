import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { sql } from '../db/sql.ts';
import type { Actor } from '../auth/actor.ts';
import { importFile } from '../ingest/run-import.ts';
import { makeTempDir, openMigratedMemoryDb } from '../../../test/support/temp-db.ts';
import { insertSessions, insertSessionSellers } from '../../../test/support/hand-built-sessions.ts';
import { addMinuteNote, deleteMinuteNote } from './minute-notes.ts';
import { getMinuteTimeline } from './minute-timeline.ts';
import { getLivestream } from './session-detail.ts';

const ana: Actor = { userId: 1, label: 'ana@test.aisle', role: 'analyst' };
const bo: Actor = { userId: 2, label: 'bo@test.aisle', role: 'analyst' };
const mia: Actor = { userId: 3, label: 'mia@test.aisle', role: 'manager' };

let db: Database;
beforeAll(async () => {
  db = await openMigratedMemoryDb();
  await insertSessionSellers(db);
  await insertSessions(db, [{ id: 's1', day: '2026-03-02', durationMin: 60 }, { id: 's2', day: '2026-03-02', durationMin: 30 }]);
  // 60 minutes at 500 viewers, a spike to 900 at minute 20 and a fall to 250 from minute 45.
  await db.run(sql`
    INSERT INTO livestream_minutes (livestream_id, minute, viewers_online, enters, likes, comments, shares, product_clicks, orders, gmv)
    SELECT 's1', m, CASE WHEN m = 20 THEN 900 WHEN m >= 45 THEN 250 ELSE 500 END, 10, 5, 2, 0, 1, CASE WHEN m = 20 THEN 3 ELSE 0 END,
      CASE WHEN m = 20 THEN 75.5 ELSE 0 END
    FROM range(60) t(m)`);
});
afterAll(async () => {
  await db.close();
});

describe('minute timeline', () => {
  it('returns the series in minute order with its peak and drop-off marked', async () => {
    const timeline = await getMinuteTimeline(db, 's1');
    expect(timeline.minutes).toHaveLength(60);
    expect(timeline.minutes[20]).toEqual({ minute: 20, viewers_online: 900, enters: 10, likes: 5, comments: 2, shares: 0, product_clicks: 1, orders: 3, gmv: 75.5 });
    expect(timeline.events.map((e) => [e.kind, e.fromMinute, e.minute])).toEqual([
      ['peak', 20, 20],
      ['drop_off', 44, 45],
    ]);
  });

  it('answers an empty series for a session without minute data, and refuses an unknown session', async () => {
    expect(await getMinuteTimeline(db, 's2')).toMatchObject({ minutes: [], events: [], notes: [] });
    await expect(getMinuteTimeline(db, 'nope')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('pins notes to minutes of the session, audited, and lists them by minute', async () => {
    const late = await addMinuteNote(db, ana, 's1', { minute: 45, body: '  Host leaves the frame  ' });
    await addMinuteNote(db, bo, 's1', { minute: 20, body: 'Flash deal pinned' });
    expect(late).toMatchObject({ minute: 45, body: 'Host leaves the frame', createdBy: 'ana@test.aisle' });
    const timeline = await getMinuteTimeline(db, 's1');
    expect(timeline.notes.map((n) => [n.minute, n.body])).toEqual([
      [20, 'Flash deal pinned'],
      [45, 'Host leaves the frame'],
    ]);
    const [audit] = await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log WHERE entity = 'livestream_minute_note' AND action = 'create'`);
    expect(audit?.n).toBe(2);
  });

  it('refuses a minute past the end, an empty note and an unknown session', async () => {
    // s2 lasted 30 minutes and has no minute data: minutes 0–29 exist.
    await expect(addMinuteNote(db, ana, 's2', { minute: 30, body: 'x' })).rejects.toThrow(/minute 30 is after the end of the session \(its last minute is 29\)/);
    expect(await addMinuteNote(db, ana, 's2', { minute: 29, body: 'last minute' })).toMatchObject({ minute: 29 });
    await expect(addMinuteNote(db, ana, 's1', { minute: 3, body: '   ' })).rejects.toThrow(/needs some text/);
    await expect(addMinuteNote(db, ana, 'nope', { minute: 0, body: 'x' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it("lets the author or a manager delete a note, not another analyst", async () => {
    const note = await addMinuteNote(db, ana, 's1', { minute: 10, body: 'Audio drops' });
    await expect(deleteMinuteNote(db, bo, 's1', note.id)).rejects.toMatchObject({ code: 'refused' });
    await deleteMinuteNote(db, mia, 's1', note.id);
    await expect(deleteMinuteNote(db, ana, 's1', note.id)).rejects.toMatchObject({ code: 'not_found' });
    const own = await addMinuteNote(db, ana, 's1', { minute: 11, body: 'Mine' });
    await deleteMinuteNote(db, ana, 's1', own.id);
    const [audit] = await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log WHERE entity = 'livestream_minute_note' AND action = 'delete'`);
    expect(audit?.n).toBe(2);
  });
});

// A session's minutes are found through livestream_minutes_session_idx (migration 008). On a
// database file, through an import, a restart (the index is written out and read back) and a
// re-import that replaces some minutes and adds others, the session page's count, the timeline
// and the minute-note bounds must be those of the rows.
describe('a session\'s minutes after an import and a re-import', () => {
  let dir: string;
  let remove: () => Promise<void>;
  let file: Database;
  const csv = (rows: [string, number, number][]) =>
    `Live ID,Minute,Online viewers,Likes\n${rows.map(([id, minute, viewers]) => `${id},${minute},${viewers},${minute * 2}`).join('\n')}\n`;
  const minutes = (id: string, from: number, to: number, viewers: (m: number) => number): [string, number, number][] =>
    Array.from({ length: to - from + 1 }, (_, i) => [id, from + i, viewers(from + i)]);

  beforeAll(async () => {
    ({ dir, remove } = await makeTempDir());
    file = await Database.open(path.join(dir, 'aisle.duckdb'));
    await migrate(file);
    await insertSessionSellers(file);
    // 90-minute sessions: minutes 0–89 exist by their length.
    await insertSessions(file, [{ id: 'live-a', day: '2026-03-02' }, { id: 'live-b', day: '2026-03-02' }, { id: 'live-c', day: '2026-03-03' }]);
  });
  afterAll(async () => {
    await file.close();
    await remove();
  });

  it('counts, lists and bounds each session\'s own minutes', async () => {
    const [index] = await file.query(sql`SELECT index_name FROM duckdb_indexes() WHERE table_name = 'livestream_minutes'`);
    expect(index).toEqual({ index_name: 'livestream_minutes_session_idx' });
    await writeFile(path.join(dir, 'first.csv'), csv([...minutes('live-a', 0, 39, (m) => 100 + m), ...minutes('live-b', 0, 9, (m) => 50 + m)]));
    expect(await importFile(file, path.join(dir, 'first.csv'), { kind: 'livestream_minutes', by: 'cli' })).toMatchObject({ status: 'loaded', rowsLoaded: 50 });

    const a = await getMinuteTimeline(file, 'live-a');
    expect(a.minutes.map((m) => m.minute)).toEqual(Array.from({ length: 40 }, (_, m) => m));
    expect(a.minutes[39]).toMatchObject({ minute: 39, viewers_online: 139, likes: 78 });
    expect((await getMinuteTimeline(file, 'live-b')).minutes.map((m) => m.viewers_online)).toEqual(Array.from({ length: 10 }, (_, m) => 50 + m));
    expect(await getMinuteTimeline(file, 'live-c')).toMatchObject({ minutes: [] });
    expect((await getLivestream(file, 'live-a')).minutes).toBe(40);
    expect((await getLivestream(file, 'live-b')).minutes).toBe(10);
    expect((await getLivestream(file, 'live-c')).minutes).toBe(0);
    // Recorded minutes end before the session's length: the length bounds the notes.
    await expect(addMinuteNote(file, ana, 'live-a', { minute: 90, body: 'x' })).rejects.toThrow(/its last minute is 89/);
  });

  it('gives the replaced and added minutes after a restart and a re-import, never both versions of a minute', async () => {
    await file.exec('CHECKPOINT');
    await file.close();
    file = await Database.open(path.join(dir, 'aisle.duckdb'));
    expect((await getLivestream(file, 'live-a')).minutes).toBe(40);

    // Minutes 30–120 of live-a again (30–39 corrected, 40–120 new: the recording ran past the planned length), and live-c's first.
    await writeFile(path.join(dir, 'again.csv'), csv([...minutes('live-a', 30, 120, (m) => 500 + m), ...minutes('live-c', 0, 4, () => 7)]));
    expect(await importFile(file, path.join(dir, 'again.csv'), { kind: 'livestream_minutes', by: 'cli' })).toMatchObject({ status: 'loaded', rowsLoaded: 96 });

    const a = await getMinuteTimeline(file, 'live-a');
    expect(a.minutes.map((m) => m.minute)).toEqual(Array.from({ length: 121 }, (_, m) => m));
    expect(a.minutes.map((m) => m.viewers_online)).toEqual(Array.from({ length: 121 }, (_, m) => (m < 30 ? 100 + m : 500 + m)));
    expect((await getLivestream(file, 'live-a')).minutes).toBe(121);
    expect((await getLivestream(file, 'live-b')).minutes).toBe(10);
    expect((await getLivestream(file, 'live-c')).minutes).toBe(5);
    expect((await getMinuteTimeline(file, 'live-c')).minutes.map((m) => m.minute)).toEqual([0, 1, 2, 3, 4]);
    // The last recorded minute (120) now bounds live-a's notes.
    expect(await addMinuteNote(file, ana, 'live-a', { minute: 120, body: 'Still live' })).toMatchObject({ minute: 120 });
    await expect(addMinuteNote(file, ana, 'live-a', { minute: 121, body: 'x' })).rejects.toThrow(/its last minute is 120/);
    const [rows] = await file.query<{ n: number; keys: number }>(sql`
      SELECT count(*) AS n, count(DISTINCT (livestream_id, minute)) AS keys FROM livestream_minutes`);
    expect(rows).toEqual({ n: 136, keys: 136 });
  });
});
