/**
 * The manager's own campaign days (a brand day, a regional sale), kept as JSON in the `campaign_days`
 * setting next to the built-in calendar. Changing them is audited.
 */
import type { Database, Executor } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import type { Actor } from '../../auth/actor.ts';
import { writeAudit } from '../../auth/audit-log.ts';
import { daysBetween, isIsoDate } from '../../shared/dates.ts';
import { UserError } from '../../shared/errors.ts';
import { campaignDaysBetween, cleanCampaignDays, type CampaignDay } from './campaign-calendar.ts';

export const CAMPAIGN_DAYS_KEY = 'campaign_days';

export async function getExtraCampaignDays(executor: Executor): Promise<CampaignDay[]> {
  const [row] = await executor.query<{ value: string }>(sql`SELECT value FROM settings WHERE key = ${CAMPAIGN_DAYS_KEY}`);
  if (!row) return [];
  try {
    const parsed: unknown = JSON.parse(row.value);
    return Array.isArray(parsed) ? cleanCampaignDays(parsed as { date: string; label?: string }[]) : [];
  } catch {
    // A hand-edited setting that no longer parses must not stop every scan; it reads as none.
    return [];
  }
}

export async function setExtraCampaignDays(db: Database, actor: Actor, input: readonly { date: string; label?: string | null }[]): Promise<CampaignDay[]> {
  const days = cleanCampaignDays(input);
  await db.transaction(async (tx) => {
    const before = await getExtraCampaignDays(tx);
    await tx.run(sql`
      INSERT INTO settings (key, value) VALUES (${CAMPAIGN_DAYS_KEY}, ${JSON.stringify(days)})
      ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`);
    await writeAudit(tx, actor, { action: 'update', entity: 'campaign_days', before, after: days });
  });
  return days;
}

export interface CampaignCalendar {
  from: string;
  to: string;
  /** Built-in and extra days in the range, with where each comes from. */
  days: (CampaignDay & { source: 'built_in' | 'extra' })[];
  extra: CampaignDay[];
}

/** The calendar over a range, for people to check what the detector treats as planned peaks. */
export async function campaignCalendar(executor: Executor, from: string, to: string): Promise<CampaignCalendar> {
  if (!isIsoDate(from) || !isIsoDate(to) || from > to || daysBetween(from, to) > 800) {
    throw new UserError(`cannot show the campaign calendar from ${from} to ${to}`, { hint: 'give two dates YYYY-MM-DD, at most about two years apart' });
  }
  const extra = await getExtraCampaignDays(executor);
  const builtIn = campaignDaysBetween(from, to);
  const all = campaignDaysBetween(from, to, extra);
  const days = [...all.entries()].map(([date, label]) => ({ date, label, source: builtIn.has(date) ? ('built_in' as const) : ('extra' as const) }));
  return { from, to, days, extra };
}
