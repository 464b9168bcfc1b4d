/**
 * Notes: markdown text with tags, standalone or tied to a seller — the team's playbooks and meeting
 * notes. Every change is audited in the same transaction. Bodies are stored as written and come
 * back with `bodyHtml`, rendered by render-markdown.ts (raw HTML off, safe links only), which is
 * the only HTML of a note anyone shows.
 */
import type { Database, Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { UserError } from '../shared/errors.ts';
import type { Actor } from '../auth/actor.ts';
import { writeAudit } from '../auth/audit-log.ts';
import { renderMarkdown } from './render-markdown.ts';
import { checkSeller, likePattern } from './workspace-fields.ts';

export interface Note {
  id: number;
  title: string;
  bodyMd: string;
  /** The body rendered to safe HTML. */
  bodyHtml: string;
  tags: string[];
  sellerId: string | null;
  sellerName: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

interface NoteRow {
  id: number;
  title: string;
  body_md: string;
  tags: string[];
  seller_id: string | null;
  seller_name: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS = sql`n.id, n.title, n.body_md, n.tags, n.seller_id, (SELECT name FROM sellers WHERE id = n.seller_id) AS seller_name, n.created_by, n.created_at, n.updated_at`;
const MAX_BODY = 100_000;

const toNote = (r: NoteRow): Note => ({
  id: r.id,
  title: r.title,
  bodyMd: r.body_md,
  bodyHtml: renderMarkdown(r.body_md),
  tags: r.tags,
  sellerId: r.seller_id,
  sellerName: r.seller_name,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface NoteInput {
  title?: string;
  bodyMd?: string;
  tags?: string[];
  sellerId?: string | null;
}

function cleanTitle(title: string): string {
  const value = title.trim();
  if (!value) throw new UserError('a note needs a title', { details: { field: 'title' } });
  if (value.length > 200) throw new UserError('the title is longer than 200 characters', { details: { field: 'title' } });
  return value;
}

function cleanBody(body: string): string {
  if (body.length > MAX_BODY) throw new UserError(`the note is longer than ${MAX_BODY.toLocaleString('en-US')} characters`, { details: { field: 'bodyMd' } });
  return body;
}

function cleanTags(tags: string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))].slice(0, 20);
}

// DuckDB binds a JS array as no known type, so tags travel as a JSON text and become a list in SQL.
const tagList = (tags: string[]) => sql`CAST(json(${JSON.stringify(tags)}) AS VARCHAR[])`;

export interface NoteFilter {
  sellerId?: string;
  tag?: string;
  q?: string;
}

export async function listNotes(executor: Executor, filter: NoteFilter = {}): Promise<Note[]> {
  const where = [];
  if (filter.sellerId) where.push(sql`n.seller_id = ${filter.sellerId}`);
  if (filter.tag) where.push(sql`list_contains(n.tags, ${filter.tag.trim().toLowerCase()})`);
  for (const word of (filter.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
    where.push(sql`concat_ws(' ', n.title, n.body_md, array_to_string(n.tags, ' ')) ILIKE ${likePattern(word)} ESCAPE '\\'`);
  }
  const whereSql = where.length ? sql`WHERE ${sql.join(where, ' AND ')}` : sql.empty;
  const rows = await executor.query<NoteRow>(sql`SELECT ${COLUMNS} FROM notes n ${whereSql} ORDER BY n.updated_at DESC, n.id DESC`);
  return rows.map(toNote);
}

export async function getNote(executor: Executor, id: number): Promise<Note> {
  const [row] = await executor.query<NoteRow>(sql`SELECT ${COLUMNS} FROM notes n WHERE n.id = ${id}`);
  if (!row) throw new UserError(`no note with id ${id}`, { code: 'not_found' });
  return toNote(row);
}

export async function createNote(db: Database, actor: Actor, input: NoteInput): Promise<Note> {
  const title = cleanTitle(input.title ?? '');
  const body = cleanBody(input.bodyMd ?? '');
  const tags = cleanTags(input.tags ?? []);
  return db.transaction(async (tx) => {
    const sellerId = await checkSeller(tx, input.sellerId);
    const [row] = await tx.query<{ id: number }>(sql`
      INSERT INTO notes (title, body_md, tags, seller_id, created_by)
      VALUES (${title}, ${body}, ${tagList(tags)}, ${sellerId}, ${actor.label})
      RETURNING id`);
    if (!row) throw new Error('insert returned no row');
    const note = await getNote(tx, row.id);
    await writeAudit(tx, actor, { action: 'create', entity: 'note', entityId: note.id, after: { title, tags, sellerId: note.sellerId } });
    return note;
  });
}

export async function updateNote(db: Database, actor: Actor, id: number, input: NoteInput): Promise<Note> {
  return db.transaction(async (tx) => {
    const before = await getNote(tx, id);
    const title = input.title === undefined ? before.title : cleanTitle(input.title);
    const body = input.bodyMd === undefined ? before.bodyMd : cleanBody(input.bodyMd);
    const tags = input.tags === undefined ? before.tags : cleanTags(input.tags);
    const sellerId = input.sellerId === undefined ? before.sellerId : await checkSeller(tx, input.sellerId);
    await tx.run(sql`UPDATE notes SET title = ${title}, body_md = ${body}, tags = ${tagList(tags)}, seller_id = ${sellerId}, updated_at = now() WHERE id = ${id}`);
    const after = await getNote(tx, id);
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'note',
      entityId: id,
      before: { title: before.title, tags: before.tags, bodyMd: before.bodyMd, sellerId: before.sellerId },
      after: { title: after.title, tags: after.tags, bodyMd: after.bodyMd, sellerId: after.sellerId },
    });
    return after;
  });
}

export async function deleteNote(db: Database, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getNote(tx, id);
    await tx.run(sql`DELETE FROM notes WHERE id = ${id}`);
    await writeAudit(tx, actor, { action: 'delete', entity: 'note', entityId: id, before: { title: before.title, tags: before.tags } });
  });
}
