import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import type { Actor } from '../auth/actor.ts';
import { listAudit } from '../auth/audit-log.ts';
import { addDays } from '../shared/dates.ts';
import { openMigratedMemoryDb } from '../../../test/support/temp-db.ts';
import { insertWorkspaceSellers } from '../../../test/support/workspace-data.ts';
import { workspaceToday } from './due-dates.ts';
import { getTask, listTasks } from './task-query.ts';
import { bulkEditTasks, completeTask, createTask, deleteTask, updateTask } from './tasks.ts';

const analyst: Actor = { userId: 7, label: 'analyst@shop.test', role: 'analyst' };

describe('tasks', () => {
  let db: Database;
  let today: string;
  beforeAll(async () => {
    db = await openMigratedMemoryDb();
    await insertWorkspaceSellers(db);
    today = await workspaceToday(db);
  });
  afterAll(() => db.close());

  it('refuses bad input with the field and what to do', async () => {
    await expect(createTask(db, analyst, { title: '  ' })).rejects.toMatchObject({ message: 'title is required', details: { field: 'title' } });
    await expect(createTask(db, analyst, { title: 'x', status: 'started' as never })).rejects.toThrow(/status must be one of todo, doing, waiting, done/);
    await expect(createTask(db, analyst, { title: 'x', priority: 'asap' as never })).rejects.toThrow(/priority must be one of/);
    await expect(createTask(db, analyst, { title: 'x', dueAt: '2026-02-30' })).rejects.toThrow(/the due date must be a date YYYY-MM-DD/);
    await expect(createTask(db, analyst, { title: 'x', sellerId: 'NOPE' })).rejects.toThrow(/no seller with id NOPE/);
    await expect(createTask(db, analyst, { title: 'x', recurrence: 'daily' as never })).rejects.toThrow(/recurrence must be one of weekly, monthly/);
    await expect(createTask(db, analyst, { title: 'x', source: 'alert' })).rejects.toThrow(/needs the reference/);
    await expect(createTask(db, analyst, { title: 'x', source: 'alert', sourceRef: '99' })).rejects.toThrow(/no alert with id 99/);
    await expect(createTask(db, analyst, { title: 'x', sourceRef: 'abc' })).rejects.toThrow(/manual task has no source reference/);
    await expect(createTask(db, analyst, { title: 'x'.repeat(201) })).rejects.toThrow(/longer than 200/);
    expect((await listTasks(db, today)).total).toBe(0);
  });

  it('creates, moves and deletes a task, auditing each change', async () => {
    const { task } = await createTask(db, analyst, { title: 'Call about live', sellerId: 'S1', tags: ['Live', 'live', 'Q4 push'], priority: 'high', dueAt: today });
    expect(task).toMatchObject({ sellerName: 'Lumi Home', status: 'todo', tags: ['live', 'q4-push'], dueState: 'today', completedAt: null, createdBy: 'analyst@shop.test' });
    const moved = await updateTask(db, analyst, task.id, { status: 'waiting' });
    expect(moved.task.status).toBe('waiting');
    const done = await updateTask(db, analyst, task.id, { status: 'done' });
    expect(done.task.completedAt).not.toBeNull();
    expect(done.next).toBeNull();
    const reopened = await updateTask(db, analyst, task.id, { status: 'doing' });
    expect(reopened.task.completedAt).toBeNull();
    await deleteTask(db, analyst, task.id);
    await expect(getTask(db, task.id, today)).rejects.toThrow(/no task with id/);
    const { entries } = await listAudit(db, { entity: 'task' });
    expect(entries.filter((e) => e.entityId === String(task.id)).map((e) => e.action)).toEqual(['delete', 'update', 'update', 'update', 'create']);
  });

  it('completing a weekly task creates the next occurrence one week later, the series moving on', async () => {
    const due = addDays(today, -2);
    const { task } = await createTask(db, analyst, { title: 'Weekly live check', sellerId: 'S2', recurrence: 'weekly', dueAt: due, tags: ['check'], owner: 'Ana' });
    expect(task.dueState).toBe('overdue');
    const { next } = await completeTask(db, analyst, task.id);
    expect(next).toMatchObject({ title: 'Weekly live check', sellerId: 'S2', status: 'todo', recurrence: 'weekly', dueAt: addDays(due, 7), tags: ['check'], owner: 'Ana' });
    expect((await getTask(db, task.id, today)).recurrence).toBeNull();
    // finishing the finished one again (re-opened first) does not fork the series
    await updateTask(db, analyst, task.id, { status: 'todo' });
    expect((await completeTask(db, analyst, task.id)).next).toBeNull();
  });

  it('a weekly task weeks overdue comes back this week, not in the past; monthly keeps the day of month', async () => {
    const { task } = await createTask(db, analyst, { title: 'Old weekly', recurrence: 'weekly', dueAt: addDays(today, -22) });
    const { next } = await completeTask(db, analyst, task.id);
    expect(next?.dueAt).toBe(addDays(today, -22 + 28));
    const none = await createTask(db, analyst, { title: 'Weekly without date', recurrence: 'weekly' });
    expect((await completeTask(db, analyst, none.task.id)).next?.dueAt).toBe(addDays(today, 7));
    const monthly = await createTask(db, analyst, { title: 'Monthly review', recurrence: 'monthly', dueAt: today });
    const nextMonth = (await completeTask(db, analyst, monthly.task.id)).next?.dueAt ?? '';
    expect(nextMonth > today && nextMonth <= addDays(today, 31)).toBe(true);
  });

  it('bulk edit changes many tasks in one go, starts recurring ones again and writes one audit entry', async () => {
    const a = await createTask(db, analyst, { title: 'Bulk A', tags: ['old'] });
    const b = await createTask(db, analyst, { title: 'Bulk B', recurrence: 'weekly', dueAt: today });
    const result = await bulkEditTasks(db, analyst, [a.task.id, b.task.id], { status: 'done', owner: 'Bo', addTags: ['q4'], removeTags: ['old'] });
    expect(result.updated).toBe(2);
    expect(result.nextOccurrences).toHaveLength(1);
    const after = await getTask(db, a.task.id, today);
    expect(after).toMatchObject({ status: 'done', owner: 'Bo', tags: ['q4'] });
    expect(after.completedAt).not.toBeNull();
    await expect(bulkEditTasks(db, analyst, [a.task.id, 424242], { priority: 'low' })).rejects.toThrow(/no task with id 424242/);
    await expect(bulkEditTasks(db, analyst, [a.task.id], {})).rejects.toThrow(/nothing to change/);
    const [audit] = (await listAudit(db, { entity: 'task' })).entries;
    expect(audit?.entityId).toBe(`${a.task.id},${b.task.id}`);
  });

  it('lists "my work", overdue and by words', async () => {
    await createTask(db, analyst, { title: 'Send the Q4 plan', owner: 'Ana', dueAt: addDays(today, -1), sellerId: 'S1' });
    const mine = await listTasks(db, today, { owners: ['ana', 'ana@shop.test'], status: ['todo', 'doing', 'waiting'] });
    expect(mine.tasks.every((t) => t.owner === 'Ana' && t.status !== 'done')).toBe(true);
    expect(mine.tasks.map((t) => t.title)).toContain('Send the Q4 plan');
    const overdue = await listTasks(db, today, { due: 'overdue' });
    expect(overdue.tasks.map((t) => t.title)).toEqual(['Send the Q4 plan']);
    expect((await listTasks(db, today, { q: 'q4 lumi' })).tasks.map((t) => t.title)).toEqual(['Send the Q4 plan']);
    expect((await listTasks(db, today, { q: '100%' })).total).toBe(0);
    // the board's Done column: done tasks completed since a date, open ones always
    await db.run(sql`UPDATE tasks SET completed_at = TIMESTAMPTZ '2020-01-01 00:00:00+00' WHERE title = 'Bulk A'`);
    const recent = await listTasks(db, today, { doneSince: addDays(today, -14) });
    expect(recent.tasks.map((t) => t.title)).not.toContain('Bulk A');
    expect(recent.tasks.map((t) => t.title)).toContain('Send the Q4 plan');
    expect(recent.tasks.some((t) => t.status === 'done')).toBe(true);
    const [row] = await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM tasks`);
    expect((await listTasks(db, today)).total).toBe(row?.n);
  });
});
