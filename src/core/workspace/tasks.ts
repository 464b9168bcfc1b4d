/**
 * The tracker: tasks with a title, an optional seller, owner, due date, priority, status (to do,
 * doing, waiting on seller, done), tags, where they came from (an opportunity, an alert, a review, a
 * communication or by hand) with a reference back to it, and an optional recurrence. Completing a
 * recurring task creates its next occurrence in the same statement batch (see due-dates.ts for the
 * date), and the series moves on to the new task — the finished one keeps no recurrence, so
 * re-opening and finishing it again cannot fork the series. Every change is audited in its
 * transaction; a bulk edit is one UPDATE and one audit entry listing every task it touched.
 */
import type { Database, Executor } from '../db/database.ts';
import { sql, type Sql } from '../db/sql.ts';
import { UserError } from '../shared/errors.ts';
import type { Actor } from '../auth/actor.ts';
import { writeAudit } from '../auth/audit-log.ts';
import { nextDueSql, workspaceToday } from './due-dates.ts';
import { getTask, type Task } from './task-query.ts';
import {
  checkSeller,
  cleanTags,
  oneOf,
  optionalDate,
  optionalText,
  PRIORITIES,
  RECURRENCES,
  requiredText,
  tagListSql,
  TASK_SOURCES,
  TASK_STATUSES,
  type Priority,
  type Recurrence,
  type TaskSource,
  type TaskStatus,
} from './workspace-fields.ts';

export interface TaskInput {
  title?: string;
  sellerId?: string | null;
  status?: TaskStatus;
  owner?: string | null;
  dueAt?: string | null;
  priority?: Priority;
  tags?: string[];
  source?: TaskSource;
  sourceRef?: string | null;
  recurrence?: Recurrence | null;
  description?: string | null;
}

export interface TaskChange {
  task: Task;
  /** The next occurrence, when this change completed a recurring task. */
  next: Task | null;
}

/** Checks the link back to what prompted the task and returns the seller it implies, if any. */
async function checkSource(executor: Executor, source: TaskSource, ref: string | null): Promise<string | null> {
  if (source === 'manual') {
    if (ref) throw new UserError('a manual task has no source reference', { details: { field: 'sourceRef' }, hint: 'set source too, or leave the reference empty' });
    return null;
  }
  if (!ref) throw new UserError(`a task from ${source === 'alert' ? 'an alert' : `a ${source}`} needs the reference of that ${source}`, { details: { field: 'sourceRef' } });
  switch (source) {
    case 'communication': {
      const [row] = await executor.query<{ seller_id: string }>(sql`SELECT seller_id FROM communications WHERE CAST(id AS VARCHAR) = ${ref}`);
      if (!row) throw new UserError(`no communication with id ${ref}`, { details: { field: 'sourceRef', value: ref } });
      return row.seller_id;
    }
    case 'alert': {
      const [row] = await executor.query<{ scope: string }>(sql`SELECT scope FROM alerts WHERE CAST(id AS VARCHAR) = ${ref}`);
      if (!row) throw new UserError(`no alert with id ${ref}`, { details: { field: 'sourceRef', value: ref } });
      return row.scope.startsWith('seller:') ? row.scope.slice('seller:'.length) : null;
    }
    case 'opportunity': {
      const match = /^[a-z_]+:(seller|subcategory):(.+)$/.exec(ref);
      if (!match) throw new UserError(`"${ref}" is not an opportunity reference`, { details: { field: 'sourceRef' }, hint: 'use rule:seller:ID, e.g. top_tier_not_contacted:seller:S001' });
      return match[1] === 'seller' ? (match[2] ?? null) : null;
    }
    case 'review':
      return null;
    default: {
      const unknown: never = source;
      throw new Error(`unknown task source ${String(unknown)}`);
    }
  }
}

