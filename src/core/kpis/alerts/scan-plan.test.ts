import { describe, expect, it } from 'vitest';
import { campaignDaysBetween } from './campaign-calendar.ts';
import { BASELINE_WEEKS, firstDayToJudge, planScan, SKIPPED_WEEKS } from './scan-plan.ts';

describe('firstDayToJudge', () => {
  it('judges the days since the last scan, at least the latest day and at most a week', () => {
    expect(firstDayToJudge('2026-11-15', null)).toBe('2026-11-09');
    expect(firstDayToJudge('2026-11-15', '2026-11-13')).toBe('2026-11-14');
    expect(firstDayToJudge('2026-11-15', '2026-11-15')).toBe('2026-11-15');
    expect(firstDayToJudge('2026-11-15', '2026-10-01')).toBe('2026-11-09');
    expect(firstDayToJudge('2026-11-15', '2026-11-14', 3)).toBe('2026-11-13');
  });
});

describe('planScan', () => {
  const campaigns = campaignDaysBetween('2026-06-01', '2026-11-15');
  const plan = planScan({ asOf: '2026-11-15', firstDay: '2026-11-09', dataFrom: '2026-06-01', campaigns });

  it('skips campaign days and compares every other day with the same weekday of earlier weeks', () => {
    expect(plan.skipped.map((d) => d.date)).toEqual(['2026-11-10', '2026-11-11']);
    expect(plan.days.map((d) => d.date)).toEqual(['2026-11-09', '2026-11-12', '2026-11-13', '2026-11-14', '2026-11-15']);
    const thursday = plan.days.find((d) => d.date === '2026-11-12');
    expect(thursday?.baseline).toEqual(['2026-11-05', '2026-10-29', '2026-10-22', '2026-10-15', '2026-10-08', '2026-10-01', '2026-09-24', '2026-09-17']);
  });

  it('leaves campaign days and days before the data out of every baseline', () => {
    const sunday = plan.days.find((d) => d.date === '2026-11-15');
    expect(sunday?.baseline).toContain('2026-11-08'); // an ordinary Sunday: kept
    const tuesdayPlan = planScan({ asOf: '2026-10-13', firstDay: '2026-10-13', dataFrom: '2026-09-01', campaigns });
    // 2026-09-08 is the 9.9 warm-up; 2026-08-25 is before the data starts.
    expect(tuesdayPlan.days[0]?.baseline).toEqual(['2026-10-06', '2026-09-29', '2026-09-22', '2026-09-15', '2026-09-01']);
    const friday = planScan({ asOf: '2026-10-16', firstDay: '2026-10-16', dataFrom: '2026-06-01', campaigns });
    expect(friday.days[0]?.baseline).not.toContain('2026-10-09'); // 10.10 warm-up
  });

  it('builds the weekly windows: the last 7 days, then 8 windows from 3 weeks back, on the same weekdays', () => {
    expect(plan.weeks.map((w) => w.index)).toEqual([0, ...Array.from({ length: BASELINE_WEEKS }, (_, i) => SKIPPED_WEEKS + 1 + i)]);
    const [latest, first] = plan.weeks;
    expect(latest).toMatchObject({ from: '2026-11-09', to: '2026-11-15', days: ['2026-11-09', '2026-11-12', '2026-11-13', '2026-11-14', '2026-11-15'] });
    // Monday, Thursday … Sunday: the weekdays the latest window counts (Tuesday and Wednesday were 11.10/11.11).
    expect(first).toMatchObject({ from: '2026-10-19', to: '2026-10-25', days: ['2026-10-19', '2026-10-22', '2026-10-23', '2026-10-24', '2026-10-25'] });
    expect(plan.from).toBe(plan.weeks.at(-1)?.from);
  });
});
