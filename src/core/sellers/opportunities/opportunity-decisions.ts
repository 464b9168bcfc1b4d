/**
 * What a user decides about an opportunity: dismiss it (hidden until restored) or snooze it until
 * a date (hidden until then), always with a reason; or restore it. Kept in `opportunity_states`
 * by rule and subject, so the decision survives every recompute. Each change is audited.
 */
import type { Database } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { addDays, isIsoDate } from '../../shared/dates.ts';
import { UserError } from '../../shared/errors.ts';
import type { Actor } from '../../auth/actor.ts';
import { writeAudit } from '../../auth/audit-log.ts';
import { getOpportunity, type Opportunity } from './opportunity-list.ts';

export const MAX_SNOOZE_DAYS = 365;

export interface OpportunityRef {
  rule: string;
  subject: string;
}

function cleanReason(reason: string): string {
  const value = reason.trim();
  if (!value) throw new UserError('say why, in a few words', { details: { field: 'reason' }, hint: 'e.g. "seller is on holiday until March" or "not a fit for live"' });
  if (value.length > 500) throw new UserError('the reason is longer than 500 characters', { details: { field: 'reason' } });
  return value;
}

function decisionOf(o: Opportunity): unknown {
  return o.decision ? { status: o.decision.status, until: o.decision.until, reason: o.decision.reason } : null;
}

async function decide(db: Database, actor: Actor, ref: OpportunityRef, next: { state: 'dismissed' | 'snoozed'; until: string | null; reason: string } | null, today?: string): Promise<Opportunity> {
  return db.transaction(async (tx) => {
    const before = await getOpportunity(tx, ref.rule, ref.subject, today);
    if (!next && !before.decision) throw new UserError('this opportunity is neither dismissed nor snoozed', { code: 'conflict', hint: 'nothing to restore' });
    await tx.run(sql`DELETE FROM opportunity_states WHERE rule = ${before.rule} AND subject = ${before.subject}`);
    if (next) {
      await tx.run(sql`
        INSERT INTO opportunity_states (rule, subject, state, snoozed_until, reason, "by")
        VALUES (${before.rule}, ${before.subject}, ${next.state}, ${next.until}, ${next.reason}, ${actor.label})`);
    }
    const after = await getOpportunity(tx, ref.rule, ref.subject, today);
    await writeAudit(tx, actor, { action: 'update', entity: 'opportunity', entityId: after.key, before: decisionOf(before), after: decisionOf(after) });
    return after;
  });
}

export async function dismissOpportunity(db: Database, actor: Actor, ref: OpportunityRef, reason: string): Promise<Opportunity> {
  return decide(db, actor, ref, { state: 'dismissed', until: null, reason: cleanReason(reason) });
}

/** Hides the opportunity until `until` (a date after today, within a year). */
export async function snoozeOpportunity(db: Database, actor: Actor, ref: OpportunityRef, until: string, reason: string, today: string): Promise<Opportunity> {
  if (!isIsoDate(until)) throw new UserError(`snooze until must be a date YYYY-MM-DD, got "${until}"`, { details: { field: 'until' } });
  if (until <= today) throw new UserError(`snooze until ${until} is not after today (${today})`, { details: { field: 'until' }, hint: 'pick a later date' });
  const last = addDays(today, MAX_SNOOZE_DAYS);
  if (until > last) throw new UserError(`snooze until ${until} is more than a year away`, { details: { field: 'until' }, hint: `pick a date up to ${last}, or dismiss it instead` });
  return decide(db, actor, ref, { state: 'snoozed', until, reason: cleanReason(reason) }, today);
}

export async function restoreOpportunity(db: Database, actor: Actor, ref: OpportunityRef): Promise<Opportunity> {
  return decide(db, actor, ref, null);
}
