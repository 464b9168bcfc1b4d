import { describe, expect, it } from 'vitest';
import { blackFriday, builtInCampaign, campaignDaysBetween, cleanCampaignDays } from './campaign-calendar.ts';

describe('campaign calendar', () => {
  it('knows every double day, and the warm-up day before the big four only', () => {
    expect(builtInCampaign('2026-01-01')).toBe('1.1');
    expect(builtInCampaign('2026-06-06')).toBe('6.6');
    expect(builtInCampaign('2026-11-11')).toBe('11.11');
    expect(builtInCampaign('2026-12-12')).toBe('12.12');
    expect(builtInCampaign('2026-11-10')).toBe('11.11 warm-up');
    expect(builtInCampaign('2026-09-08')).toBe('9.9 warm-up');
    expect(builtInCampaign('2026-06-05')).toBeNull();
    expect(builtInCampaign('2026-11-12')).toBeNull();
  });

  it('puts Black Friday on the day after the fourth Thursday of November, and Cyber Monday three days later', () => {
    expect(blackFriday(2024)).toBe('2024-11-29'); // 1 November 2024 was a Friday
    expect(blackFriday(2025)).toBe('2025-11-28');
    expect(blackFriday(2026)).toBe('2026-11-27');
    expect(builtInCampaign('2026-11-27')).toBe('Black Friday');
    expect(builtInCampaign('2026-11-30')).toBe('Cyber Monday');
    expect(builtInCampaign('2026-11-20')).toBeNull();
  });

  it('adds the manager’s extra days without overriding a built-in label', () => {
    const days = campaignDaysBetween('2026-06-01', '2026-06-30', [
      { date: '2026-06-18', label: 'Brand day' },
      { date: '2026-06-06', label: 'Mid-year' },
      { date: '2026-07-07', label: 'Outside the range' },
    ]);
    expect([...days.entries()]).toEqual([
      ['2026-06-06', '6.6'],
      ['2026-06-18', 'Brand day'],
    ]);
  });

  it('cleans a list: one entry per date, sorted, labelled; a bad date is refused with a hint', () => {
    expect(cleanCampaignDays([{ date: '2026-06-18', label: ' Brand day ' }, { date: '2026-03-01' }, { date: '2026-06-18', label: 'Again' }])).toEqual([
      { date: '2026-03-01', label: 'Campaign' },
      { date: '2026-06-18', label: 'Again' },
    ]);
    expect(() => cleanCampaignDays([{ date: '2026-02-30' }])).toThrow(/campaign day "2026-02-30" is not a date/);
  });
});
