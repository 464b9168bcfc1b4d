/**
 * The tracker sheet: tasks out to a styled .xlsx and back in, so a team can leave its Excel tracker
 * without losing its history. The export writes every field (text cells neutralised against
 * formula injection); the import reads the same columns — found by header name, in any order, with
 * a title or notes above the header row — and is all or nothing: every problem is listed with row,
 * column, value and reason, and nothing loads until there are none. A row whose ID is a task here
 * updates it; any other row becomes a new task keeping its sheet's author, creation and completion
 * times. The rows reach the table as one JSON value in one UPDATE and one INSERT … SELECT.
 */
import ExcelJS from 'exceljs';
import type { Database } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { UserError } from '../shared/errors.ts';
import { getSettings } from '../shared/settings.ts';
import { writeTableWorkbook, type XlsxColumn } from '../shared/xlsx-table.ts';
import type { Actor } from '../auth/actor.ts';
import { writeAudit } from '../auth/audit-log.ts';
import { workspaceToday } from './due-dates.ts';
import { listTasks, type TaskFilter } from './task-query.ts';
import { cleanTaskInput, type TaskInput } from './tasks.ts';
import { STATUS_LABELS, TASK_STATUSES, type TaskStatus } from './workspace-fields.ts';

type Field = 'id' | 'title' | 'seller_id' | 'seller_name' | 'status' | 'owner' | 'due_at' | 'priority' | 'tags' | 'source' | 'source_ref' | 'recurrence' | 'description' | 'completed_at' | 'created_by' | 'created_at';

export const TRACKER_COLUMNS: readonly (XlsxColumn & { key: Field })[] = [
  { key: 'id', header: 'ID', format: 'count', width: 8 },
  { key: 'title', header: 'Title', format: 'text', width: 40 },
  { key: 'seller_id', header: 'Seller ID', format: 'text', width: 14 },
  { key: 'seller_name', header: 'Seller', format: 'text', width: 24 },
  { key: 'status', header: 'Status', format: 'text', width: 18 },
  { key: 'owner', header: 'Owner', format: 'text', width: 18 },
  { key: 'due_at', header: 'Due', format: 'text', width: 12 },
  { key: 'priority', header: 'Priority', format: 'text', width: 10 },
  { key: 'tags', header: 'Tags', format: 'text', width: 20 },
  { key: 'source', header: 'Source', format: 'text', width: 14 },
  { key: 'source_ref', header: 'Source ref', format: 'text', width: 24 },
  { key: 'recurrence', header: 'Recurrence', format: 'text', width: 12 },
  { key: 'description', header: 'Description', format: 'text', width: 40 },
  { key: 'completed_at', header: 'Completed at', format: 'text', width: 22 },
  { key: 'created_by', header: 'Created by', format: 'text', width: 20 },
  { key: 'created_at', header: 'Created at', format: 'text', width: 22 },
];

export async function exportTracker(db: Database, filter: TaskFilter = {}): Promise<Buffer> {
  const today = await workspaceToday(db);
  const { tasks } = await listTasks(db, today, { ...filter, limit: 5000 });
  const { currency } = await getSettings(db);
  return writeTableWorkbook({
    sheetName: 'Tracker',
    title: 'Aisle tracker',
    note: `${tasks.length} tasks exported ${today}. Edit and import back with Workspace → Tasks → Import, or aisle tasks import.`,
    currency,
    columns: [...TRACKER_COLUMNS],
    rows: tasks.map((t) => ({
      id: t.id,
      title: t.title,
      seller_id: t.sellerId,
      seller_name: t.sellerName,
      status: STATUS_LABELS[t.status],
      owner: t.owner,
      due_at: t.dueAt,
      priority: t.priority,
      tags: t.tags.join(', '),
      source: t.source,
      source_ref: t.sourceRef,
      recurrence: t.recurrence,
      description: t.description,
      completed_at: t.completedAt,
      created_by: t.createdBy,
      created_at: t.createdAt,
    })),
  });
}

export interface TrackerProblem {
  row: number;
  column: string;
  value: string;
  message: string;
}

export interface TrackerImportResult {
  rowsRead: number;
  inserted: number;
  updated: number;
  blankRows: number;
}

