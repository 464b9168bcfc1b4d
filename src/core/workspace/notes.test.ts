import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import type { Actor } from '../auth/actor.ts';
import { listAudit } from '../auth/audit-log.ts';
import { openMigratedMemoryDb } from '../../../test/support/temp-db.ts';
import { createNote, deleteNote, listNotes, updateNote } from './notes.ts';

const analyst: Actor = { userId: 7, label: 'analyst@shop.test', role: 'analyst' };

describe('notes with their audit trail', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedMemoryDb();
  });
  afterAll(() => db.close());

  it('creates, edits and deletes, auditing each change with before and after', async () => {
    const note = await createNote(db, analyst, { title: '  Weekly check-in ', bodyMd: '# Agenda\n- live schedule', tags: ['Meeting', 'meeting', ' '] });
    expect(note).toMatchObject({ title: 'Weekly check-in', tags: ['meeting'], createdBy: 'analyst@shop.test' });
    await updateNote(db, analyst, note.id, { title: 'Weekly check-in (moved)' });
    await deleteNote(db, analyst, note.id);
    expect(await listNotes(db)).toEqual([]);
    const { entries } = await listAudit(db, { entity: 'note' });
    expect(entries.map((e) => [e.action, e.actor, e.entityId])).toEqual([
      ['delete', 'analyst@shop.test', String(note.id)],
      ['update', 'analyst@shop.test', String(note.id)],
      ['create', 'analyst@shop.test', String(note.id)],
    ]);
    expect(entries[1]?.before).toMatchObject({ title: 'Weekly check-in' });
    expect(entries[1]?.after).toMatchObject({ title: 'Weekly check-in (moved)' });
  });

  it('writes nothing — neither the note nor its audit entry — when the change is refused', async () => {
    const before = await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log`);
    await expect(createNote(db, analyst, { title: '' })).rejects.toThrow(/needs a title/);
    await expect(createNote(db, analyst, { title: 'For a ghost', sellerId: 'nope' })).rejects.toThrow(/no seller with id nope/);
    await expect(updateNote(db, analyst, 999, { title: 'x' })).rejects.toThrow(/no note with id 999/);
    expect(await db.query(sql`SELECT count(*) AS n FROM audit_log`)).toEqual(before);
    expect(await listNotes(db)).toEqual([]);
  });

  it('keeps secrets out of the audit log whatever the caller passes', async () => {
    const { writeAudit } = await import('../auth/audit-log.ts');
    await writeAudit(db, analyst, { action: 'update', entity: 'user', entityId: 1, after: { password: 'hunter2hunter2', nested: { apiToken: 'aisle_x' }, role: 'viewer' } });
    const { entries } = await listAudit(db, { entity: 'user' });
    expect(entries[0]?.after).toEqual({ password: '[redacted]', nested: { apiToken: '[redacted]' }, role: 'viewer' });
  });
});
