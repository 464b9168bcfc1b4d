import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { openMigratedMemoryDb } from '../../../test/support/temp-db.ts';
import { insertWorkspaceSellers } from '../../../test/support/workspace-data.ts';
import { weeklyReportActions, workspaceReminders } from './reminders.ts';

describe('reminders for the Overview and the weekly report', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedMemoryDb();
    await insertWorkspaceSellers(db);
    await db.run(sql`INSERT INTO tasks (title, seller_id, owner, due_at, status, completed_at, created_by) VALUES
      ('Late task', 'S1', 'Ana', DATE '2026-03-05', 'todo', NULL, 't'),
      ('Waiting task', NULL, 'Bo', DATE '2026-03-09', 'waiting', NULL, 't'),
      ('Done task', 'S1', 'Ana', DATE '2026-03-01', 'done', now(), 't'),
      ('Next week task', 'S2', 'Ana', DATE '2026-03-14', 'doing', NULL, 't'),
      ('Far task', 'S2', 'Ana', DATE '2026-04-30', 'todo', NULL, 't'),
      ('Undated task', 'S2', 'Ana', NULL, 'todo', NULL, 't')`);
    await db.run(sql`INSERT INTO communications (seller_id, "at", channel, direction, subject, next_action, due_at, owner, created_by) VALUES
      ('S2', TIMESTAMPTZ '2026-03-01 10:00:00+00', 'call', 'outbound', 'Samples', 'Send samples', DATE '2026-03-06', 'Ana', 't')`);
  });
  afterAll(() => db.close());

  it('lists overdue work oldest first and what is due in the next 7 days, never done or undated work', async () => {
    const r = await workspaceReminders(db, '2026-03-10');
    expect(r.overdue.map((i) => [i.kind, i.title, i.daysOverdue])).toEqual([
      ['task', 'Late task', 5],
      ['follow_up', 'Send samples', 4],
      ['task', 'Waiting task', 1],
    ]);
    expect(r.dueSoon.map((i) => i.title)).toEqual(['Next week task']);
    expect(r.counts).toEqual({ overdue: 3, dueSoon: 1 });
    expect(r.overdue[0]).toMatchObject({ sellerName: 'Lumi Home', owner: 'Ana', overdue: true });
  });

  it('keeps counts whole when the list is cut, and filters by owner for "mine"', async () => {
    const cut = await workspaceReminders(db, '2026-03-10', { limit: 1 });
    expect(cut.overdue).toHaveLength(1);
    expect(cut.counts.overdue).toBe(3);
    const mine = await workspaceReminders(db, '2026-03-10', { owners: ['ANA'] });
    expect(mine.overdue.map((i) => i.title)).toEqual(['Late task', 'Send samples']);
  });

  it('gives the weekly report what is overdue at the end of the week and due in the week after', async () => {
    const week = await weeklyReportActions(db, '2026-03-08'); // Sunday: judged on Monday the 9th
    expect(week.today).toBe('2026-03-09');
    expect(week.overdue.map((i) => i.title)).toEqual(['Late task', 'Send samples']);
    expect(week.dueSoon.map((i) => i.title)).toEqual(['Waiting task', 'Next week task']);
  });
});
