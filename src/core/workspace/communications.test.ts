import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import type { Actor } from '../auth/actor.ts';
import { listAudit } from '../auth/audit-log.ts';
import { addDays } from '../shared/dates.ts';
import { openMigratedMemoryDb } from '../../../test/support/temp-db.ts';
import { insertWorkspaceSellers } from '../../../test/support/workspace-data.ts';
import { listCommunications, sellerFollowUp } from './communication-query.ts';
import { deleteCommunication, logCommunication, updateCommunication } from './communications.ts';
import { workspaceToday } from './due-dates.ts';
import { workspaceReminders } from './reminders.ts';
import { createTask } from './tasks.ts';

const analyst: Actor = { userId: 7, label: 'analyst@shop.test', role: 'analyst' };

describe('communications', () => {
  let db: Database;
  let today: string;
  beforeAll(async () => {
    db = await openMigratedMemoryDb();
    await insertWorkspaceSellers(db, 'Asia/Jakarta');
    today = await workspaceToday(db);
  });
  afterAll(() => db.close());

  it('refuses bad input with the field and what to do', async () => {
    const base = { sellerId: 'S1', channel: 'call' as const, subject: 'Pitch' };
    await expect(logCommunication(db, analyst, { ...base, subject: ' ' })).rejects.toMatchObject({ details: { field: 'subject' } });
    await expect(logCommunication(db, analyst, { ...base, channel: 'fax' as never })).rejects.toThrow(/channel must be one of call, meeting, email, chat, on_site/);
    await expect(logCommunication(db, analyst, { ...base, direction: 'sideways' as never })).rejects.toThrow(/direction must be one of/);
    await expect(logCommunication(db, analyst, { ...base, sellerId: 'NOPE' })).rejects.toThrow(/no seller with id NOPE/);
    await expect(logCommunication(db, analyst, { ...base, sellerId: '' })).rejects.toThrow(/communication is with a seller/);
    await expect(logCommunication(db, analyst, { ...base, dueAt: addDays(today, 3) })).rejects.toThrow(/a due date needs a next action/);
    await expect(logCommunication(db, analyst, { ...base, at: 'yesterday' })).rejects.toThrow(/is not a date and time/);
    await expect(logCommunication(db, analyst, { ...base, at: new Date(Date.now() + 3_600_000).toISOString() })).rejects.toThrow(/in the future/);
    await expect(logCommunication(db, analyst, { ...base, nextAction: 'x', dueAt: addDays(today, -1) })).rejects.toThrow(/before the contact itself/);
    expect((await listCommunications(db, today)).total).toBe(0);
  });

  it('logs, edits and deletes with an audit trail; the seller timeline is newest first', async () => {
    const first = await logCommunication(db, analyst, { sellerId: 'S1', channel: 'meeting', subject: 'Quarterly review', at: new Date(Date.now() - 86_400_000 * 3).toISOString() });
    const second = await logCommunication(db, analyst, { sellerId: 'S1', channel: 'call', direction: 'inbound', subject: 'Stock question', participants: 'Ana, Budi' });
    expect(second).toMatchObject({ sellerName: 'Lumi Home', direction: 'inbound', followUp: 'none', createdBy: 'analyst@shop.test' });
    const edited = await updateCommunication(db, analyst, second.id, { outcome: 'restock Friday' });
    expect(edited.outcome).toBe('restock Friday');
    await expect(updateCommunication(db, analyst, second.id, { sellerId: 'S2' })).rejects.toThrow(/stays with its seller/);
    const timeline = await listCommunications(db, today, { sellerId: 'S1' });
    expect(timeline.communications.map((c) => c.id)).toEqual([second.id, first.id]);
    await deleteCommunication(db, analyst, first.id);
    const { entries } = await listAudit(db, { entity: 'communication' });
    expect(entries.map((e) => e.action)).toEqual(['delete', 'update', 'create', 'create']);
  });

  it('a follow-up is open, overdue after its due date, closed by the next contact or carried by a task', async () => {
    const at = new Date(Date.now() - 86_400_000 * 10).toISOString();
    const old = await logCommunication(db, analyst, { sellerId: 'S2', channel: 'email', subject: 'Samples', nextAction: 'Send samples', dueAt: addDays(today, -5), at, owner: 'Ana' });
    expect(old.followUp).toBe('overdue');
    expect((await sellerFollowUp(db, 'S2', today)).overdueFollowUps).toBe(1);
    const reminders = await workspaceReminders(db, today);
    expect(reminders.overdue.map((r) => [r.kind, r.title, r.daysOverdue])).toEqual([['follow_up', 'Send samples', 5]]);
    expect((await workspaceReminders(db, today, { owners: ['bo'] })).counts.overdue).toBe(0);
    // a task takes it over: the follow-up is carried by the task, whose own due date counts now
    const { task } = await createTask(db, analyst, { title: 'Send samples', source: 'communication', sourceRef: String(old.id), dueAt: addDays(today, 2) });
    expect(task.sellerId).toBe('S2');
    const [carried] = (await listCommunications(db, today, { sellerId: 'S2' })).communications;
    expect(carried).toMatchObject({ followUp: 'tasked', followUpTaskId: task.id });
    expect(await sellerFollowUp(db, 'S2', today)).toMatchObject({ overdueFollowUps: 0, openTasks: 1 });
    await expect(deleteCommunication(db, analyst, old.id)).rejects.toThrow(/follows up this communication/);
    // a later contact closes an open follow-up
    const open = await logCommunication(db, analyst, { sellerId: 'S1', channel: 'chat', subject: 'Promo', nextAction: 'Confirm promo', dueAt: today });
    expect(open.followUp).toBe('open');
    await logCommunication(db, analyst, { sellerId: 'S1', channel: 'call', subject: 'Promo confirmed' });
    expect((await listCommunications(db, today, { followUp: 'closed' })).communications.map((c) => c.id)).toEqual([open.id]);
  });

  it('filters the team log by channel, dates in the workspace time zone and words', async () => {
    const calls = await listCommunications(db, today, { channel: 'call' });
    expect(calls.communications.every((c) => c.channel === 'call')).toBe(true);
    expect((await listCommunications(db, today, { from: today, to: today, q: 'promo' })).communications.map((c) => c.subject).sort()).toEqual(['Promo', 'Promo confirmed']);
    expect((await listCommunications(db, today, { to: addDays(today, -1) })).communications.map((c) => c.subject)).toEqual(['Samples']);
    const summary = await sellerFollowUp(db, 'S1', today);
    expect(summary).toMatchObject({ lastContactDate: today, daysSinceContact: 0 });
  });
});