/** Validated values of a new task (also used row by row by the tracker import's checks). */
export function cleanTaskInput(input: TaskInput) {
  return {
    title: requiredText(input.title, 'title', 200, 'Weekly live check'),
    status: oneOf(TASK_STATUSES, input.status ?? 'todo', 'status'),
    owner: optionalText(input.owner, 'owner', 200),
    dueAt: optionalDate(input.dueAt, 'dueAt'),
    priority: oneOf(PRIORITIES, input.priority ?? 'normal', 'priority'),
    tags: cleanTags(input.tags),
    source: oneOf(TASK_SOURCES, input.source ?? 'manual', 'source'),
    sourceRef: optionalText(input.sourceRef, 'sourceRef', 300),
    recurrence: input.recurrence ? oneOf(RECURRENCES, input.recurrence, 'recurrence') : null,
    description: optionalText(input.description, 'description', 5000),
  };
}

export async function createTask(db: Database, actor: Actor, input: TaskInput): Promise<TaskChange> {
  const v = cleanTaskInput(input);
  const today = await workspaceToday(db);
  return db.transaction(async (tx) => {
    const implied = await checkSource(tx, v.source, v.sourceRef);
    const sellerId = (await checkSeller(tx, input.sellerId === undefined ? implied : input.sellerId)) ?? null;
    const [row] = await tx.query<{ id: number }>(sql`
      INSERT INTO tasks (title, seller_id, status, owner, due_at, priority, tags, source, source_ref, recurrence, description, completed_at, created_by)
      VALUES (${v.title}, ${sellerId}, ${v.status}, ${v.owner}, CAST(${v.dueAt} AS DATE), ${v.priority}, ${tagListSql(v.tags)}, ${v.source},
        ${v.sourceRef}, ${v.recurrence}, ${v.description}, CASE WHEN ${v.status} = 'done' THEN now() END, ${actor.label})
      RETURNING id`);
    if (!row) throw new Error('insert returned no row');
    const task = await getTask(tx, row.id, today);
    await writeAudit(tx, actor, { action: 'create', entity: 'task', entityId: task.id, after: auditView(task) });
    return { task, next: null };
  });
}

function auditView(t: Task) {
  return { title: t.title, sellerId: t.sellerId, status: t.status, owner: t.owner, dueAt: t.dueAt, priority: t.priority, tags: t.tags, source: t.source, sourceRef: t.sourceRef, recurrence: t.recurrence };
}

/**
 * Starts the next occurrence of every recurring task among `ids` that was just completed, moves the
 * series to it and returns the new ids (one INSERT … SELECT, one UPDATE).
 */
async function continueSeries(tx: Executor, actor: Actor, ids: readonly number[], today: string): Promise<number[]> {
  if (ids.length === 0) return [];
  const created = await tx.query<{ id: number }>(sql`
    INSERT INTO tasks (title, seller_id, status, owner, due_at, priority, tags, source, source_ref, recurrence, description, created_by)
    SELECT title, seller_id, 'todo', owner, ${nextDueSql(sql`due_at`, sql`recurrence`, today)}, priority, tags, source, source_ref, recurrence, description, ${actor.label}
    FROM tasks WHERE id IN (${sql.join(ids)}) AND status = 'done' AND recurrence IS NOT NULL
    RETURNING id`);
  await tx.run(sql`UPDATE tasks SET recurrence = NULL WHERE id IN (${sql.join(ids)}) AND status = 'done' AND recurrence IS NOT NULL`);
  return created.map((r) => r.id).sort((a, b) => a - b);
}

const statusChange = (status: Sql) => sql`status = ${status}, completed_at = CASE WHEN ${status} = 'done' THEN coalesce(completed_at, now()) END`;

export async function updateTask(db: Database, actor: Actor, id: number, input: TaskInput): Promise<TaskChange> {
  const today = await workspaceToday(db);
  return db.transaction(async (tx) => {
    const before = await getTask(tx, id, today);
    const v = cleanTaskInput({ ...before, ...definedOnly(input) });
    const sellerId = input.sellerId === undefined ? before.sellerId : await checkSeller(tx, input.sellerId);
    if (input.source !== undefined || input.sourceRef !== undefined) await checkSource(tx, v.source, v.sourceRef);
    await tx.run(sql`UPDATE tasks SET title = ${v.title}, seller_id = ${sellerId}, owner = ${v.owner}, due_at = CAST(${v.dueAt} AS DATE),
      priority = ${v.priority}, tags = ${tagListSql(v.tags)}, source = ${v.source}, source_ref = ${v.sourceRef}, recurrence = ${v.recurrence},
      description = ${v.description}, ${statusChange(sql`${v.status}`)}, updated_at = now() WHERE id = ${id}`);
    const finished = before.status !== 'done' && v.status === 'done' ? await continueSeries(tx, actor, [id], today) : [];
    const task = await getTask(tx, id, today);
    const next = finished[0] === undefined ? null : await getTask(tx, finished[0], today);
    await writeAudit(tx, actor, { action: 'update', entity: 'task', entityId: id, before: auditView(before), after: { ...auditView(task), nextOccurrence: next?.id ?? null } });
    return { task, next };
  });
}

