/**
 * Acting on an opportunity: "create task" writes a task (source 'opportunity', source_ref
 * 'rule:subject') and "log contact" a communication with the seller, both audited in the same
 * transaction. Logging a contact re-evaluates the rules that depend on contacts, so a top-tier
 * seller just called drops off the list at once. The workspace issue builds the full task and
 * communication pages; these write the same tables with the same checks.
 */
import type { Database, Executor } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { isIsoDate, todayIn } from '../../shared/dates.ts';
import { UserError } from '../../shared/errors.ts';
import { getSettings } from '../../shared/settings.ts';
import type { Actor } from '../../auth/actor.ts';
import { writeAudit } from '../../auth/audit-log.ts';
import { reevaluateContactRules } from './evaluate-opportunities.ts';
import { serialized } from '../segments/recompute.ts';
import { getOpportunity, type Opportunity } from './opportunity-list.ts';
import type { OpportunityRef } from './opportunity-decisions.ts';

export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];
export const CONTACT_CHANNELS = ['call', 'meeting', 'email', 'chat', 'on_site'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export const CONTACT_DIRECTIONS = ['inbound', 'outbound'] as const;
export type ContactDirection = (typeof CONTACT_DIRECTIONS)[number];

export interface TaskInput {
  title?: string;
  description?: string;
  dueAt?: string | null;
  priority?: TaskPriority;
  owner?: string | null;
}

export interface CreatedTask {
  id: number;
  title: string;
  sellerId: string | null;
  owner: string | null;
  dueAt: string | null;
  priority: TaskPriority;
  sourceRef: string;
}

export interface ContactInput {
  channel: ContactChannel;
  direction?: ContactDirection;
  subject: string;
  summary?: string;
  outcome?: string;
  nextAction?: string;
  dueAt?: string | null;
  /** When it happened (ISO instant); default now. */
  at?: string;
}

export interface LoggedContact {
  id: number;
  sellerId: string;
  at: string;
  channel: ContactChannel;
  subject: string;
}

function text(value: string | undefined | null, field: string, max: number): string | null {
  const v = value?.trim() ?? '';
  if (v.length > max) throw new UserError(`${field} is longer than ${max} characters`, { details: { field } });
  return v || null;
}

function dueDate(value: string | null | undefined, today: string): string | null {
  if (!value) return null;
  if (!isIsoDate(value)) throw new UserError(`due date must be a date YYYY-MM-DD, got "${value}"`, { details: { field: 'dueAt' } });
  if (value < today) throw new UserError(`due date ${value} is in the past`, { details: { field: 'dueAt' }, hint: `pick ${today} or later` });
  return value;
}

/** The seller's owner (display name), else its account manager from the export. */
async function defaultOwner(executor: Executor, sellerId: string | null): Promise<string | null> {
  if (!sellerId) return null;
  const [row] = await executor.query<{ owner: string | null }>(sql`
    SELECT coalesce(u.display_name, s.account_manager) AS owner FROM sellers s LEFT JOIN users u ON u.id = s.owner_user_id WHERE s.id = ${sellerId}`);
  return row?.owner ?? null;
}

function defaultTitle(o: Opportunity): string {
  const who = o.sellerName ?? o.subcategoryName ?? o.subject;
  return `${who} — ${o.title}`.slice(0, 200);
}

export async function createTaskFromOpportunity(db: Database, actor: Actor, ref: OpportunityRef, input: TaskInput = {}): Promise<CreatedTask> {
  const today = todayIn((await getSettings(db)).timezone);
  const due = dueDate(input.dueAt, today);
  const priority = input.priority ?? 'normal';
  if (!TASK_PRIORITIES.includes(priority)) throw new UserError(`priority must be one of ${TASK_PRIORITIES.join(', ')}`, { details: { field: 'priority' } });
  return db.transaction(async (tx) => {
    const o = await getOpportunity(tx, ref.rule, ref.subject, today);
    if (o.openTaskId !== null) {
      throw new UserError(`task #${o.openTaskId} is already open for this opportunity`, { code: 'conflict', hint: 'open it in the Workspace, or finish it before creating another' });
    }
    const title = text(input.title, 'title', 200) ?? defaultTitle(o);
    const description = text(input.description, 'description', 5000) ?? `${o.reason}\n\n(from the opportunity "${o.title}")`;
    const owner = input.owner === undefined ? await defaultOwner(tx, o.sellerId) : text(input.owner, 'owner', 200);
    const [row] = await tx.query<{ id: number }>(sql`
      INSERT INTO tasks (title, seller_id, status, owner, due_at, priority, tags, source, source_ref, description, created_by)
      VALUES (${title}, ${o.sellerId}, 'todo', ${owner}, CAST(${due} AS DATE), ${priority}, ['opportunity', ${o.rule}], 'opportunity', ${o.key}, ${description}, ${actor.label})
      RETURNING id`);
    if (!row) throw new Error('insert returned no row');
    const task: CreatedTask = { id: row.id, title, sellerId: o.sellerId, owner, dueAt: due, priority, sourceRef: o.key };
    await writeAudit(tx, actor, { action: 'create', entity: 'task', entityId: row.id, after: task });
    return task;
  });
}

export async function logContactFromOpportunity(db: Database, actor: Actor, ref: OpportunityRef, input: ContactInput): Promise<LoggedContact> {
  const today = todayIn((await getSettings(db)).timezone);
  if (!CONTACT_CHANNELS.includes(input.channel)) throw new UserError(`channel must be one of ${CONTACT_CHANNELS.join(', ')}`, { details: { field: 'channel' } });
  const direction = input.direction ?? 'outbound';
  if (!CONTACT_DIRECTIONS.includes(direction)) throw new UserError(`direction must be inbound or outbound`, { details: { field: 'direction' } });
  const subject = text(input.subject, 'subject', 200);
  if (!subject) throw new UserError('a contact needs a subject', { details: { field: 'subject' }, hint: 'e.g. "Live selling pitch"' });
  const nextAction = text(input.nextAction, 'nextAction', 500);
  const due = dueDate(input.dueAt, today);
  if (due && !nextAction) throw new UserError('a due date needs a next action', { details: { field: 'nextAction' }, hint: 'say what happens by that date' });
  const at = input.at ? new Date(input.at) : new Date();
  if (Number.isNaN(at.getTime())) throw new UserError(`"${input.at}" is not a date and time`, { details: { field: 'at' } });
  if (at.getTime() > Date.now() + 5 * 60_000) throw new UserError('a contact cannot be logged in the future', { details: { field: 'at' } });
  // After any running seller-map recompute: both rewrite the contact rules' opportunities.
  return serialized(db, () => db.transaction(async (tx) => {
    const o = await getOpportunity(tx, ref.rule, ref.subject, today);
    if (!o.sellerId) throw new UserError('this opportunity is about a subcategory, not a seller', { code: 'refused', hint: 'log the contact from a seller opportunity or the seller page' });
    const [row] = await tx.query<{ id: number; at: string }>(sql`
      INSERT INTO communications (seller_id, "at", channel, direction, subject, summary, outcome, next_action, due_at, owner, created_by)
      VALUES (${o.sellerId}, ${at}, ${input.channel}, ${direction}, ${subject}, ${text(input.summary, 'summary', 5000)}, ${text(input.outcome, 'outcome', 500)},
        ${nextAction}, CAST(${due} AS DATE), ${await defaultOwner(tx, o.sellerId)}, ${actor.label})
      RETURNING id, "at"`);
    if (!row) throw new Error('insert returned no row');
    const contact: LoggedContact = { id: row.id, sellerId: o.sellerId, at: row.at, channel: input.channel, subject };
    await writeAudit(tx, actor, { action: 'create', entity: 'communication', entityId: row.id, after: { ...contact, opportunity: o.key } });
    await reevaluateContactRules(tx);
    return contact;
  }));
}
