import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { openMigratedMemoryDb } from '../../../test/support/temp-db.ts';
import { dueState, dueStateSql, nextDueSql, workspaceToday } from './due-dates.ts';

describe('due dates in the workspace time zone', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedMemoryDb();
  });
  afterAll(() => db.close());

  const setZone = (tz: string) => db.run(sql`INSERT OR REPLACE INTO settings (key, value) VALUES ('timezone', ${tz})`);

  it('today is the workspace date: 23:30 UTC on the 10th is already the 11th in Jakarta and still the 10th in Los Angeles', async () => {
    const instant = new Date('2026-03-10T23:30:00Z');
    await setZone('Asia/Jakarta');
    const jakarta = await workspaceToday(db, instant);
    await setZone('America/Los_Angeles');
    const losAngeles = await workspaceToday(db, instant);
    await setZone('UTC');
    expect([jakarta, losAngeles, await workspaceToday(db, instant)]).toEqual(['2026-03-11', '2026-03-10', '2026-03-10']);
    // so a task due on the 10th is overdue in Jakarta and due today elsewhere
    expect([dueState('2026-03-10', false, jakarta), dueState('2026-03-10', false, losAngeles)]).toEqual(['overdue', 'today']);
  });

  it('a due date is overdue from the first minute of the next day, not before', async () => {
    await setZone('Asia/Jakarta');
    // 16:59:59 UTC = 23:59:59 in Jakarta on the 10th; one second later it is the 11th there
    expect(dueState('2026-03-10', false, await workspaceToday(db, new Date('2026-03-10T16:59:59Z')))).toBe('today');
    expect(dueState('2026-03-10', false, await workspaceToday(db, new Date('2026-03-10T17:00:00Z')))).toBe('overdue');
    await setZone('UTC');
  });

  it('classifies done, none, soon and later; SQL agrees with the function', async () => {
    const today = '2026-03-10';
    const cases: [string | null, boolean][] = [['2026-03-09', false], ['2026-03-10', false], ['2026-03-17', false], ['2026-03-18', false], [null, false], ['2026-03-01', true]];
    expect(cases.map(([d, done]) => dueState(d, done, today))).toEqual(['overdue', 'today', 'soon', 'later', 'none', 'done']);
    for (const [d, done] of cases) {
      const [row] = await db.query<{ s: string }>(sql`SELECT ${dueStateSql(sql`CAST(${d} AS DATE)`, sql`${done}`, today)} AS s`);
      expect(row?.s).toBe(dueState(d, done, today));
    }
  });

  it('next occurrence: a period after the old due date, never in the past; month ends clamp', async () => {
    const next = async (due: string | null, recurrence: string, today: string) =>
      (await db.query<{ d: string }>(sql`SELECT ${nextDueSql(sql`CAST(${due} AS DATE)`, sql`${recurrence}`, today)} AS d`))[0]?.d;
    expect(await next('2026-03-10', 'weekly', '2026-03-10')).toBe('2026-03-17');
    expect(await next('2026-03-10', 'weekly', '2026-03-05')).toBe('2026-03-17'); // done early
    expect(await next('2026-03-03', 'weekly', '2026-03-10')).toBe('2026-03-10'); // a week late: due today
    expect(await next('2026-02-17', 'weekly', '2026-03-10')).toBe('2026-03-10');
    expect(await next('2026-02-16', 'weekly', '2026-03-10')).toBe('2026-03-16');
    expect(await next(null, 'weekly', '2026-03-10')).toBe('2026-03-17');
    expect(await next('2026-01-31', 'monthly', '2026-01-31')).toBe('2026-02-28');
    expect(await next('2026-01-15', 'monthly', '2026-03-20')).toBe('2026-04-15');
    expect(await next(null, 'monthly', '2026-03-10')).toBe('2026-04-10');
  });
});