/** The sheet columns checked one by one, with the task input field each one fills. */
const CHECKED_FIELDS: readonly [Field, keyof TaskInput][] = [
  ['title', 'title'],
  ['owner', 'owner'],
  ['due_at', 'dueAt'],
  ['priority', 'priority'],
  ['tags', 'tags'],
  ['source', 'source'],
  ['source_ref', 'sourceRef'],
  ['recurrence', 'recurrence'],
  ['description', 'description'],
];
const VALID_TASK: TaskInput = { title: 'x' };

const norm = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
const HEADERS = new Map<string, Field>(TRACKER_COLUMNS.map((c) => [norm(c.header), c.key]));
for (const [alias, field] of [['task', 'title'], ['seller', 'seller_name'], ['duedate', 'due_at'], ['assignee', 'owner'], ['notes', 'description'], ['completed', 'completed_at']] as const) {
  HEADERS.set(alias, field);
}
const STATUS_BY_TEXT = new Map<string, TaskStatus>([...TASK_STATUSES.map((s) => [norm(s), s] as const), ...Object.entries(STATUS_LABELS).map(([s, label]) => [norm(label), s as TaskStatus] as const)]);

/** A cell as text: dates as ISO, formulas by their cached result (never evaluated), our own apostrophe guard removed. */
function cellText(cell: ExcelJS.Cell, field: Field): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return field === 'due_at' ? value.toISOString().slice(0, 10) : value.toISOString();
  if (typeof value === 'object') {
    if ('result' in value) return value.result === undefined || value.result === null ? '' : String(value.result instanceof Date ? value.result.toISOString() : value.result);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  const text = String(value);
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

function findHeader(sheet: ExcelJS.Worksheet): { row: number; fields: Map<number, Field> } {
  for (let r = 1; r <= Math.min(10, sheet.rowCount); r++) {
    const fields = new Map<number, Field>();
    sheet.getRow(r).eachCell((cell, col) => {
      const field = HEADERS.get(norm(cellText(cell, 'title')));
      if (field && ![...fields.values()].includes(field)) fields.set(col, field);
    });
    if ([...fields.values()].includes('title')) return { row: r, fields };
  }
  throw new UserError('no header row with a "Title" column in the first 10 rows', { hint: 'export a tracker from Aisle to see the expected columns' });
}

function instant(text: string, column: string, row: number, problems: TrackerProblem[]): string | null {
  if (!text) return null;
  const d = new Date(text);
  if (Number.isNaN(d.getTime())) {
    problems.push({ row, column, value: text, message: 'not a date and time' });
    return null;
  }
  return d.toISOString();
}

export async function importTracker(db: Database, actor: Actor, file: Buffer, options: { fileName?: string } = {}): Promise<TrackerImportResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch (cause) {
    throw new UserError('this file is not an .xlsx workbook', { cause, hint: 'save the tracker as Excel Workbook (.xlsx)' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UserError('the workbook has no sheet');
  const header = findHeader(sheet);
  const problems: TrackerProblem[] = [];
  const rows: Record<string, unknown>[] = [];
  let blankRows = 0;
  for (let r = header.row + 1; r <= sheet.rowCount; r++) {
    const raw: Partial<Record<Field, string>> = {};
    const excelRow = sheet.getRow(r);
    for (const [col, field] of header.fields) raw[field] = cellText(excelRow.getCell(col), field).trim();
    if (Object.values(raw).every((v) => !v)) {
      blankRows++;
      continue;
    }
    const headerOf = (field: Field) => TRACKER_COLUMNS.find((c) => c.key === field)?.header ?? field;
    const status = raw.status ? STATUS_BY_TEXT.get(norm(raw.status)) : 'todo';
    if (!status) problems.push({ row: r, column: headerOf('status'), value: raw.status ?? '', message: `not a status (${Object.values(STATUS_LABELS).join(', ')})` });
    const id = raw.id ? Number(raw.id) : null;
    if (raw.id && (!Number.isSafeInteger(id) || (id ?? 0) <= 0)) problems.push({ row: r, column: 'ID', value: raw.id, message: 'not a task id' });
    const input: TaskInput = {
      title: raw.title,
      status: status ?? 'todo',
      owner: raw.owner,
      dueAt: raw.due_at,
      priority: (raw.priority?.toLowerCase() || 'normal') as never,
      tags: (raw.tags ?? '').split(/[,;]/),
      source: (raw.source?.toLowerCase() || 'manual') as never,
      sourceRef: raw.source_ref,
      recurrence: (raw.recurrence?.toLowerCase() || null) as never,
      description: raw.description,
    };
    // Each field on its own, so a row with two bad cells lists both.
    const fieldsOk = CHECKED_FIELDS.map(([field, key]) => {
      try {
        cleanTaskInput({ ...VALID_TASK, [key]: input[key] });
        return true;
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        problems.push({ row: r, column: headerOf(field), value: raw[field] ?? '', message: error.message });
        return false;
      }
    });
    if (!fieldsOk.every(Boolean) || !status) continue;
    const v = cleanTaskInput(input);
    rows.push({
      id: problems.some((p) => p.row === r) ? null : id,
      row: r,
      ...v,
      seller_id: raw.seller_id || null,
      completed_at: v.status === 'done' ? instant(raw.completed_at ?? '', 'Completed at', r, problems) : null,
      created_by: raw.created_by || null,
      created_at: instant(raw.created_at ?? '', 'Created at', r, problems),
    });
  }
  const json = JSON.stringify(rows.map(({ dueAt, sourceRef, ...r }) => ({ ...r, due_at: dueAt, source_ref: sourceRef })));
  const unknownSellers = await db.query<{ seller_id: string; row: number }>(sql`
    SELECT r.seller_id, r.row FROM (SELECT unnest(from_json(CAST(${json} AS JSON), '[{"row":"INTEGER","seller_id":"VARCHAR"}]')) AS r)
    WHERE r.seller_id IS NOT NULL AND r.seller_id NOT IN (SELECT id FROM sellers) ORDER BY r.row`);
  for (const u of unknownSellers) problems.push({ row: u.row, column: 'Seller ID', value: u.seller_id, message: 'no seller with this id' });
  if (problems.length) {
    problems.sort((a, b) => a.row - b.row);
    const first = problems[0];
    throw new UserError(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the tracker${first ? ` (first: row ${first.row}, ${first.column} "${first.value}": ${first.message})` : ''}; nothing was imported`, {
      details: { errors: problems },
      hint: 'fix the listed cells and import again',
    });
  }
  const schema = '[{"id":"BIGINT","row":"INTEGER","title":"VARCHAR","status":"VARCHAR","owner":"VARCHAR","due_at":"DATE","priority":"VARCHAR","tags":["VARCHAR"],"source":"VARCHAR","source_ref":"VARCHAR","recurrence":"VARCHAR","description":"VARCHAR","seller_id":"VARCHAR","completed_at":"TIMESTAMPTZ","created_by":"VARCHAR","created_at":"TIMESTAMPTZ"}]';
  const src = sql`(SELECT r.* FROM (SELECT unnest(from_json(CAST(${json} AS JSON), ${schema})) AS r))`;
  return db.transaction(async (tx) => {
    const updatedIds = await tx.query<{ id: number }>(sql`
      UPDATE tasks SET title = src.title, seller_id = src.seller_id, status = src.status, owner = src.owner, due_at = src.due_at,
        priority = src.priority, tags = src.tags, source = src.source, source_ref = src.source_ref, recurrence = src.recurrence,
        description = src.description,
        completed_at = CASE WHEN src.status = 'done' THEN coalesce(src.completed_at, tasks.completed_at, now()) END, updated_at = now()
      FROM ${src} src WHERE tasks.id = src.id
      RETURNING tasks.id`);
    const insertedIds = await tx.query<{ id: number }>(sql`
      INSERT INTO tasks (title, seller_id, status, owner, due_at, priority, tags, source, source_ref, recurrence, description, completed_at, created_by, created_at)
      SELECT title, seller_id, status, owner, due_at, priority, tags, source, source_ref, recurrence, description,
        CASE WHEN status = 'done' THEN coalesce(completed_at, now()) END, coalesce(created_by, ${actor.label}), coalesce(created_at, now())
      FROM ${src} src WHERE src.id IS NULL OR src.id NOT IN (SELECT id FROM tasks)
      ORDER BY src.row
      RETURNING id`);
    const result: TrackerImportResult = { rowsRead: rows.length + blankRows, inserted: insertedIds.length, updated: updatedIds.length, blankRows };
    await writeAudit(tx, actor, {
      action: 'import',
      entity: 'task',
      after: { file: options.fileName ?? null, ...result, insertedIds: insertedIds.map((r) => r.id), updatedIds: updatedIds.map((r) => r.id) },
    });
    return result;
  });
}
