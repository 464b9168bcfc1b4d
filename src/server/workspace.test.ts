import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../core/db/database.ts';
import type { Role } from '../core/auth/roles.ts';
import { addDays, todayIn } from '../core/shared/dates.ts';
import { buildApp } from './app.ts';
import { makeTempDir, openMigratedMemoryDb } from '../../test/support/temp-db.ts';
import { createRoleUsers, sessionHeaders } from '../../test/support/sign-in.ts';
import { insertWorkspaceSellers } from '../../test/support/workspace-data.ts';

function multipart(fileName: string, content: Buffer) {
  const boundary = '----aisle-workspace-boundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('workspace over HTTP', () => {
  let db: Database;
  let app: FastifyInstance;
  let tmp: { dir: string; remove: () => Promise<void> };
  let users: Record<Role, number>;
  const as = async (role: Role) => sessionHeaders(db, users[role]);
  const today = todayIn('UTC');

  beforeAll(async () => {
    tmp = await makeTempDir();
    db = await openMigratedMemoryDb();
    users = await createRoleUsers(db);
    await insertWorkspaceSellers(db);
    app = await buildApp({ db, dataDir: tmp.dir, webDir: '/nonexistent' });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await tmp.remove();
  });

  it('logs a call, turns its next action into a task, moves it and finds both by search', async () => {
    const call = await app.inject({
      method: 'POST',
      url: '/api/communications',
      headers: await as('analyst'),
      payload: { sellerId: 'S1', channel: 'call', subject: 'Mid-year review call', nextAction: 'Send the live plan', dueAt: addDays(today, 2) },
    });
    expect(call.statusCode).toBe(201);
    const communication = call.json<{ communication: { id: number; followUp: string; createdBy: string } }>().communication;
    expect(communication).toMatchObject({ followUp: 'open', createdBy: 'analyst@test.aisle' });
    const created = await app.inject({
      method: 'POST',
      url: '/api/tasks',
      headers: await as('analyst'),
      payload: { title: 'Send the live plan', source: 'communication', sourceRef: String(communication.id), dueAt: addDays(today, 2), owner: 'analyst' },
    });
    expect(created.statusCode).toBe(201);
    const task = created.json<{ task: { id: number; sellerId: string; status: string } }>().task;
    expect(task).toMatchObject({ sellerId: 'S1', status: 'todo' });
    const moved = await app.inject({ method: 'PATCH', url: `/api/tasks/${task.id}`, headers: await as('analyst'), payload: { status: 'doing' } });
    expect(moved.json<{ task: { status: string } }>().task.status).toBe('doing');
    const mine = (await app.inject({ url: '/api/tasks?mine=true&status=doing', headers: await as('analyst') })).json<{ tasks: { id: number }[] }>();
    expect(mine.tasks.map((t) => t.id)).toEqual([task.id]);
    expect((await app.inject({ url: '/api/tasks?mine=true', headers: await as('viewer') })).json<{ total: number }>().total).toBe(0);
    const search = (await app.inject({ url: '/api/workspace/search?q=live%20plan', headers: await as('viewer') })).json<{ hits: { kind: string; id: number }[] }>();
    expect(search.hits.map((h) => [h.kind, h.id]).sort()).toEqual([['communication', communication.id], ['task', task.id]]);
    const timeline = (await app.inject({ url: '/api/communications?sellerId=S1', headers: await as('viewer') })).json<{ communications: { followUp: string; followUpTaskId: number }[] }>();
    expect(timeline.communications[0]).toMatchObject({ followUp: 'tasked', followUpTaskId: task.id });
    const figures = (await app.inject({ url: '/api/communications/follow-up?sellerId=S1', headers: await as('viewer') })).json<{ daysSinceContact: number; openTasks: number }>();
    expect(figures).toMatchObject({ daysSinceContact: 0, openTasks: 1 });
  });

  it('refuses viewers any change and answers bad input with the field', async () => {
    const refused = await app.inject({ method: 'POST', url: '/api/tasks', headers: await as('viewer'), payload: { title: 'x' } });
    expect(refused.statusCode).toBe(403);
    const bad = await app.inject({ method: 'POST', url: '/api/communications', headers: await as('analyst'), payload: { sellerId: 'S1', channel: 'call', subject: 'x', dueAt: today } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { message: string } }>().error.message).toMatch(/a due date needs a next action/);
    const unknown = await app.inject({ method: 'PATCH', url: '/api/tasks/4242', headers: await as('analyst'), payload: { status: 'done' } });
    expect(unknown.statusCode).toBe(404);
  });

  it('bulk-edits, reminds about overdue work and round-trips the tracker sheet', async () => {
    const headers = await as('analyst');
    const ids: number[] = [];
    for (const title of ['Overdue check', 'Another check']) {
      const res = await app.inject({ method: 'POST', url: '/api/tasks', headers, payload: { title, dueAt: today } });
      ids.push(res.json<{ task: { id: number } }>().task.id);
    }
    const bulk = await app.inject({ method: 'POST', url: '/api/tasks/bulk', headers, payload: { ids, edit: { priority: 'urgent', dueAt: addDays(today, -1), addTags: ['audit'] } } });
    expect(bulk.json()).toEqual({ updated: 2, nextOccurrences: [] });
    const reminders = (await app.inject({ url: '/api/tasks/reminders', headers: await as('viewer') })).json<{ counts: { overdue: number }; overdue: { title: string }[] }>();
    expect(reminders.counts.overdue).toBe(2);
    expect(reminders.overdue.map((r) => r.title).sort()).toEqual(['Another check', 'Overdue check']);

    const exported = await app.inject({ url: '/api/tasks/export', headers: await as('viewer') });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    const before = (await app.inject({ url: '/api/tasks', headers })).json<{ total: number }>().total;
    const upload = multipart('tracker.xlsx', exported.rawPayload);
    const imported = await app.inject({ method: 'POST', url: '/api/tasks/import', headers: { ...headers, ...upload.headers }, payload: upload.payload });
    expect(imported.json()).toMatchObject({ inserted: 0, updated: before });
    const junk = multipart('tracker.xlsx', Buffer.from('nope'));
    const refused = await app.inject({ method: 'POST', url: '/api/tasks/import', headers: { ...headers, ...junk.headers }, payload: junk.payload });
    expect(refused.statusCode).toBe(400);
  });

  it('serves notes with their body rendered safely', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/notes', headers: await as('analyst'), payload: { title: 'XSS check', bodyMd: '<script>alert(1)</script> **bold**', sellerId: 'S2' } });
    expect(res.statusCode).toBe(201);
    const note = res.json<{ note: { bodyHtml: string; sellerName: string } }>().note;
    expect(note).toEqual(expect.objectContaining({ sellerName: 'Bright Care', bodyHtml: '<p>&lt;script&gt;alert(1)&lt;/script&gt; <strong>bold</strong></p>\n' }));
    const listed = (await app.inject({ url: '/api/notes?q=xss', headers: await as('viewer') })).json<{ notes: unknown[] }>();
    expect(listed.notes).toHaveLength(1);
  });
});
