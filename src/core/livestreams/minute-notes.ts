/**
 * Reviewer notes pinned to a minute of a session ("host off camera from here"). Analysts and up
 * write them (the shells check the permission); the author or a manager deletes them. Every change
 * is audited in the same transaction. A note must point at a minute the session actually had.
 */
import type { Database, Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { UserError } from '../shared/errors.ts';
import type { Actor } from '../auth/actor.ts';
import { can } from '../auth/roles.ts';
import { writeAudit } from '../auth/audit-log.ts';

export const MAX_NOTE_LENGTH = 2000;

export interface MinuteNote {
  id: number;
  livestreamId: string;
  minute: number;
  body: string;
  createdBy: string;
  createdAt: string;
}

interface NoteRow {
  id: number;
  livestream_id: string;
  minute: number;
  body: string;
  created_by: string;
  created_by_user_id: number | null;
  created_at: string;
}

const COLUMNS = sql`id, livestream_id, minute, body, created_by, created_by_user_id, created_at`;

const toNote = (r: NoteRow): MinuteNote => ({
  id: r.id,
  livestreamId: r.livestream_id,
  minute: r.minute,
  body: r.body,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

export async function listMinuteNotes(executor: Executor, livestreamId: string): Promise<MinuteNote[]> {
  const rows = await executor.query<NoteRow>(sql`
    SELECT ${COLUMNS} FROM livestream_minute_notes WHERE livestream_id = ${livestreamId} ORDER BY minute, id`);
  return rows.map(toNote);
}

/**
 * The last minute a note may point at: the session's length, or its last recorded minute. The
 * minutes are matched on the bound id, a lookup in livestream_minutes_session_idx (migration 008).
 */
async function lastMinute(executor: Executor, livestreamId: string): Promise<number> {
  const [row] = await executor.query<{ duration_s: number | null; last_minute: number | null }>(sql`
    SELECT l.duration_s, (SELECT max(minute) FROM livestream_minutes m WHERE m.livestream_id = ${livestreamId}) AS last_minute
    FROM livestreams l WHERE l.id = ${livestreamId}`);
  if (!row) {
    throw new UserError(`no livestream with id ${livestreamId}`, { code: 'not_found', hint: 'pick a session from the Livestreams list' });
  }
  const byDuration = row.duration_s === null ? 0 : Math.max(0, Math.ceil(row.duration_s / 60) - 1);
  return Math.max(byDuration, row.last_minute ?? 0);
}

export async function addMinuteNote(db: Database, actor: Actor, livestreamId: string, input: { minute: number; body: string }): Promise<MinuteNote> {
  const body = input.body.trim();
  if (!body) throw new UserError('a note needs some text', { hint: 'write what happens at this minute', details: { field: 'body' } });
  if (body.length > MAX_NOTE_LENGTH) {
    throw new UserError(`the note is longer than ${MAX_NOTE_LENGTH.toLocaleString('en-US')} characters`, { hint: 'shorten it', details: { field: 'body' } });
  }
  if (!Number.isInteger(input.minute) || input.minute < 0) {
    throw new UserError(`minute must be a whole number from 0, got ${input.minute}`, { details: { field: 'minute' } });
  }
  return db.transaction(async (tx) => {
    const last = await lastMinute(tx, livestreamId);
    if (input.minute > last) {
      throw new UserError(`minute ${input.minute} is after the end of the session (its last minute is ${last})`, {
        hint: `pin the note to a minute from 0 to ${last}`,
        details: { field: 'minute', value: input.minute },
      });
    }
    const [row] = await tx.query<NoteRow>(sql`
      INSERT INTO livestream_minute_notes (livestream_id, minute, body, created_by, created_by_user_id)
      VALUES (${livestreamId}, ${input.minute}, ${body}, ${actor.label}, ${actor.userId})
      RETURNING ${COLUMNS}`);
    if (!row) throw new Error('insert returned no row');
    await writeAudit(tx, actor, { action: 'create', entity: 'livestream_minute_note', entityId: row.id, after: { livestreamId, minute: input.minute, body } });
    return toNote(row);
  });
}

export async function deleteMinuteNote(db: Database, actor: Actor, livestreamId: string, noteId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.query<NoteRow>(sql`
      SELECT ${COLUMNS} FROM livestream_minute_notes WHERE id = ${noteId} AND livestream_id = ${livestreamId}`);
    if (!row) throw new UserError(`no note ${noteId} on livestream ${livestreamId}`, { code: 'not_found' });
    const own = actor.userId !== null ? row.created_by_user_id === actor.userId : row.created_by === actor.label;
    if (!own && !can(actor.role, 'manage')) {
      throw new UserError('only its author or a manager can delete this note', { code: 'refused', hint: `ask ${row.created_by} or a manager` });
    }
    await tx.run(sql`DELETE FROM livestream_minute_notes WHERE id = ${noteId}`);
    await writeAudit(tx, actor, { action: 'delete', entity: 'livestream_minute_note', entityId: noteId, before: toNote(row) });
  });
}
