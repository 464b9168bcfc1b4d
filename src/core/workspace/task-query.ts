/**
 * Reading tasks: one task, or a filtered page of them (status, owner — "my work" passes the
 * user's names —, seller, source, tag, due state, words), each with its seller's name and its due
 * state in the workspace time zone. Open tasks come first, soonest due first.
 */
import type { Executor } from '../db/database.ts';
import { sql, type Sql } from '../db/sql.ts';
import { UserError } from '../shared/errors.ts';
import { dueStateSql, type DueState } from './due-dates.ts';
import { likePattern, type Priority, type Recurrence, type TaskSource, type TaskStatus } from './workspace-fields.ts';

export interface Task {
  id: number;
  title: string;
  sellerId: string | null;
  sellerName: string | null;
  status: TaskStatus;
  owner: string | null;
  dueAt: string | null;
  priority: Priority;
  tags: string[];
  source: TaskSource;
  sourceRef: string | null;
  recurrence: Recurrence | null;
  description: string | null;
  completedAt: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  dueState: DueState;
}

export interface TaskFilter {
  status?: TaskStatus[];
  /** Owner names to match (case-insensitive); "my work" passes the user's display name and e-mail. */
  owners?: string[];
  sellerId?: string;
  source?: TaskSource;
  sourceRef?: string;
  tag?: string;
  due?: 'overdue' | 'today' | 'soon' | 'none';
  /** Done tasks only when completed on or after this date (the board's recent Done column). */
  doneSince?: string;
  q?: string;
  limit?: number;
  offset?: number;
}

export const taskColumns = (today: string): Sql => sql`t.id, t.title, t.seller_id AS "sellerId", s.name AS "sellerName", t.status, t.owner,
  t.due_at AS "dueAt", t.priority, t.tags, t.source, t.source_ref AS "sourceRef", t.recurrence, t.description,
  t.completed_at AS "completedAt", t.created_by AS "createdBy", t.created_at AS "createdAt", t.updated_at AS "updatedAt",
  ${dueStateSql(sql`t.due_at`, sql`t.status = 'done'`, today)} AS "dueState"`;

const PRIORITY_RANK = sql`CASE t.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END`;

function conditions(filter: TaskFilter, today: string): Sql[] {
  const where: Sql[] = [];
  if (filter.status?.length) where.push(sql`t.status IN (${sql.join(filter.status)})`);
  if (filter.owners?.length) where.push(sql`lower(t.owner) IN (${sql.join(filter.owners.map((o) => o.toLowerCase()))})`);
  if (filter.sellerId) where.push(sql`t.seller_id = ${filter.sellerId}`);
  if (filter.source) where.push(sql`t.source = ${filter.source}`);
  if (filter.sourceRef) where.push(sql`t.source_ref = ${filter.sourceRef}`);
  if (filter.doneSince) where.push(sql`(t.status <> 'done' OR t.completed_at >= CAST(${filter.doneSince} AS DATE))`);
  if (filter.tag) where.push(sql`list_contains(t.tags, ${filter.tag.trim().toLowerCase()})`);
  if (filter.due) {
    const state = dueStateSql(sql`t.due_at`, sql`t.status = 'done'`, today);
    where.push(filter.due === 'soon' ? sql`${state} IN ('today', 'soon')` : sql`${state} = ${filter.due}`);
  }
  for (const word of (filter.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
    where.push(sql`concat_ws(' ', t.title, t.description, t.owner, array_to_string(t.tags, ' '), s.name, t.seller_id) ILIKE ${likePattern(word)} ESCAPE '\\'`);
  }
  return where;
}

export async function listTasks(executor: Executor, today: string, filter: TaskFilter = {}): Promise<{ tasks: Task[]; total: number }> {
  const where = conditions(filter, today);
  const whereSql = where.length ? sql`WHERE ${sql.join(where, ' AND ')}` : sql.empty;
  const limit = Math.min(Math.max(filter.limit ?? 200, 1), 5000);
  const tasks = await executor.query<Task>(sql`
    SELECT ${taskColumns(today)} FROM tasks t LEFT JOIN sellers s ON s.id = t.seller_id ${whereSql}
    ORDER BY t.status = 'done', t.due_at NULLS LAST, ${PRIORITY_RANK}, t.id DESC ${executor.dialect.limit(limit, filter.offset ?? 0)}`);
  const [count] = await executor.query<{ n: number }>(sql`SELECT count(*) AS n FROM tasks t LEFT JOIN sellers s ON s.id = t.seller_id ${whereSql}`);
  return { tasks, total: count?.n ?? 0 };
}

export async function getTask(executor: Executor, id: number, today: string): Promise<Task> {
  const [task] = await executor.query<Task>(sql`SELECT ${taskColumns(today)} FROM tasks t LEFT JOIN sellers s ON s.id = t.seller_id WHERE t.id = ${id}`);
  if (!task) throw new UserError(`no task with id ${id}`, { code: 'not_found', hint: 'list tasks with `aisle tasks list`' });
  return task;
}
