/**
 * Communication records: every call, meeting, e-mail, chat or visit with a seller — when, which
 * way, who took part, the subject, what was said and agreed, and the next action with its due date
 * and owner. A next action is a follow-up; it is closed by the next contact logged with the seller
 * or by turning it into a task (which then carries it, see tasks.ts), and overdue when neither
 * happened by its due date in the workspace time zone. Logging a contact re-evaluates the
 * opportunity rules that count days since the last contact, so a seller just called drops off.
 */
import type { Database } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { UserError } from '../shared/errors.ts';
import { getSettings } from '../shared/settings.ts';
import { todayIn } from '../shared/dates.ts';
import type { Actor } from '../auth/actor.ts';
import { writeAudit } from '../auth/audit-log.ts';
import { reevaluateContactRules } from '../sellers/opportunities/evaluate-opportunities.ts';
import { serialized } from '../sellers/segments/recompute.ts';
import { getCommunication, type Communication } from './communication-query.ts';
import { CHANNELS, checkSeller, DIRECTIONS, oneOf, optionalDate, optionalText, requiredText, type Channel, type Direction } from './workspace-fields.ts';

export interface CommunicationInput {
  sellerId?: string;
  /** When it happened (ISO instant); default now. */
  at?: string;
  channel?: Channel;
  direction?: Direction;
  participants?: string | null;
  subject?: string;
  summary?: string | null;
  outcome?: string | null;
  nextAction?: string | null;
  dueAt?: string | null;
  owner?: string | null;
}

function cleanInstant(value: string | undefined, now: Date): Date {
  const at = value ? new Date(value) : now;
  if (Number.isNaN(at.getTime())) throw new UserError(`"${value}" is not a date and time`, { details: { field: 'at', value }, hint: 'e.g. 2026-11-24T10:30:00+07:00' });
  if (at.getTime() > now.getTime() + 5 * 60_000) throw new UserError('a contact cannot be logged in the future', { details: { field: 'at', value }, hint: 'log it once it happened, or create a task for it' });
  return at;
}

/** Validated values of a communication, before the seller check. */
export function cleanCommunication(input: CommunicationInput, timezone: string, now: Date = new Date()) {
  const at = cleanInstant(input.at, now);
  const nextAction = optionalText(input.nextAction, 'nextAction', 500);
  const dueAt = optionalDate(input.dueAt, 'dueAt');
  if (dueAt && !nextAction) throw new UserError('a due date needs a next action', { details: { field: 'nextAction' }, hint: 'say what happens by that date' });
  const day = todayIn(timezone, at);
  if (dueAt && dueAt < day) throw new UserError(`the next action is due ${dueAt}, before the contact itself (${day})`, { details: { field: 'dueAt', value: dueAt } });
  return {
    at,
    channel: oneOf(CHANNELS, input.channel, 'channel'),
    direction: oneOf(DIRECTIONS, input.direction ?? 'outbound', 'direction'),
    participants: optionalText(input.participants, 'participants', 500),
    subject: requiredText(input.subject, 'subject', 200, 'Live selling pitch'),
    summary: optionalText(input.summary, 'summary', 5000),
    outcome: optionalText(input.outcome, 'outcome', 500),
    nextAction,
    dueAt,
    owner: optionalText(input.owner, 'owner', 200),
  };
}

function auditView(c: Communication) {
  return { sellerId: c.sellerId, at: c.at, channel: c.channel, direction: c.direction, subject: c.subject, nextAction: c.nextAction, dueAt: c.dueAt, owner: c.owner };
}

export async function logCommunication(db: Database, actor: Actor, input: CommunicationInput): Promise<Communication> {
  const { timezone } = await getSettings(db);
  const v = cleanCommunication(input, timezone);
  const today = todayIn(timezone);
  // After any running seller-map recompute: both rewrite the contact rules' opportunities (DuckDB would refuse one).
  return serialized(db, () => db.transaction(async (tx) => {
    const sellerId = await checkSeller(tx, input.sellerId);
    if (!sellerId) throw new UserError('a communication is with a seller', { details: { field: 'sellerId' }, hint: 'give the seller id' });
    const [row] = await tx.query<{ id: number }>(sql`
      INSERT INTO communications (seller_id, "at", channel, direction, participants, subject, summary, outcome, next_action, due_at, owner, created_by)
      VALUES (${sellerId}, ${v.at}, ${v.channel}, ${v.direction}, ${v.participants}, ${v.subject}, ${v.summary}, ${v.outcome},
        ${v.nextAction}, CAST(${v.dueAt} AS DATE), ${v.owner}, ${actor.label})
      RETURNING id`);
    if (!row) throw new Error('insert returned no row');
    const communication = await getCommunication(tx, row.id, today);
    await writeAudit(tx, actor, { action: 'create', entity: 'communication', entityId: row.id, after: auditView(communication) });
    await reevaluateContactRules(tx);
    return communication;
  }));
}

export async function updateCommunication(db: Database, actor: Actor, id: number, input: CommunicationInput): Promise<Communication> {
  const { timezone } = await getSettings(db);
  const today = todayIn(timezone);
  return serialized(db, () => db.transaction(async (tx) => {
    const before = await getCommunication(tx, id, today);
    if (input.sellerId !== undefined && input.sellerId !== before.sellerId) {
      throw new UserError('a communication stays with its seller', { code: 'refused', hint: 'delete it and log it again with the right seller' });
    }
    const merged = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as CommunicationInput;
    const v = cleanCommunication({ ...before, ...merged }, timezone);
    await tx.run(sql`UPDATE communications SET "at" = ${v.at}, channel = ${v.channel}, direction = ${v.direction}, participants = ${v.participants},
      subject = ${v.subject}, summary = ${v.summary}, outcome = ${v.outcome}, next_action = ${v.nextAction}, due_at = CAST(${v.dueAt} AS DATE),
      owner = ${v.owner}, updated_at = now() WHERE id = ${id}`);
    const after = await getCommunication(tx, id, today);
    await writeAudit(tx, actor, { action: 'update', entity: 'communication', entityId: id, before: auditView(before), after: auditView(after) });
    await reevaluateContactRules(tx);
    return after;
  }));
}

export async function deleteCommunication(db: Database, actor: Actor, id: number): Promise<void> {
  const today = await getSettings(db).then((s) => todayIn(s.timezone));
  await serialized(db, () => db.transaction(async (tx) => {
    const before = await getCommunication(tx, id, today);
    const [task] = await tx.query<{ id: number }>(sql`SELECT id FROM tasks WHERE source = 'communication' AND source_ref = ${String(id)} LIMIT 1`);
    if (task) throw new UserError(`task #${task.id} follows up this communication`, { code: 'conflict', hint: 'delete or relink that task first' });
    await tx.run(sql`DELETE FROM communications WHERE id = ${id}`);
    await writeAudit(tx, actor, { action: 'delete', entity: 'communication', entityId: id, before: auditView(before) });
    await reevaluateContactRules(tx);
  }));
}
