/**
 * Which days a scan judges and what each is compared with — decided once, in plain dates, before
 * any SQL runs. A judged day is compared with the same weekday of the previous BASELINE_WEEKS weeks
 * (weekly rhythm: weekends sell more). The weekly grain compares the last 7 days with BASELINE_WEEKS
 * 7-day windows before them, skipping the SKIPPED_WEEKS most recent ones: a drop that began two or
 * three weeks ago would otherwise already fill the baseline and be judged against itself.
 *
 * Campaign days are in no baseline and are not judged at the day grain. A weekly window leaves them
 * out, and every window then counts only the weekdays the last 7 days count (so dropping Tuesday
 * 11.11 does not leave a weekend-heavy window that looks like growth); sums are scaled back to 7 days.
 */
import { addDays } from '../../shared/dates.ts';
import type { CampaignDay } from './campaign-calendar.ts';

export const BASELINE_WEEKS = 8;
/** Weekly grain: the windows right before the last 7 days that are not part of its baseline. */
export const SKIPPED_WEEKS = 2;
/** A scan judges at most this many days (the days since the last scan). */
export const MAX_SCAN_DAYS = 7;

export interface JudgedDay {
  date: string;
  /** Same weekday of earlier weeks, newest first, without campaign days or days before the data. */
  baseline: string[];
}

export interface WeekWindow {
  /** 0 = the last 7 days up to asOf; k = the 7-day window k weeks before it (baseline: SKIPPED_WEEKS + 1 …). */
  index: number;
  from: string;
  to: string;
  /** The window's days that count: not campaign days, not before the data starts. */
  days: string[];
}

export interface ScanPlan {
  asOf: string;
  /** Earliest date any comparison reads. */
  from: string;
  days: JudgedDay[];
  /** Campaign days inside the judged range: not judged at the day grain. */
  skipped: CampaignDay[];
  weeks: WeekWindow[];
}

/**
 * First day to judge: the day after the last scan's data day, but at least the latest day (a
 * re-import may have changed it) and at most MAX_SCAN_DAYS back. An explicit `days` wins.
 */
export function firstDayToJudge(asOf: string, lastScanAsOf: string | null, days?: number): string {
  const oldest = addDays(asOf, -(MAX_SCAN_DAYS - 1));
  if (days !== undefined) return addDays(asOf, -(Math.min(Math.max(days, 1), MAX_SCAN_DAYS) - 1));
  if (!lastScanAsOf) return oldest;
  const next = addDays(lastScanAsOf, 1);
  if (next > asOf) return asOf;
  return next < oldest ? oldest : next;
}

export function planScan(input: {
  asOf: string;
  firstDay: string;
  /** First date with any data; earlier dates are missing, not zero. */
  dataFrom: string;
  campaigns: ReadonlyMap<string, string>;
}): ScanPlan {
  const { asOf, firstDay, dataFrom, campaigns } = input;
  const counts = (date: string) => date >= dataFrom && !campaigns.has(date);
  const days: JudgedDay[] = [];
  const skipped: CampaignDay[] = [];
  for (let date = firstDay; date <= asOf; date = addDays(date, 1)) {
    const label = campaigns.get(date);
    if (label) {
      skipped.push({ date, label });
      continue;
    }
    const baseline: string[] = [];
    for (let week = 1; week <= BASELINE_WEEKS; week += 1) {
      const day = addDays(date, -7 * week);
      if (counts(day)) baseline.push(day);
    }
    days.push({ date, baseline });
  }
  const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
  const window = (index: number, keep: (day: string) => boolean): WeekWindow => {
    const to = addDays(asOf, -7 * index);
    const from = addDays(to, -6);
    const windowDays: string[] = [];
    for (let day = from; day <= to; day = addDays(day, 1)) if (counts(day) && keep(day)) windowDays.push(day);
    return { index, from, to, days: windowDays };
  };
  const latest = window(0, () => true);
  const weekdays = new Set(latest.days.map(weekday));
  const weeks: WeekWindow[] = [latest];
  for (let index = SKIPPED_WEEKS + 1; index <= SKIPPED_WEEKS + BASELINE_WEEKS; index += 1) {
    weeks.push(window(index, (day) => weekdays.has(weekday(day))));
  }
  const dayFrom = addDays(firstDay, -7 * BASELINE_WEEKS);
  const weekFrom = weeks.at(-1)?.from ?? dayFrom;
  return { asOf, from: dayFrom < weekFrom ? dayFrom : weekFrom, days, skipped, weeks };
}
