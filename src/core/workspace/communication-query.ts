/**
 * Reading communications: one, a seller's timeline or the team-wide log (channel, direction,
 * owner, dates in the workspace time zone, words, follow-up state), each with its follow-up state:
 * `none` (no next action), `tasked` (a task follows it up), `closed` (a later contact with the
 * seller was logged), `overdue` (due date passed), else `open`. Also a seller's figures for the
 * seller map: last contact, overdue follow-ups (communications and tasks) and open tasks.
 */
import type { Executor } from '../db/database.ts';
import { sql, type Sql } from '../db/sql.ts';
import { UserError } from '../shared/errors.ts';
import { likePattern, type Channel, type Direction } from './workspace-fields.ts';

export type FollowUpState = 'none' | 'open' | 'overdue' | 'closed' | 'tasked';

export interface Communication {
  id: number;
  sellerId: string;
  sellerName: string | null;
  at: string;
  channel: Channel;
  direction: Direction;
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

export interface CommunicationFilter {
  sellerId?: string;
  channel?: Channel;
  direction?: Direction;
  owner?: string;
  /** Local dates in the workspace time zone, inclusive. */
  from?: string;
  to?: string;
  followUp?: FollowUpState;
  q?: string;
  limit?: number;
  offset?: number;
}

const followUpTask = sql`(SELECT min(t.id) FROM tasks t WHERE t.source = 'communication' AND t.source_ref = CAST(c.id AS VARCHAR))`;
const laterContact = sql`EXISTS (SELECT 1 FROM communications l WHERE l.seller_id = c.seller_id AND l."at" > c."at")`;

/** The follow-up state of communication `c` in SQL. */
export function followUpStateSql(today: string): Sql {
  return sql`CASE WHEN c.next_action IS NULL THEN 'none' WHEN ${followUpTask} IS NOT NULL THEN 'tasked' WHEN ${laterContact} THEN 'closed'
    WHEN c.due_at < CAST(${today} AS DATE) THEN 'overdue' ELSE 'open' END`;
}

const columns = (today: string) => sql`c.id, c.seller_id AS "sellerId", s.name AS "sellerName", c."at", c.channel, c.direction, c.participants,
  c.subject, c.summary, c.outcome, c.next_action AS "nextAction", c.due_at AS "dueAt", c.owner, c.created_by AS "createdBy",
  c.created_at AS "createdAt", c.updated_at AS "updatedAt", ${followUpStateSql(today)} AS "followUp", ${followUpTask} AS "followUpTaskId"`;

async function timezoneOf(executor: Executor): Promise<string> {
  const [row] = await executor.query<{ value: string }>(sql`SELECT value FROM settings WHERE key = 'timezone'`);
  return row?.value ?? 'UTC';
}

export async function listCommunications(executor: Executor, today: string, filter: CommunicationFilter = {}): Promise<{ communications: Communication[]; total: number }> {
  const where: Sql[] = [];
  if (filter.sellerId) where.push(sql`c.seller_id = ${filter.sellerId}`);
  if (filter.channel) where.push(sql`c.channel = ${filter.channel}`);
  if (filter.direction) where.push(sql`c.direction = ${filter.direction}`);
  if (filter.owner) where.push(sql`lower(c.owner) = ${filter.owner.toLowerCase()}`);
  if (filter.from || filter.to) {
    const local = executor.dialect.localDate(sql`c."at"`, sql`${await timezoneOf(executor)}`);
    if (filter.from) where.push(sql`${local} >= CAST(${filter.from} AS DATE)`);
    if (filter.to) where.push(sql`${local} <= CAST(${filter.to} AS DATE)`);
  }
  if (filter.followUp) where.push(sql`${followUpStateSql(today)} = ${filter.followUp}`);
  for (const word of (filter.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
    where.push(sql`concat_ws(' ', c.subject, c.summary, c.outcome, c.next_action, c.participants, c.owner, s.name, c.seller_id) ILIKE ${likePattern(word)} ESCAPE '\\'`);
  }
  const whereSql = where.length ? sql`WHERE ${sql.join(where, ' AND ')}` : sql.empty;
  const limit = Math.min(Math.max(filter.limit ?? 100, 1), 5000);
  const communications = await executor.query<Communication>(sql`
    SELECT ${columns(today)} FROM communications c LEFT JOIN sellers s ON s.id = c.seller_id ${whereSql}
    ORDER BY c."at" DESC, c.id DESC ${executor.dialect.limit(limit, filter.offset ?? 0)}`);
  const [count] = await executor.query<{ n: number }>(sql`SELECT count(*) AS n FROM communications c LEFT JOIN sellers s ON s.id = c.seller_id ${whereSql}`);
  return { communications, total: count?.n ?? 0 };
}

export async function getCommunication(executor: Executor, id: number, today: string): Promise<Communication> {
  const [row] = await executor.query<Communication>(sql`SELECT ${columns(today)} FROM communications c LEFT JOIN sellers s ON s.id = c.seller_id WHERE c.id = ${id}`);
  if (!row) throw new UserError(`no communication with id ${id}`, { code: 'not_found', hint: 'list them with `aisle comms list`' });
  return row;
}

export interface SellerFollowUp {
  lastContactAt: string | null;
  /** Local date of the last contact in the workspace time zone. */
  lastContactDate: string | null;
  daysSinceContact: number | null;
  overdueFollowUps: number;
  openTasks: number;
}

/** Overdue follow-ups per seller: communications whose next action is overdue plus overdue open tasks. */
export function overdueFollowUpsBySellerSql(today: string): Sql {
  return sql`SELECT seller_id, count(*) AS overdue FROM (
      SELECT c.seller_id FROM communications c WHERE ${followUpStateSql(today)} = 'overdue'
      UNION ALL
      SELECT t.seller_id FROM tasks t WHERE t.seller_id IS NOT NULL AND t.status <> 'done' AND t.due_at < CAST(${today} AS DATE)
    ) GROUP BY seller_id`;
}

export async function sellerFollowUp(executor: Executor, sellerId: string, today: string): Promise<SellerFollowUp> {
  const local = executor.dialect.localDate(sql`max(c."at")`, sql`${await timezoneOf(executor)}`);
  const [row] = await executor.query<SellerFollowUp>(sql`
    SELECT (SELECT max(c."at") FROM communications c WHERE c.seller_id = ${sellerId}) AS "lastContactAt",
      (SELECT ${local} FROM communications c WHERE c.seller_id = ${sellerId}) AS "lastContactDate",
      (SELECT date_diff('day', ${local}, CAST(${today} AS DATE)) FROM communications c WHERE c.seller_id = ${sellerId}) AS "daysSinceContact",
      coalesce((SELECT overdue FROM (${overdueFollowUpsBySellerSql(today)}) o WHERE o.seller_id = ${sellerId}), 0) AS "overdueFollowUps",
      (SELECT count(*) FROM tasks t WHERE t.seller_id = ${sellerId} AND t.status <> 'done') AS "openTasks"`);
  return row ?? { lastContactAt: null, lastContactDate: null, daysSinceContact: null, overdueFollowUps: 0, openTasks: 0 };
}
