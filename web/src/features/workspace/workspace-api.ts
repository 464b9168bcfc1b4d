// `/api/communications`, `/api/tasks`, `/api/workspace/search`: the workspace's follow-up work.
// Everyone reads; analysts and up write. Dates and due states come finished from the server
// (counted in the workspace time zone), so the page only formats them.
import { ApiError, apiDelete, apiGet, apiSend, readErrorBody, withQuery } from '../../ui/api';

export type TaskStatus = 'todo' | 'doing' | 'waiting' | 'done';
export type DueState = 'none' | 'overdue' | 'today' | 'soon' | 'later' | 'done';
export type FollowUpState = 'none' | 'open' | 'overdue' | 'closed' | 'tasked';
export type TaskSource = 'manual' | 'opportunity' | 'alert' | 'review' | 'communication';

export interface Communication {
  id: number;
  sellerId: string;
  sellerName: string | null;
  at: string;
  channel: string;
  direction: 'inbound' | 'outbound';
  participants: string | null;
  subject: string;
  summary: string | null;
  outcome: string | null;
  nextAction: string | null;
  dueAt: string | null;
  owner: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  followUp: FollowUpState;
  followUpTaskId: number | null;
}

export interface Task {
  id: number;
  title: string;
  sellerId: string | null;
  sellerName: string | null;
  status: TaskStatus;
  owner: string | null;
  dueAt: string | null;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  tags: string[];
  source: TaskSource;
  sourceRef: string | null;
  recurrence: 'weekly' | 'monthly' | null;
  description: string | null;
  completedAt: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  dueState: DueState;
}

export interface WorkspaceOptions {
  owners: string[];
  tags: string[];
  statuses: { value: TaskStatus; label: string }[];
  priorities: string[];
  sources: string[];
  recurrences: string[];
  channels: string[];
  directions: string[];
  me: { names: string[]; displayName: string };
  today: string;
}

export interface ReminderItem {
  kind: 'task' | 'follow_up';
  id: number;
  title: string;
  sellerId: string | null;
  sellerName: string | null;
  owner: string | null;
  dueAt: string;
  overdue: boolean;
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

export interface SellerFollowUp {
  lastContactAt: string | null;
  lastContactDate: string | null;
  daysSinceContact: number | null;
  overdueFollowUps: number;
  openTasks: number;
  today: string;
}

export interface SearchHit {
  kind: 'note' | 'communication' | 'task';
  id: number;
  title: string;
  snippet: string;
  sellerId: string | null;
  sellerName: string | null;
  at: string;
  detail: string | null;
}

export interface CommunicationFilter {
  sellerId?: string;
  channel?: string;
  owner?: string;
  followUp?: string;
  q?: string;
  limit?: number;
}

export interface TaskFilter {
  status?: string;
  /** Done tasks only when completed on or after this date. */
  doneSince?: string;
  mine?: boolean;
  sellerId?: string;
  q?: string;
  limit?: number;
}

export interface CommunicationDraft {
  sellerId: string;
  channel: string;
  direction: 'inbound' | 'outbound';
  subject: string;
  participants?: string | null;
  summary?: string | null;
  outcome?: string | null;
  nextAction?: string | null;
  dueAt?: string | null;
  owner?: string | null;
  at?: string;
}

export interface TaskDraft {
  title?: string;
  sellerId?: string | null;
  status?: TaskStatus;
  owner?: string | null;
  dueAt?: string | null;
  priority?: string;
  tags?: string[];
  source?: TaskSource;
  sourceRef?: string | null;
  recurrence?: string | null;
  description?: string | null;
}

export interface BulkEdit {
  status?: TaskStatus;
  owner?: string | null;
  priority?: string;
  dueAt?: string | null;
  addTags?: string[];
}

const taskQuery = (f: TaskFilter) => ({
  status: f.status,
  doneSince: f.doneSince,
  mine: f.mine ? 'true' : undefined,
  sellerId: f.sellerId,
  q: f.q,
  limit: f.limit,
});

export function fetchCommunications(filter: CommunicationFilter, signal?: AbortSignal) {
  return apiGet<{ communications: Communication[]; total: number; today: string }>(
    withQuery('/api/communications', { ...filter }),
    signal,
  );
}

export function fetchSellerFollowUp(sellerId: string, signal?: AbortSignal) {
  return apiGet<SellerFollowUp>(withQuery('/api/communications/follow-up', { sellerId }), signal);
}

export async function logCommunication(draft: CommunicationDraft): Promise<Communication> {
  return (await apiSend<{ communication: Communication }>('POST', '/api/communications', draft))
    .communication;
}

export function deleteCommunication(id: number): Promise<void> {
  return apiDelete(`/api/communications/${id}`);
}

export function fetchTasks(filter: TaskFilter, signal?: AbortSignal) {
  return apiGet<{ tasks: Task[]; total: number; today: string }>(
    withQuery('/api/tasks', taskQuery(filter)),
    signal,
  );
}

export function taskExportUrl(filter: TaskFilter): string {
  return withQuery('/api/tasks/export', { ...taskQuery(filter), limit: undefined });
}

export function fetchWorkspaceOptions(signal?: AbortSignal) {
  return apiGet<WorkspaceOptions>('/api/tasks/options', signal);
}

export function fetchReminders(mine: boolean, signal?: AbortSignal) {
  return apiGet<Reminders>(withQuery('/api/tasks/reminders', { mine: mine ? 'true' : undefined }), signal);
}

export function createTask(draft: TaskDraft) {
  return apiSend<{ task: Task; next: Task | null }>('POST', '/api/tasks', draft);
}

export function updateTask(id: number, draft: TaskDraft) {
  return apiSend<{ task: Task; next: Task | null }>('PATCH', `/api/tasks/${id}`, draft);
}

export function deleteTask(id: number): Promise<void> {
  return apiDelete(`/api/tasks/${id}`);
}

export function bulkEditTasks(ids: number[], edit: BulkEdit) {
  return apiSend<{ updated: number; nextOccurrences: number[] }>('POST', '/api/tasks/bulk', { ids, edit });
}

export interface TrackerProblem {
  row: number;
  column: string;
  value: string;
  message: string;
}

export class TrackerImportError extends ApiError {
  constructor(
    error: ApiError,
    readonly problems: TrackerProblem[],
  ) {
    super(error.message, error.status, error.hint, error.path, error.code);
  }
}

/** Uploads a tracker sheet; a refused sheet comes back with every problem listed. */
export async function importTracker(
  file: File,
): Promise<{ rowsRead: number; inserted: number; updated: number; blankRows: number }> {
  const body = new FormData();
  body.append('file', file);
  const path = '/api/tasks/import';
  const response = await fetch(path, {
    method: 'POST',
    body,
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  });
  const parsed: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const { message, hint, code } = readErrorBody(parsed);
    const error = new ApiError(
      message ?? `The server answered ${response.status}`,
      response.status,
      hint,
      path,
      code,
    );
    const details = (parsed as { error?: { details?: { errors?: TrackerProblem[] } } } | null)?.error?.details
      ?.errors;
    throw new TrackerImportError(error, details ?? []);
  }
  return parsed as { rowsRead: number; inserted: number; updated: number; blankRows: number };
}

export function searchWorkspace(q: string, signal?: AbortSignal) {
  return apiGet<{ hits: SearchHit[] }>(withQuery('/api/workspace/search', { q }), signal);
}
