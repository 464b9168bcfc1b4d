/**
 * The values and checks shared by communications, tasks and notes: the allowed channels, statuses,
 * priorities, sources and recurrences (the same lists the tables' CHECK constraints hold), and the
 * cleaning of free text, due dates, tags and seller ids — so the API, the CLI, the tracker import
 * and the quick-entry modals refuse the same input with the same message.
 */
import type { Executor } from '../db/database.ts';
import { sql, type Sql } from '../db/sql.ts';
import { isIsoDate } from '../shared/dates.ts';
import { UserError } from '../shared/errors.ts';

export const CHANNELS = ['call', 'meeting', 'email', 'chat', 'on_site'] as const;
export type Channel = (typeof CHANNELS)[number];
export const DIRECTIONS = ['inbound', 'outbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const TASK_STATUSES = ['todo', 'doing', 'waiting', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const TASK_SOURCES = ['manual', 'opportunity', 'alert', 'review', 'communication'] as const;
export type TaskSource = (typeof TASK_SOURCES)[number];
export const RECURRENCES = ['weekly', 'monthly'] as const;
export type Recurrence = (typeof RECURRENCES)[number];

export const STATUS_LABELS: Record<TaskStatus, string> = { todo: 'To do', doing: 'Doing', waiting: 'Waiting on seller', done: 'Done' };

/** How a field is named in a message for people; `details.field` keeps the API name. */
const FIELD_NAMES: Record<string, string> = { dueAt: 'the due date', sourceRef: 'the source reference', nextAction: 'the next action', sellerId: 'the seller' };
const named = (field: string) => FIELD_NAMES[field] ?? field;

export function oneOf<T extends string>(values: readonly T[], value: unknown, field: string): T {
  if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
  throw new UserError(`${field} must be one of ${values.join(', ')}, got "${String(value)}"`, { details: { field, value } });
}

/** Trimmed text or null when blank; refuses text longer than `max`. */
export function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  const v = value?.trim() ?? '';
  if (v.length > max) throw new UserError(`${named(field)} is longer than ${max} characters`, { details: { field }, hint: 'shorten it' });
  return v || null;
}

export function requiredText(value: string | null | undefined, field: string, max: number, example: string): string {
  const v = optionalText(value, field, max);
  if (!v) throw new UserError(`${named(field)} is required`, { details: { field }, hint: `e.g. "${example}"` });
  return v;
}

/** A due date `YYYY-MM-DD` or null. Past dates are allowed here (imports carry history). */
export function optionalDate(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const v = value.trim();
  if (!isIsoDate(v)) throw new UserError(`${named(field)} must be a date YYYY-MM-DD, got "${v}"`, { details: { field, value: v } });
  return v;
}

export function cleanTags(tags: readonly string[] | null | undefined): string[] {
  const cleaned = [...new Set((tags ?? []).map((t) => t.trim().toLowerCase().replace(/\s+/g, '-')).filter(Boolean))];
  if (cleaned.some((t) => t.length > 40)) throw new UserError('a tag is longer than 40 characters', { details: { field: 'tags' } });
  if (cleaned.length > 20) throw new UserError('at most 20 tags', { details: { field: 'tags' } });
  return cleaned;
}

// DuckDB binds a JS array as no known type, so tags travel as a JSON text and become a list in SQL.
export const tagListSql = (tags: readonly string[]): Sql => sql`CAST(json(${JSON.stringify(tags)}) AS VARCHAR[])`;

export async function checkSeller(executor: Executor, sellerId: string | null | undefined): Promise<string | null> {
  const id = sellerId?.trim();
  if (!id) return null;
  const [row] = await executor.query(sql`SELECT 1 AS ok FROM sellers WHERE id = ${id}`);
  if (!row) throw new UserError(`no seller with id ${id}`, { details: { field: 'sellerId', value: id }, hint: 'check the id in the Sellers list' });
  return id;
}

/** LIKE pattern for a word, with the wildcards in it taken literally (use with ESCAPE '\'). */
export function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
