import { describe, expect, it } from 'vitest';
import { kpiHref, subcategoryHref } from '../overview/overview-links';
import {
  DEFAULT_LIVESTREAMS_VIEW,
  leaderboardQuery,
  livestreamsQuery,
  readLivestreamsView,
  readTab,
  sessionHref,
  tabParams,
} from './livestreams-view';

const read = (href: string) => readLivestreamsView(new URLSearchParams(href.split('?')[1] ?? ''));

describe('the Livestreams view in the URL', () => {
  it('reads the links the Overview produces as a custom period, subcategory and sort', () => {
    const range = { from: '2026-11-17', to: '2026-11-23' };
    expect(read(kpiHref('gpm', range))).toMatchObject({
      period: 'custom',
      from: '2026-11-17',
      to: '2026-11-23',
      sort: 'gpm',
      dir: 'desc',
    });
    expect(read(subcategoryHref('kitchen', 'engagement_rate', range))).toMatchObject({
      subcategory: 'kitchen',
      sort: 'engagement_rate',
    });
    // `gmv` is the Overview's name for a session's GMV, `live_sessions` opens the list unsorted.
    expect(read(kpiHref('live_gmv_share', range)).sort).toBe('live_gmv');
    expect(read(kpiHref('live_sessions', range)).sort).toBe('started_at');
  });

  it('writes only what differs from the default, and the API reads the same string', () => {
    expect(livestreamsQuery(DEFAULT_LIVESTREAMS_VIEW)).toBe('');
    const view = {
      ...DEFAULT_LIVESTREAMS_VIEW,
      period: 'custom' as const,
      from: '2026-11-01',
      to: '2026-11-07',
      host: 'Ana Lee',
      band: 'top' as const,
      sort: 'gpm' as const,
      page: 3,
    };
    const query = livestreamsQuery(view);
    expect(query).toBe('from=2026-11-01&to=2026-11-07&host=Ana+Lee&band=top&sort=gpm&page=3');
    expect(readLivestreamsView(new URLSearchParams(query))).toEqual(view);
    expect(leaderboardQuery(view)).toBe('from=2026-11-01&to=2026-11-07');
    expect(sessionHref('73 01', view)).toBe(
      '/livestreams/73%2001?from=2026-11-01&to=2026-11-07&host=Ana+Lee&band=top&sort=gpm',
    );
  });

  it('falls back to the defaults for anything it does not know', () => {
    expect(
      readLivestreamsView(
        new URLSearchParams('period=decade&sort=password&band=excellent&page=-2&from=2026-02-30'),
      ),
    ).toEqual(DEFAULT_LIVESTREAMS_VIEW);
  });

  it('keeps the review filters and the quality sort, and the tab apart from the list query', () => {
    const view = { ...DEFAULT_LIVESTREAMS_VIEW, reviewed: 'no' as const, scoreBand: '80-100' as const, sort: 'quality_score' as const };
    const query = livestreamsQuery(view);
    expect(query).toBe('reviewed=no&scoreBand=80-100&sort=quality_score');
    expect(readLivestreamsView(new URLSearchParams(query))).toEqual(view);
    expect(readLivestreamsView(new URLSearchParams('reviewed=maybe&scoreBand=5-10'))).toEqual(DEFAULT_LIVESTREAMS_VIEW);
    const params = new URLSearchParams(query);
    expect(readTab(params)).toBe('sessions');
    const queue = tabParams(params, 'queue');
    expect(queue.toString()).toBe('reviewed=no&scoreBand=80-100&sort=quality_score&tab=queue');
    expect(readTab(queue)).toBe('queue');
    expect(tabParams(queue, 'sessions').toString()).toBe(query);
    expect(readTab(new URLSearchParams('tab=nonsense'))).toBe('sessions');
  });
});
