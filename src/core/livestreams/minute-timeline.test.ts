import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import type { Actor } from '../auth/actor.ts';
import { openMigratedMemoryDb } from '../../../test/support/temp-db.ts';
import { insertSessions, insertSessionSellers } from '../../../test/support/hand-built-sessions.ts';
import { addMinuteNote, deleteMinuteNote } from './minute-notes.ts';
import { getMinuteTimeline } from './minute-timeline.ts';

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