/** Marks a task done (the CLI's `aisle tasks done`, the board's last column). */
export function completeTask(db: Database, actor: Actor, id: number): Promise<TaskChange> {
  return updateTask(db, actor, id, { status: 'done' });
}

export async function deleteTask(db: Database, actor: Actor, id: number): Promise<void> {
  const today = await workspaceToday(db);
  await db.transaction(async (tx) => {
    const before = await getTask(tx, id, today);
    await tx.run(sql`DELETE FROM tasks WHERE id = ${id}`);
    await writeAudit(tx, actor, { action: 'delete', entity: 'task', entityId: id, before: auditView(before) });
  });
}

export interface BulkTaskEdit {
  status?: TaskStatus;
  owner?: string | null;
  priority?: Priority;
  dueAt?: string | null;
  addTags?: string[];
  removeTags?: string[];
}

/** One edit applied to many tasks in one UPDATE; returns how many changed and the next occurrences started. */
export async function bulkEditTasks(db: Database, actor: Actor, ids: readonly number[], edit: BulkTaskEdit): Promise<{ updated: number; nextOccurrences: number[] }> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) throw new UserError('select at least one task', { details: { field: 'ids' } });
  if (unique.length > 1000) throw new UserError('at most 1,000 tasks at once', { details: { field: 'ids' } });
  const sets: Sql[] = [];
  if (edit.status !== undefined) sets.push(statusChange(sql`${oneOf(TASK_STATUSES, edit.status, 'status')}`));
  if (edit.owner !== undefined) sets.push(sql`owner = ${optionalText(edit.owner, 'owner', 200)}`);
  if (edit.priority !== undefined) sets.push(sql`priority = ${oneOf(PRIORITIES, edit.priority, 'priority')}`);
  if (edit.dueAt !== undefined) sets.push(sql`due_at = CAST(${optionalDate(edit.dueAt, 'dueAt')} AS DATE)`);
  const add = cleanTags(edit.addTags);
  const remove = cleanTags(edit.removeTags);
  if (add.length || remove.length) {
    sets.push(sql`tags = list_filter(list_distinct(list_concat(tags, ${tagListSql(add)})), x -> NOT list_contains(${tagListSql(remove)}, x))`);
  }
  if (sets.length === 0) throw new UserError('nothing to change', { hint: 'give a status, owner, priority, due date or tags' });
  const today = await workspaceToday(db);
  return db.transaction(async (tx) => {
    const before = await tx.query<{ id: number; status: string; owner: string | null; priority: string; due_at: string | null; tags: string[] }>(
      sql`SELECT id, status, owner, priority, due_at, tags FROM tasks WHERE id IN (${sql.join(unique)}) ORDER BY id`,
    );
    const missing = unique.filter((id) => !before.some((b) => b.id === id));
    if (missing.length) throw new UserError(`no task with id ${missing.join(', ')}`, { code: 'not_found', details: { field: 'ids', value: missing } });
    const updated = await tx.run(sql`UPDATE tasks SET ${sql.join(sets)}, updated_at = now() WHERE id IN (${sql.join(unique)})`);
    const finishing = edit.status === 'done' ? before.filter((b) => b.status !== 'done').map((b) => b.id) : [];
    const nextOccurrences = await continueSeries(tx, actor, finishing, today);
    await writeAudit(tx, actor, { action: 'update', entity: 'task', entityId: unique.join(','), before, after: { ...edit, nextOccurrences } });
    return { updated, nextOccurrences };
  });
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
