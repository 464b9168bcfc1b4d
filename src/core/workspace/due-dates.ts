/**
 * When follow-up work is due, counted in the workspace time zone: a task due on the 10th is overdue
 * from the first minute of the 11th *there*, not in UTC or on the server's clock (at 23:30 UTC on
 * the 10th it is already the 11th in Jakarta and still the 10th in Los Angeles). Every list, badge,
 * reminder and report takes "today" from `workspaceToday`, and SQL compares dates against it as a
 * bound DATE — never `current_date`, which is the database session's idea of today.
 */
import type { Executor } from '../db/database.ts';
import { sql, type Sql } from '../db/sql.ts';
import { addDays, todayIn } from '../shared/dates.ts';
import { getSettings } from '../shared/settings.ts';

export type DueState = 'none' | 'overdue' | 'today' | 'soon' | 'later' | 'done';

/** Days ahead that count as "due soon" on the Overview and in reminders. */
export const SOON_DAYS = 7;

export async function workspaceToday(executor: Executor, now: Date = new Date()): Promise<string> {
  return todayIn((await getSettings(executor)).timezone, now);
}

export function dueState(dueAt: string | null, done: boolean, today: string): DueState {
  if (done) return 'done';
  if (!dueAt) return 'none';
  if (dueAt < today) return 'overdue';
  if (dueAt === today) return 'today';
  return dueAt <= addDays(today, SOON_DAYS) ? 'soon' : 'later';
}

/** The same classification in SQL, for filters and counts. */
export function dueStateSql(dueAt: Sql, done: Sql, today: string): Sql {
  const t = sql`CAST(${today} AS DATE)`;
  return sql`CASE WHEN ${done} THEN 'done' WHEN ${dueAt} IS NULL THEN 'none' WHEN ${dueAt} < ${t} THEN 'overdue'
    WHEN ${dueAt} = ${t} THEN 'today' WHEN ${dueAt} <= ${t} + ${SOON_DAYS} * INTERVAL 1 DAY THEN 'soon' ELSE 'later' END`;
}

/**
 * The next due date of a recurring task completed `today`: the first date one period after the
 * old due date (a whole number of periods later) that is not in the past — a weekly check three
 * weeks overdue comes back this week, not three times. Without a due date: one period from today.
 */
export function nextDueSql(dueAt: Sql, recurrence: Sql, today: string): Sql {
  const t = sql`CAST(${today} AS DATE)`;
  return sql`CAST(CASE
    WHEN ${dueAt} IS NULL THEN CASE ${recurrence} WHEN 'monthly' THEN ${t} + INTERVAL 1 MONTH ELSE ${t} + INTERVAL 7 DAY END
    WHEN ${recurrence} = 'monthly' THEN ${dueAt} + to_months(CAST(greatest(1, date_diff('month', ${dueAt}, ${t})
      + CASE WHEN ${dueAt} + to_months(CAST(date_diff('month', ${dueAt}, ${t}) AS INTEGER)) < ${t} THEN 1 ELSE 0 END) AS INTEGER))
    ELSE ${dueAt} + to_days(CAST(7 * greatest(1, CAST(ceil(date_diff('day', ${dueAt}, ${t}) / 7.0) AS INTEGER)) AS INTEGER))
  END AS DATE)`;
}
