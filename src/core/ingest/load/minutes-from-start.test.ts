import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { makeTempDir, openMigratedMemoryDb } from '../../../../test/support/temp-db.ts';
import { importFile } from '../run-import.ts';
import { NOT_A_MINUTE } from './minutes-from-start.sql.ts';

// Livestream minutes written as counts, timestamps or clock times, through the whole import.
const SESSIONS = [
  'Live ID,Creator ID,Start time,Duration',
  'L-1,S-1,2026-11-01 20:00:37,1h',
  'L-2,S-1,2026-11-01 23:30:00,2h',
].join('\n');

describe('livestream minutes from timestamps', () => {
  let db: Database;
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, remove } = await makeTempDir());
  });
  afterAll(() => remove());
  beforeEach(async () => {
    db = await openMigratedMemoryDb();
  });

  async function file(name: string, lines: string[]): Promise<string> {
    const target = path.join(dir, name);
    await writeFile(target, lines.join('\n'));
    return target;
  }

  async function importSessions(timezone?: string): Promise<void> {
    const result = await importFile(db, await file(`sessions-${(timezone ?? 'utc').replace('/', '-')}.csv`, [SESSIONS]), { kind: 'livestreams', by: 'cli', ...(timezone ? { timezone } : {}) });
    expect(result).toMatchObject({ status: 'loaded', rowsLoaded: 2 });
  }

  const minutes = () => db.query(sql`SELECT livestream_id, minute, viewers_online FROM livestream_minutes ORDER BY 1, 2`);

  it('turns timestamps and times of day into minutes from the session start, next to plain counts', async () => {
    await importSessions();
    const target = await file('minutes.csv', [
      'Live ID,Time,Online viewers',
      'L-1,0,100',
      'L-1,2026-11-01 20:01:00,110', // the clock minute after the start minute (20:00:37)
      'L-1,20:05,120',
      'L-1,2026-11-01 20:10:59,130',
      'L-2,23:45,50',
      'L-2,00:15,60', // past midnight: the next day
    ]);
    const result = await importFile(db, target, { kind: 'livestream_minutes', by: 'cli' });
    expect(result).toMatchObject({ status: 'loaded', rowsLoaded: 6, rowsRejected: 0, mapping: { Time: 'minute' } });
    expect(await minutes()).toEqual([
      { livestream_id: 'L-1', minute: 0, viewers_online: 100 },
      { livestream_id: 'L-1', minute: 1, viewers_online: 110 },
      { livestream_id: 'L-1', minute: 5, viewers_online: 120 },
      { livestream_id: 'L-1', minute: 10, viewers_online: 130 },
      { livestream_id: 'L-2', minute: 15, viewers_online: 50 },
      { livestream_id: 'L-2', minute: 45, viewers_online: 60 },
    ]);
  });

  it('reads clock times in the import time zone, as the session start was', async () => {
    await importSessions('Asia/Jakarta');
    const target = await file('minutes-jakarta.csv', ['Live ID,Time,Online viewers', 'L-1,20:15,7', 'L-1,2026-11-01 13:30:00Z,8']);
    const result = await importFile(db, target, { kind: 'livestream_minutes', by: 'cli', timezone: 'Asia/Jakarta' });
    expect(result).toMatchObject({ status: 'loaded', rowsLoaded: 2 });
    expect(await minutes()).toEqual([
      { livestream_id: 'L-1', minute: 15, viewers_online: 7 },
      { livestream_id: 'L-1', minute: 30, viewers_online: 8 },
    ]);
  });

  it('refuses an unknown session, a time before the start and unreadable minutes, naming row, column, value and reason', async () => {
    await importSessions();
    const target = await file('minutes-bad.csv', [
      'Live ID,Time,Online viewers',
      'L-1,2026-11-01 19:59:00,1',
      'L-1,19:00,2',
      'L-9,2026-11-01 20:05,3',
      'L-1,-3,4',
      'L-1,soon,5',
      'L-1,5.5,6',
      'L-1,03/04/2026 10:00,7',
      'L-1,5,8',
      'L-1,2026-11-01 20:05:30,9',
    ]);
    const result = await importFile(db, target, { kind: 'livestream_minutes', by: 'cli' });
    expect(result).toMatchObject({ status: 'rejected', rowsLoaded: 0, rowsRejected: 8 });
    expect(result.errors).toEqual([
      { row: 2, column: 'Time', value: '2026-11-01 19:59:00', message: '2026-11-01 19:59 is before the session started (2026-11-01 20:00)' },
      { row: 3, column: 'Time', value: '19:00', message: '2026-11-01 19:00 is before the session started (2026-11-01 20:00)' },
      { row: 4, column: 'Live ID', value: 'L-9', message: 'unknown livestream: import the session list first' },
      { row: 4, column: 'Time', value: '2026-11-01 20:05', message: "livestream L-9 is not imported yet: a clock time is counted from the session's start (import the session list first)" },
      { row: 5, column: 'Time', value: '-3', message: 'must not be negative' },
      { row: 6, column: 'Time', value: 'soon', message: NOT_A_MINUTE },
      { row: 7, column: 'Time', value: '5.5', message: 'not a whole number' },
      { row: 8, column: 'Time', value: '03/04/2026 10:00', message: 'ambiguous date: pass --date-order dmy or mdy' },
      // Minute 5 written twice, once as a count and once as a timestamp.
      { row: 10, column: 'Live ID + Time', value: null, message: 'same livestream_id + minute as row 9' },
    ]);
    expect(await minutes()).toEqual([]);
  });

  it('a later import of the same minutes as timestamps replaces the counted ones', async () => {
    await importSessions();
    await importFile(db, await file('counts.csv', ['Live ID,Minute,Online viewers', 'L-1,3,10']), { kind: 'livestream_minutes', by: 'cli' });
    await importFile(db, await file('stamps.csv', ['Live ID,Minute,Online viewers', 'L-1,2026-11-01 20:03:00,11']), { kind: 'livestream_minutes', by: 'cli' });
    expect(await minutes()).toEqual([{ livestream_id: 'L-1', minute: 3, viewers_online: 11 }]);
  });
});
