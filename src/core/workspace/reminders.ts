/**
 * Reminders: the follow-up work that is overdue or due in the next days — open tasks and
 * communications whose next action nobody has closed — for the Overview's card and the weekly
 * report's action list. "Today" is the workspace's (due-dates.ts), or the report's last day.
 */
import type { Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { addDays } from '../shared/dates.ts';
import { SOON_DAYS } from './due-dates.ts';
import { followUpStateSql } from './communication-query.ts';

export interface ReminderItem {
  kind: 'task' | 'follow_up';
  id: number;
  title: string;
  sellerId: string | null;
  sellerName: string | null;
  owner: string | null;
  dueAt: string;
  overdue: boolean;
  /** Whole days past due (0 when due today or later). */
  daysOverdue: number;
  priority: string | null;
}

export interface Reminders {
  today: string;
  horizon: string;
  overdue: ReminderItem[];
  dueSoon: ReminderItem[];
  counts: { overdue: number; dueSoon: number };
}

export interface ReminderOptions {
  /** Only items of these owners (case-insensitive): "my work". */
  owners?: string[];
  days?: number;
  limit?: number;
}

export async function workspaceReminders(executor: Executor, today: string, options: ReminderOptions = {}): Promise<Reminders> {
  const horizon = addDays(today, options.days ?? SOON_DAYS);
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 1000);
  const owners = options.owners?.length ? sql`AND lower(d.owner) IN (${sql.join(options.owners.map((o) => o.toLowerCase()))})` : sql.empty;
  const t = sql`CAST(${today} AS DATE)`;
  const items = await executor.query<ReminderItem & { total: number }>(sql`
    WITH due AS (
      SELECT 'task' AS kind, t.id, t.title, t.seller_id, t.owner, t.due_at, t.priority FROM tasks t
      WHERE t.status <> 'done' AND t.due_at IS NOT NULL AND t.due_at <= CAST(${horizon} AS DATE)
      UNION ALL
      SELECT 'follow_up', c.id, c.next_action, c.seller_id, c.owner, c.due_at, NULL FROM communications c
      WHERE c.due_at IS NOT NULL AND c.due_at <= CAST(${horizon} AS DATE) AND ${followUpStateSql(today)} IN ('open', 'overdue')
    )
    SELECT d.kind, d.id, d.title, d.seller_id AS "sellerId", s.name AS "sellerName", d.owner, d.due_at AS "dueAt", d.due_at < ${t} AS overdue,
      greatest(0, date_diff('day', d.due_at, ${t})) AS "daysOverdue", d.priority, count(*) OVER (PARTITION BY d.due_at < ${t}) AS total
    FROM due d LEFT JOIN sellers s ON s.id = d.seller_id
    WHERE true ${owners}
    QUALIFY row_number() OVER (PARTITION BY d.due_at < ${t} ORDER BY d.due_at, d.kind DESC, d.id) <= ${limit}
    ORDER BY d.due_at, d.kind DESC, d.id`);
  const strip = ({ total: _total, ...item }: ReminderItem & { total: number }): ReminderItem => item;
  const overdue = items.filter((i) => i.overdue);
  const dueSoon = items.filter((i) => !i.overdue);
  return {
    today,
    horizon,
    overdue: overdue.map(strip),
    dueSoon: dueSoon.map(strip),
    counts: { overdue: overdue[0]?.total ?? 0, dueSoon: dueSoon[0]?.total ?? 0 },
  };
}

/** The weekly report's action list: what is overdue at the end of the week and due in the week after. */
export function weeklyReportActions(executor: Executor, weekEnd: string): Promise<Reminders> {
  return workspaceReminders(executor, addDays(weekEnd, 1), { days: 7, limit: 25 });
}
