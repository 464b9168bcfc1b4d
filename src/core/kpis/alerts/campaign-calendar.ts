/**
 * The marketplace's planned peak days. A campaign day sells two to four times a normal day on
 * purpose, so the anomaly detector must neither raise it as an alarm nor let it inflate the
 * "usual" level of the days around it: campaign days are left out of every baseline and are not
 * judged at the day grain (threshold rules still judge them).
 *
 * Built in: every double day (1.1 … 12.12), the warm-up day before each of the big four (9.9, 10.10,
 * 11.11, 12.12 — marketplaces open pre-sales then), Black Friday (the day after the fourth Thursday
 * of November) and Cyber Monday (the Monday after it). Managers add their own dates (a brand day,
 * a regional holiday sale) in the `campaign_days` setting.
 */
import { addDays, isIsoDate } from '../../shared/dates.ts';
import { UserError } from '../../shared/errors.ts';

export interface CampaignDay {
  date: string;
  label: string;
}

const BIG_FOUR_MONTHS = new Set([9, 10, 11, 12]);

function parts(date: string): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** Black Friday of a year: the day after the fourth Thursday of November. */
export function blackFriday(year: number): string {
  const firstWeekday = new Date(Date.UTC(year, 10, 1)).getUTCDay(); // 0 = Sunday … 4 = Thursday
  const firstThursday = 1 + ((4 - firstWeekday + 7) % 7);
  const thanksgiving = firstThursday + 21;
  return `${year}-11-${String(thanksgiving + 1).padStart(2, '0')}`;
}

/** The built-in campaign a date belongs to, or null on an ordinary day. */
export function builtInCampaign(date: string): string | null {
  const { year, month, day } = parts(date);
  if (month === day) return `${month}.${day}`;
  const next = parts(addDays(date, 1));
  if (next.month === next.day && BIG_FOUR_MONTHS.has(next.month)) return `${next.month}.${next.day} warm-up`;
  if (month === 11 || month === 12) {
    const friday = blackFriday(year);
    if (date === friday) return 'Black Friday';
    if (date === addDays(friday, 3)) return 'Cyber Monday';
  }
  return null;
}

/** Every campaign day from `from` to `to` (inclusive): built-in ones and the manager's extra dates. */
export function campaignDaysBetween(from: string, to: string, extra: readonly CampaignDay[] = []): Map<string, string> {
  const days = new Map<string, string>();
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const label = builtInCampaign(date);
    if (label) days.set(date, label);
  }
  for (const item of extra) {
    if (item.date >= from && item.date <= to && !days.has(item.date)) days.set(item.date, item.label);
  }
  return days;
}

export const MAX_EXTRA_CAMPAIGN_DAYS = 500;

/** Checks and tidies a manager's list: real dates, a short label, one entry per date, sorted. */
export function cleanCampaignDays(input: readonly { date: string; label?: string | null }[]): CampaignDay[] {
  if (input.length > MAX_EXTRA_CAMPAIGN_DAYS) {
    throw new UserError(`at most ${MAX_EXTRA_CAMPAIGN_DAYS} extra campaign days can be kept`, { hint: 'remove dates that are long past' });
  }
  const byDate = new Map<string, string>();
  for (const item of input) {
    if (!isIsoDate(item.date)) {
      throw new UserError(`campaign day "${item.date}" is not a date`, { hint: 'write dates as YYYY-MM-DD, e.g. 2026-06-18', details: { field: 'date', value: item.date } });
    }
    const label = (item.label ?? '').trim() || 'Campaign';
    byDate.set(item.date, label.slice(0, 60));
  }
  return [...byDate.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, label]) => ({ date, label }));
}
