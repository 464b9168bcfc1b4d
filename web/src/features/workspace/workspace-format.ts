// Words and colours for the workspace's values: channels, statuses, due states, follow-ups.
import type { DueState, FollowUpState, TaskStatus } from './workspace-api';

export const CHANNEL_LABELS: Record<string, string> = {
  call: 'Call',
  meeting: 'Meeting',
  email: 'E-mail',
  chat: 'Chat app',
  on_site: 'On site',
};
export const STATUS_LABELS: Record<TaskStatus, string> = {
  todo: 'To do',
  doing: 'Doing',
  waiting: 'Waiting on seller',
  done: 'Done',
};
export const STATUSES: TaskStatus[] = ['todo', 'doing', 'waiting', 'done'];
export const PRIORITY_COLORS: Record<string, string> = {
  urgent: 'red',
  high: 'orange',
  normal: 'gray',
  low: 'gray',
};

export function channelLabel(channel: string): string {
  return CHANNEL_LABELS[channel] ?? channel;
}

/** Days between two ISO dates (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function dueText(dueAt: string | null, state: DueState, today: string): string {
  if (!dueAt) return 'No due date';
  if (state === 'overdue') {
    const late = daysBetween(dueAt, today);
    return `Overdue ${late} day${late === 1 ? '' : 's'}`;
  }
  if (state === 'today') return 'Due today';
  const ahead = daysBetween(today, dueAt);
  if (state === 'done') return `Was due ${dueAt}`;
  return ahead === 1 ? 'Due tomorrow' : `Due ${dueAt}`;
}

export const DUE_COLORS: Record<DueState, string> = {
  overdue: 'red',
  today: 'orange',
  soon: 'yellow',
  later: 'gray',
  none: 'gray',
  done: 'teal',
};

export const FOLLOW_UP_LABELS: Record<FollowUpState, string> = {
  none: 'No next action',
  open: 'Follow-up open',
  overdue: 'Follow-up overdue',
  closed: 'Closed by a later contact',
  tasked: 'Followed up by a task',
};
export const FOLLOW_UP_COLORS: Record<FollowUpState, string> = {
  none: 'gray',
  open: 'blue',
  overdue: 'red',
  closed: 'teal',
  tasked: 'grape',
};
