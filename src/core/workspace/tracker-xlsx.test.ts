import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Database } from '../db/database.ts';
import type { Actor } from '../auth/actor.ts';
import { listAudit } from '../auth/audit-log.ts';
import { UserError } from '../shared/errors.ts';
import { openMigratedMemoryDb } from '../../../test/support/temp-db.ts';
import { insertWorkspaceSellers } from '../../../test/support/workspace-data.ts';
import { workspaceToday } from './due-dates.ts';
import { listTasks, type Task } from './task-query.ts';
import { createTask, updateTask } from './tasks.ts';
import { exportTracker, importTracker } from './tracker-xlsx.ts';

const analyst: Actor = { userId: 7, label: 'analyst@shop.test', role: 'analyst' };

async function sheetRows(file: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** Every field but the id (a new database numbers its own tasks) and updated_at. */
const fields = ({ id: _id, updatedAt: _u, ...rest }: Task) => rest;

describe('tracker xlsx export and import', () => {
  let a: Database;
  let b: Database;
  beforeAll(async () => {
    [a, b] = await Promise.all([openMigratedMemoryDb(), openMigratedMemoryDb()]);
    await insertWorkspaceSellers(a, 'Asia/Jakarta');
    await insertWorkspaceSellers(b, 'Asia/Jakarta');
    await createTask(a, analyst, { title: '=HYPERLINK("http://evil.example","open")', sellerId: 'S1', owner: 'Ana', dueAt: '2026-03-10', priority: 'urgent', tags: ['live', 'q4'], description: 'line one\nline two' });
    await createTask(a, analyst, { title: 'Weekly live check', sellerId: 'S2', recurrence: 'weekly', dueAt: '2026-03-12', status: 'waiting', source: 'opportunity', sourceRef: 'top_tier_not_contacted:seller:S2' });
    const done = await createTask(a, analyst, { title: '+1 follow-up', source: 'review', sourceRef: 'review 12', priority: 'low' });
    await updateTask(a, analyst, done.task.id, { status: 'done' });
    await createTask(a, analyst, { title: 'No extras' });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('exports every field with formula-like text neutralised', async () => {
    const rows = await sheetRows(await exportTracker(a));
    const header = rows[2]; // title, note, (blank row skipped), header
    expect(header).toEqual(['ID', 'Title', 'Seller ID', 'Seller', 'Status', 'Owner', 'Due', 'Priority', 'Tags', 'Source', 'Source ref', 'Recurrence', 'Description', 'Completed at', 'Created by', 'Created at']);
    const titles = rows.slice(3).map((r) => r[1]);
    expect(titles).toContain(`'=HYPERLINK("http://evil.example","open")`);
    expect(titles).toContain("'+1 follow-up");
  });

  it('round trip: export → import into an empty workspace → the same tasks, every field kept', async () => {
    const file = await exportTracker(a);
    const result = await importTracker(b, analyst, file, { fileName: 'tracker.xlsx' });
    expect(result).toMatchObject({ inserted: 4, updated: 0 });
    const [ta, tb] = [await workspaceToday(a), await workspaceToday(b)];
    const before = (await listTasks(a, ta)).tasks.map(fields);
    const after = (await listTasks(b, tb)).tasks.map(fields);
    expect(after).toEqual(before);
    expect(after.find((t) => t.status === 'done')?.completedAt).toBeTruthy();
    const [audit] = (await listAudit(b, { entity: 'task' })).entries;
    expect(audit).toMatchObject({ action: 'import', actor: 'analyst@shop.test' });
  });

  it('importing the export again updates the same tasks instead of adding copies', async () => {
    const today = await workspaceToday(a);
    const before = (await listTasks(a, today)).tasks.map(fields);
    const result = await importTracker(a, analyst, await exportTracker(a));
    expect(result).toMatchObject({ inserted: 0, updated: 4 });
    expect((await listTasks(a, today)).tasks.map(fields)).toEqual(before);
  });

  it('reads a hand-made tracker with a title above the header, labels, real dates and aliases', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Team tracker');
    sheet.addRow(['Our tracker']);
    sheet.addRow([]);
    sheet.addRow(['Task', 'Assignee', 'Due date', 'Status', 'Tags', 'Seller ID']);
    sheet.addRow(['Ask for samples', 'Bo', new Date(Date.UTC(2026, 3, 2)), 'Waiting on seller', 'samples; q2', 'S1']);
    sheet.addRow([]);
    sheet.addRow(['Plan the 4.4 live', 'Ana', '2026-04-01', 'doing', '', '']);
    const result = await importTracker(b, analyst, Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(result).toMatchObject({ inserted: 2, updated: 0, blankRows: 1 });
    const { tasks } = await listTasks(b, await workspaceToday(b), { q: 'samples' });
    expect(tasks[0]).toMatchObject({ title: 'Ask for samples', owner: 'Bo', dueAt: '2026-04-02', status: 'waiting', tags: ['samples', 'q2'], sellerId: 'S1' });
  });

  it('is all or nothing: every bad cell is listed with row, column, value and reason', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('x');
    sheet.addRow(['Title', 'Status', 'Due', 'Seller ID', 'Priority']);
    sheet.addRow(['Fine', 'todo', '2026-04-01', 'S1', 'high']);
    sheet.addRow(['Bad status', 'started', '', '', '']);
    sheet.addRow(['Bad date', 'todo', '31/02/2026', '', '']);
    sheet.addRow(['Unknown seller', 'todo', '', 'S404', '']);
    sheet.addRow(['', 'todo', '', '', 'high']);
    sheet.addRow(['Two bad cells', 'todo', 'tomorrow', '', 'asap']);
    const count = (await listTasks(b, await workspaceToday(b))).total;
    const error = await importTracker(b, analyst, Buffer.from(await workbook.xlsx.writeBuffer())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).details?.errors).toEqual([
      { row: 3, column: 'Status', value: 'started', message: 'not a status (To do, Doing, Waiting on seller, Done)' },
      { row: 4, column: 'Due', value: '31/02/2026', message: 'the due date must be a date YYYY-MM-DD, got "31/02/2026"' },
      { row: 5, column: 'Seller ID', value: 'S404', message: 'no seller with this id' },
      { row: 6, column: 'Title', value: '', message: 'title is required' },
      { row: 7, column: 'Due', value: 'tomorrow', message: 'the due date must be a date YYYY-MM-DD, got "tomorrow"' },
      { row: 7, column: 'Priority', value: 'asap', message: 'priority must be one of low, normal, high, urgent, got "asap"' },
    ]);
    expect((await listTasks(b, await workspaceToday(b))).total).toBe(count);
    await expect(importTracker(b, analyst, Buffer.from('not a workbook'))).rejects.toThrow(/not an .xlsx workbook/);
  });
});
